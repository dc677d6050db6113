import { configureAngular, TestBed } from '../support/angular.js';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { provideHttpClient, withFetch, withInterceptors } from '@angular/common/http';
import { firstValueFrom, lastValueFrom, toArray } from 'rxjs';
import { MastodonAPIError, MastodonMalformedResponseError, MastodonNotFoundError, paginate, type MastodonClient } from '../../src/core.js';
import { status, statusPost, timelineHome } from '../../src/api.js';
import { FakeMastodon } from '../../src/testing/index.js';
import { injectMastodonClient, provideMastodonClient, withHttpClient } from '../../src/angular.js';
import { startLoopback } from '../support/loopback.js';
import { until, within } from '../support/deadline.js';

/** A client of a fresh testing module, through Angular's fetch backend, which logs the URLs it sends. */
function clientThroughFetch(api_base_url: string, access_token?: string, sent: string[] = []): MastodonClient {
  configureAngular([
    provideHttpClient(withFetch(), withInterceptors([(req, next) => { sent.push(`${req.method} ${req.url}`); return next(req); }])),
    provideMastodonClient({ api_base_url, access_token, mastodon_version: '4.0.2', max_response_bytes: 4096 }, withHttpClient()),
  ]);
  return TestBed.runInInjectionContext(injectMastodonClient);
}

// Angular's own fetch backend (withFetch()) on Node's fetch, against servers on loopback.
describe('HttpClientBackend on the wire, through Angular\'s fetch backend', () => {
  let server: FakeMastodon;
  before(async () => { server = await FakeMastodon.start(); });
  after(() => server.close());

  it('posts, pages through Link headers and reads the rate limit, every request seen by the interceptors', async () => {
    const { token } = server.createUser('alice');
    const sent: string[] = [];
    const client = clientThroughFetch(server.url, token, sent);
    for (const text of ['one', 'two', 'three']) await firstValueFrom(statusPost(client, text));
    const pages = await lastValueFrom(paginate(timelineHome(client, { limit: 2 })).pipe(toArray()));
    assert.deepEqual(pages.map((page) => page.map((s) => s.content)), [['<p>three</p>', '<p>two</p>'], ['<p>one</p>']]);
    assert.ok(pages[0]![0]!.created_at instanceof Date);
    assert.equal(client.ratelimit_limit, 300);
    assert.ok(client.ratelimit_remaining < 300, `remaining ${client.ratelimit_remaining}`);
    assert.ok(sent.filter((line) => line.startsWith(`GET ${server.url}/api/v1/timelines/home`)).length >= 2, sent.join('\n'));
    assert.deepEqual(server.requestsTo('POST /api/v1/statuses').map((r) => r.headers['authorization']), Array(3).fill(`Bearer ${token}`));
  });

  it('gives a 404 from the server as MastodonNotFoundError with its body', async () => {
    const { token } = server.createUser('bob');
    const error = await firstValueFrom(status(clientThroughFetch(server.url, token), '999999')).catch((e: unknown) => e);
    assert.ok(error instanceof MastodonNotFoundError, String(error));
    assert.equal(error.status, 404);
    assert.equal(error.reason, 'Not Found');
    assert.deepEqual(error.body, { error: 'Record not found' });
  });

  it('aborts the request on the wire when the subscriber leaves', async () => {
    const hanging = await startLoopback(() => { /* never answers */ });
    try {
      const subscription = timelineHome(clientThroughFetch(hanging.url, 'token')).subscribe();
      await until(() => hanging.seen.length === 1, 10_000, 'the request reached the server');
      subscription.unsubscribe();
      const aborted = await within(hanging.aborted, 10_000, 'the server saw the connection closed');
      assert.equal(aborted.url, '/api/v1/timelines/home');
    } finally {
      await hanging.close();
    }
  });

  it('refuses a body over max_response_bytes as it streams in, and follows no redirect', async () => {
    const tricky = await startLoopback((req, res) => {
      if (req.url.startsWith('/api/v1/timelines/home')) {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write(`[${'"x",'.repeat(2000)}`);   // no content-length: chunked, past the 4096-byte cap
        return;
      }
      res.writeHead(302, { location: 'http://127.0.0.1:9/elsewhere' }).end();
    });
    try {
      const client = clientThroughFetch(tricky.url, 'token');
      const large = await firstValueFrom(timelineHome(client)).catch((e: unknown) => e);
      assert.ok(large instanceof MastodonMalformedResponseError, String(large));
      assert.match(large.message, /larger than the 4096 bytes/);
      await within(tricky.aborted, 10_000, 'the oversized body was aborted');

      const redirect = await firstValueFrom(status(client, '1')).catch((e: unknown) => e);
      assert.ok(redirect instanceof MastodonAPIError, String(redirect));
      assert.equal(redirect.status, 302);
      assert.match(redirect.message, /a redirect to http:\/\/127\.0\.0\.1:9\/elsewhere, not followed/);
    } finally {
      await tricky.close();
    }
  });
});
