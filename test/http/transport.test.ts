import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { firstValueFrom, lastValueFrom, retry } from 'rxjs';
import { FetchBackend, Mastodon, UndiciBackend, snowflakeOf, type HttpBackend } from '../../src/index.js';
import { json, startLoopback, type Loopback } from '../support/loopback.js';
import { until, within } from '../support/deadline.js';

const backends: [string, () => HttpBackend][] = [
  ['undici', () => new UndiciBackend()],
  ['fetch', () => new FetchBackend()],
];

for (const [name, makeBackend] of backends) {
  describe(`requests on the wire (${name} backend)`, () => {
    let server: Loopback;
    before(async () => {
      server = await startLoopback((req, res) => {
        if (req.url.startsWith('/api/v1/timelines/')) json(res, [], 200);
        else json(res, { id: '1', created_at: '2022-12-01T19:48:34.595Z' });
      });
    });
    after(() => server.close());

    const client = (extra = {}): Mastodon => new Mastodon({
      api_base_url: server.url, access_token: 'sekrit', version_check_mode: 'none', session: makeBackend(), ...extra,
    });

    it('sends GET parameters in the query string, with the token and user agent', async () => {
      const since = new Date(Date.UTC(2022, 11, 1));
      await firstValueFrom(client({ user_agent: 'tests/1' }).timeline({ timeline: 'local', only_media: true, since_id: since, max_id: { id: '99' }, limit: 5 }));
      const seen = server.seen.at(-1)!;
      const url = new URL(seen.url, server.url);
      assert.equal(seen.method, 'GET');
      assert.equal(url.pathname, '/api/v1/timelines/public');
      assert.deepEqual(Object.fromEntries(url.searchParams), {
        max_id: '99', since_id: snowflakeOf(since), limit: '5', only_media: '1', local: '1',
      });
      assert.equal(seen.headers.authorization, 'Bearer sekrit');
      assert.equal(seen.headers['user-agent'], 'tests/1');
    });

    it('sends other verbs as a form body, with lang when a language is set', async () => {
      const api = client();
      api.setLanguage('de');
      await firstValueFrom(api.statusPost('Grüß dich', { media_ids: [{ id: '7' }, '8'], sensitive: true }));
      const seen = server.seen.at(-1)!;
      assert.equal(seen.method, 'POST');
      assert.equal(seen.headers['content-type'], 'application/x-www-form-urlencoded');
      assert.deepEqual([...new URLSearchParams(seen.body)], [
        ['status', 'Grüß dich'], ['media_ids[]', '7'], ['media_ids[]', '8'], ['sensitive', '1'], ['lang', 'de'],
      ]);
    });

    it('sends a call written by hand as JSON when it asks for it, path parameters filled and lang in the body', async () => {
      const api = client();
      api.setLanguage('de');
      await firstValueFrom(api.apiRequest({
        method: 'PUT', path: '/api/v1/statuses/{id}', params: { id: '5', poll: { options: ['a', 'b'], expires_in: 300 } }, encoding: 'json',
      }));
      const seen = server.seen.at(-1)!;
      assert.equal(new URL(seen.url, server.url).pathname, '/api/v1/statuses/5');
      assert.equal(seen.headers['content-type'], 'application/json');
      assert.deepEqual(JSON.parse(seen.body), { poll: { options: ['a', 'b'], expires_in: 300 }, lang: 'de' });
    });

    it('posts a status with a poll or media attributes as JSON, and one without as a form', async () => {
      const api = client();
      await firstValueFrom(api.statusPost('Which?', { poll: { options: ['a', 'b'], expires_in: 300 } }));
      assert.equal(server.seen.at(-1)!.headers['content-type'], 'application/json');
      assert.deepEqual(JSON.parse(server.seen.at(-1)!.body).poll, { options: ['a', 'b'], expires_in: 300 });
      await firstValueFrom(api.statusUpdate('5', { status: 'Edited', media_attributes: [{ id: '7', description: 'a cat' }] }));
      assert.equal(server.seen.at(-1)!.headers['content-type'], 'application/json');
      await firstValueFrom(api.statusPost('Plain'));
      assert.equal(server.seen.at(-1)!.headers['content-type'], 'application/x-www-form-urlencoded');
    });

    it('sends nothing before subscribe and once per subscription', async () => {
      const before = server.seen.length;
      const call = client().status('5');
      assert.equal(server.seen.length, before);
      await firstValueFrom(call);
      await firstValueFrom(call);
      assert.equal(server.seen.length, before + 2);
    });

    it('escapes path parameters', async () => {
      await firstValueFrom(client().timelineHashtag('../admin/accounts?x=1#y'));
      assert.equal(server.seen.at(-1)!.url, '/api/v1/timelines/tag/..%2Fadmin%2Faccounts%3Fx%3D1%23y');
    });
  });

  describe(`cancellation (${name} backend)`, () => {
    it('unsubscribing aborts the request: the server sees its connection closed', async () => {
      const server = await startLoopback(() => { /* never answers */ });
      try {
        const api = new Mastodon({ api_base_url: server.url, version_check_mode: 'none', session: makeBackend() });
        const subscription = api.status('1').subscribe({ error: () => assert.fail('no error after unsubscribe') });
        await until(() => server.seen.length > 0, 5_000, 'the request reached the server');
        subscription.unsubscribe();
        const aborted = await within(server.aborted, 5_000, 'the server saw the connection closed');
        assert.equal(aborted.url, '/api/v1/statuses/1');
      } finally {
        await server.close();
      }
    });
  });
}

