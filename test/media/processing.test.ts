import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { catchError, map, type Observable, of } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { Mastodon, MastodonAPIError, type HttpBackend, type HttpRequest, type HttpResponse } from '../../src/index.js';
import { MP4 } from './fixtures.js';


function reply(status: number, body: unknown): HttpResponse {
  return { status, statusText: status === 202 ? 'Accepted' : status === 206 ? 'Partial Content' : 'OK', headers: {}, body: JSON.stringify(body) };
}

const pending = { id: '7', type: 'video', url: null, preview_url: null, remote_url: null, description: null, blurhash: null };
const processed = { ...pending, url: 'https://files.example/7.mp4' };

/**
 * A backend that answers each request with the next scripted cold Observable for its
 * `METHOD path`, and remembers the cold Observables it handed out (for subscription logs).
 */
class ScriptedBackend implements HttpBackend {
  readonly handedOut: { key: string; cold: ReturnType<TestScheduler['createColdObservable']> }[] = [];

  constructor(private readonly scheduler: TestScheduler, private readonly script: Record<string, string[]>,
    private readonly values: Record<string, HttpResponse>) {}

  handle(request: HttpRequest): Observable<HttpResponse> {
    const key = `${request.method} ${new URL(request.url).pathname}`;
    const marbles = this.script[key]?.shift();
    if (marbles === undefined) throw new Error(`unexpected request ${key}`);
    const cold = this.scheduler.createColdObservable(marbles, this.values);
    this.handedOut.push({ key, cold });
    return cold;
  }

  subscriptionsOf(key: string): string[][] {
    return this.handedOut.filter((h) => h.key === key).map((h) => h.cold.subscriptions.map((s) => `${s.subscribedFrame}-${s.unsubscribedFrame}`));
  }
}

function clientWith(backend: HttpBackend, scheduler: TestScheduler): Mastodon {
  return new Mastodon({ api_base_url: 'https://mastodon.example', access_token: 't', mastodon_version: '4.0.2', session: backend, scheduler });
}

const describeError = (error: unknown): string => (error instanceof MastodonAPIError ? `${error.name} ${error.status} ${error.message}` : String(error));

describe('mediaPost({ synchronous: true }) in virtual time', () => {
  const values = { a: reply(202, pending), p: reply(206, pending), d: reply(200, processed), f: reply(422, { error: 'Error processing media' }) };

  it('polls GET /api/v1/media/{id} at once, then every 5 s, until the url is set', () => {
    const scheduler = new TestScheduler((actual, expected) => assert.deepEqual(actual, expected));
    scheduler.run(({ expectObservable }) => {
      const backend = new ScriptedBackend(scheduler, { 'POST /api/v2/media': ['-a|'], 'GET /api/v1/media/7': ['-p|', '-p|', '-d|'] }, values);
      const api = clientWith(backend, scheduler);
      expectObservable(api.mediaPost(MP4, { synchronous: true }).pipe(map((m) => m.url))).toBe('10004ms (u|)', { u: processed.url });
      scheduler.flush();
      assert.deepEqual(backend.subscriptionsOf('GET /api/v1/media/7'), [['1-3'], ['5002-5004'], ['10003-10004']]);
    });
  });

  it('reports the processing state between upload and result', () => {
    const scheduler = new TestScheduler((actual, expected) => assert.deepEqual(actual, expected));
    scheduler.run(({ expectObservable }) => {
      const backend = new ScriptedBackend(scheduler, { 'POST /api/v2/media': ['-a|'], 'GET /api/v1/media/7': ['-p|', '-d|'] }, values);
      const api = clientWith(backend, scheduler);
      const types = api.mediaPostWithProgress(MP4, { synchronous: true }).pipe(map((e) => e.type));
      expectObservable(types).toBe('gp 5001ms (d|)', { g: 'progress', p: 'processing', d: 'done' });
    });
  });

  it('gives up with a MastodonAPIError after synchronous_timeout, and stops polling', () => {
    const scheduler = new TestScheduler((actual, expected) => assert.deepEqual(actual, expected));
    scheduler.run(({ expectObservable }) => {
      const backend = new ScriptedBackend(scheduler, { 'POST /api/v2/media': ['-a|'], 'GET /api/v1/media/7': ['-p|', '-p|', '-p|', '---p|'] }, values);
      const api = clientWith(backend, scheduler);
      const result = api.mediaPost(MP4, { synchronous: true, synchronous_timeout: 15 }).pipe(catchError((e: unknown) => of(describeError(e))));
      expectObservable(result).toBe('15001ms (e|)', { e: 'MastodonAPIError 206 Media 7 was still being processed after 15 s' });
      scheduler.flush();
      assert.deepEqual(backend.subscriptionsOf('GET /api/v1/media/7'), [['1-3'], ['5002-5004'], ['10003-10005']]);
      assert.equal(backend.handedOut.length, 4, 'no poll after the timeout');
    });
  });

  it('fails clearly when the server reports that processing failed', () => {
    const scheduler = new TestScheduler((actual, expected) => assert.deepEqual(actual, expected));
    scheduler.run(({ expectObservable }) => {
      const backend = new ScriptedBackend(scheduler, { 'POST /api/v2/media': ['-a|'], 'GET /api/v1/media/7': ['-p|', '-f|'] }, values);
      const api = clientWith(backend, scheduler);
      const result = api.mediaPost(MP4, { synchronous: true }).pipe(catchError((e: unknown) => of(describeError(e))));
      expectObservable(result).toBe('5003ms (e|)', {
        e: 'MastodonAPIError 422 Media 7 could not be processed: Mastodon API returned error: 422 OK: Error processing media',
      });
    });
  });

  it('stops polling when unsubscribed while waiting', () => {
    const scheduler = new TestScheduler((actual, expected) => assert.deepEqual(actual, expected));
    scheduler.run(({ expectObservable }) => {
      const backend = new ScriptedBackend(scheduler, { 'POST /api/v2/media': ['-a|'], 'GET /api/v1/media/7': ['-p|', '-p|', '-d|'] }, values);
      const api = clientWith(backend, scheduler);
      expectObservable(api.mediaPost(MP4, { synchronous: true }), '7000ms !').toBe('');
      scheduler.flush();
      assert.deepEqual(backend.subscriptionsOf('GET /api/v1/media/7'), [['1-3'], ['5002-5004']]);
      scheduler.schedule(() => undefined, 20_000);
      scheduler.flush();
      assert.equal(backend.handedOut.length, 3, 'no poll after unsubscribe');
    });
  });
});
