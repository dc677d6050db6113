import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { firstValueFrom, type Observable } from 'rxjs';
import { Mastodon, MastodonError, MastodonIllegalArgumentError } from '../../src/index.js';
import { redact } from '../../src/http/redact.js';
import { json, startLoopback } from '../support/loopback.js';

const noNetwork = { handle: () => { throw new Error('must not send'); } };

describe('errors only through the Observable', () => {
  const api = new Mastodon({ api_base_url: 'https://m.example', version_check_mode: 'none', session: noNetwork });
  const bad: [string, () => Observable<unknown>][] = [
    ['status(undefined)', () => api.status(undefined as unknown as string)],
    ['status({})', () => api.status({} as unknown as string)],
    ['status(2^60 as a number)', () => api.status(2 ** 60 as unknown as string)],
    ['status(\'\')', () => api.status('')],
    ['statusPost(42)', () => api.statusPost(42 as unknown as string)],
    ['statusPost with media and poll', () => api.statusPost('x', { media_ids: ['1'], poll: { options: ['a', 'b'], expires_in: 300 } })],
    ['statusPost with an invalid Date', () => api.statusPost('x', { scheduled_at: new Date('nope') })],
    ['statusPost with options that are not an object', () => api.statusPost('x', 'public' as unknown as object)],
    ['timeline with a NaN limit', () => api.timeline({ limit: Number.NaN })],
    ['timeline with a dot segment', () => api.timeline({ timeline: 'tag/../../admin' })],
    ['timeline with an invalid Date cursor', () => api.timeline({ max_id: new Date('x') })],
  ];
  for (const [name, call] of bad) {
    it(`${name} fails in the error channel with MastodonIllegalArgumentError`, async () => {
      let observable;
      assert.doesNotThrow(() => { observable = call(); });
      const error = await firstValueFrom(observable!).catch((e: unknown) => e);
      assert.ok(error instanceof MastodonIllegalArgumentError, String(error));
    });
  }

  it('a static call fails in the error channel too', async () => {
    const error = await firstValueFrom(Mastodon.createApp('app', {})).catch((e: unknown) => e);
    assert.ok(error instanceof MastodonError);
  });
});

describe('debug_requests', () => {
  it('logs requests with tokens and secrets redacted', async () => {
    const server = await startLoopback((_req, res) => json(res, { access_token: 't', scope: 'read', token_type: 'Bearer', created_at: 0 }));
    const lines: string[] = [];
    const original = console.debug;
    console.debug = (...args: unknown[]) => { lines.push(args.map((a) => typeof a === 'string' ? a : JSON.stringify(a)).join(' ')); };
    try {
      const api = new Mastodon({ api_base_url: server.url, client_id: 'cid', client_secret: 'shh-secret', access_token: 'tok-secret', debug_requests: true, version_check_mode: 'none' });
      await firstValueFrom(api.logIn('me@example.com', 'hunter2-secret', { scopes: ['read'] }));
    } finally {
      console.debug = original;
      await server.close();
    }
    const log = lines.join('\n');
    assert.match(log, /POST .*\/oauth\/token/);
    assert.match(log, /me@example\.com/);
    for (const secret of ['shh-secret', 'tok-secret', 'hunter2-secret']) assert.ok(!log.includes(secret), `${secret} leaked`);
  });

  it('redacts secrets in URLs and nested objects', () => {
    assert.equal(redact('https://m.example/x?access_token=abc&limit=2'), 'https://m.example/x?access_token=[redacted]&limit=2');
    assert.deepEqual(redact({ a: { password: 'p', keep: 1 }, list: [{ token: 't' }] }), { a: { password: '[redacted]', keep: 1 }, list: [{ token: '[redacted]' }] });
  });
});

describe('values without a prototype', () => {
  const api = new Mastodon({ api_base_url: 'https://m.example', version_check_mode: 'none', session: noNetwork });
  const bare = Object.create(null) as never;
  const calls: [string, () => Observable<unknown>][] = [
    ['filterCreate context', () => api.filterCreate('x', bare)],
    ['notifications types', () => api.notifications({ types: [bare] })],
    ['statusReblog visibility', () => api.statusReblog('1', { visibility: bare })],
  ];
  for (const [name, call] of calls) {
    it(`${name}: an argument error, not a TypeError`, async () => {
      const error = await firstValueFrom(call()).catch((e: unknown) => e);
      assert.ok(error instanceof MastodonIllegalArgumentError, String(error));
    });
  }
});