describe('retry', () => {
  it('re-sends the whole request on resubscription', async () => {
    let calls = 0;
    const server = await startLoopback((_req, res) => {
      calls += 1;
      if (calls < 3) json(res, { error: 'busy' }, 503);
      else json(res, { id: '1', created_at: '2022-12-01T19:48:34.595Z' });
    });
    try {
      const api = new Mastodon({ api_base_url: server.url, version_check_mode: 'none' });
      const status = await lastValueFrom(api.status('1').pipe(retry(2)));
      assert.equal(status.id, '1');
      assert.equal(server.seen.length, 3);
    } finally {
      await server.close();
    }
  });
});

describe('links to other origins and links that carry lang', () => {
  it('a followed link to another origin gets no token and leaves this client\'s rate limit alone', async () => {
    const other = await startLoopback((_req, res) => json(res, [], 200, { 'x-ratelimit-limit': '7', 'x-ratelimit-remaining': '1', 'x-ratelimit-reset': '2030-01-01T00:00:00.000000Z' }));
    const home = await startLoopback((_req, res) => json(res, { id: '1' }, 200, { 'x-ratelimit-limit': '300', 'x-ratelimit-remaining': '299', 'x-ratelimit-reset': '2030-01-01T00:00:00.000000Z' }));
    try {
      const api = new Mastodon({ api_base_url: home.url, access_token: 'sekrit', version_check_mode: 'none' });
      await firstValueFrom(api.status('1'));
      await firstValueFrom(api.apiRequest({ method: 'GET', path: `${other.url}/api/v1/timelines/home?max_id=5`, result: 'page' }));
      assert.equal(other.seen[0]!.headers.authorization, undefined);
      assert.equal(api.ratelimit_limit, 300);
      assert.equal(api.ratelimit_remaining, 299);
    } finally {
      await other.close();
      await home.close();
    }
  });

  it('does not add lang twice to a link that already has it', async () => {
    const server = await startLoopback((_req, res) => json(res, []));
    try {
      const api = new Mastodon({ api_base_url: server.url, version_check_mode: 'none', lang: 'de' });
      await firstValueFrom(api.apiRequest({ method: 'GET', path: `${server.url}/api/v1/trends/tags?lang=de&offset=10`, result: 'page' }));
      assert.deepEqual(new URL(server.seen[0]!.url, server.url).searchParams.getAll('lang'), ['de']);
    } finally {
      await server.close();
    }
  });
});
