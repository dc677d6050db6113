import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { firstValueFrom, map, of, type Observable } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import {
  MastodonAPIError, MastodonServiceUnavailableError, MastodonUnauthorizedError, type Mastodon,
} from '../../src/index.js';
import { secureStreamingBase, streamingBaseUrl, streamingHost } from '../../src/streaming/host.js';
import { reply } from '../ratelimit/virtual-server.js';

/** A client's raw answer holding `value` as JSON. */
const answering = (value: unknown) => reply(200, {}, JSON.stringify(value));

function apiNaming(apiBase: string, streaming: unknown): Mastodon {
  return { api_base_url: apiBase, send: () => of(answering({ urls: { streaming_api: streaming } })) } as unknown as Mastodon;
}

describe('the streaming host', () => {
  it('is never downgraded from TLS: an https API naming ws:// or http:// streams over wss/https', async () => {
    assert.equal(await firstValueFrom(streamingBaseUrl(apiNaming('https://example.social', 'ws://streaming.example'))), 'https://streaming.example');
    assert.equal(await firstValueFrom(streamingBaseUrl(apiNaming('https://example.social', 'http://streaming.example:8080/'))), 'https://streaming.example:8080');
    assert.equal(secureStreamingBase('https://streaming.example', 'https://example.social'), 'https://streaming.example');
  });

  it('stays as named when the API itself is on plain http (a loopback or development server)', async () => {
    assert.equal(await firstValueFrom(streamingBaseUrl(apiNaming('http://127.0.0.1:3000', 'ws://127.0.0.1:4000'))), 'http://127.0.0.1:4000');
  });
});

describe('host discovery that degrades gracefully (virtual time)', () => {
  const failure = (status: number): MastodonAPIError => {
    const Class = status === 401 ? MastodonUnauthorizedError : status === 503 ? MastodonServiceUnavailableError : MastodonAPIError;
    return new Class(`${status}`, { status, reason: '', error: 'no', body: {} });
  };

  function lookups(answer: (ts: TestScheduler) => Observable<unknown>, subscribeAt: number[]): { results: string[]; asks: number[] } {
    const results: string[] = [];
    const asks: number[] = [];
    const ts = new TestScheduler((a, e) => assert.deepEqual(a, e));
    ts.run(() => {
      const api = {
        api_base_url: 'https://example.social', scheduler: ts,
        send: () => { asks.push(ts.now()); return answer(ts).pipe(map(answering)); },
      } as unknown as Mastodon;
      for (const at of subscribeAt) {
        ts.schedule(() => streamingHost(api).subscribe({
          next: (host) => results.push(`${ts.now()} ${host.base}${host.fallback ? ` (${(host.fallback as Error).constructor.name})` : ''}`),
          error: (error: unknown) => results.push(`${ts.now()} error ${(error as Error).constructor.name}`),
        }), at);
      }
    });
    return { results, asks };
  }

  for (const status of [400, 404, 500, 503]) {
    it(`a lookup answered ${status} falls back to the API host and says why; the next connection asks again`, () => {
      const { results, asks } = lookups((ts) => ts.createColdObservable('-#', undefined, failure(status)), [0, 100]);
      const name = failure(status).constructor.name;
      assert.deepEqual(results, [`1 https://example.social (${name})`, `101 https://example.social (${name})`]);
      assert.deepEqual(asks, [0, 100]);
    });
  }

  it('a 401 or 403 ends the stream: the token cannot stream there either', () => {
    assert.deepEqual(lookups((ts) => ts.createColdObservable('-#', undefined, failure(401)), [0]).results, ['1 error MastodonUnauthorizedError']);
    assert.deepEqual(lookups((ts) => ts.createColdObservable('-#', undefined, failure(403)), [0]).results, ['1 error MastodonAPIError']);
  });

  it('a lookup that hangs falls back after 5 s', () => {
    assert.deepEqual(lookups((ts) => ts.createColdObservable('-'), [0]).results, ['5000 https://example.social (MastodonReadTimeout)']);
  });

  it('an answer is remembered, and connections that ask at once share one lookup', () => {
    const { results, asks } = lookups((ts) => ts.createColdObservable('--(a|)', { a: { urls: { streaming_api: 'wss://streaming.example' } } }), [0, 1, 50]);
    assert.deepEqual(results, ['2 https://streaming.example', '2 https://streaming.example', '50 https://streaming.example']);
    assert.deepEqual(asks, [0]);
  });
});
