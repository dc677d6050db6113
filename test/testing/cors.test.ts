import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { useFakeServer } from '../support/fake.js';

const EXPOSED = 'Link, X-RateLimit-Reset, X-RateLimit-Limit, X-RateLimit-Remaining, X-Request-Id';
const API_METHODS = 'POST, PUT, DELETE, GET, PATCH, OPTIONS';

/** The CORS headers of a response, by lower-case name. */
function corsOf(response: Response): Record<string, string> {
  return Object.fromEntries([...response.headers].filter(([name]) => name.startsWith('access-control-')));
}

describe('the fake server answers CORS as Mastodon does', () => {
  const fake = useFakeServer();
  const preflight = (path: string, method: string, headers = 'authorization, content-type, idempotency-key'): Promise<Response> =>
    fetch(`${fake.server.url}${path}`, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:4200', 'access-control-request-method': method, 'access-control-request-headers': headers },
    });

  it('answers a preflight of /api/* with any origin, the API methods and the headers asked for', async () => {
    const before = fake.server.requests.length;
    const response = await preflight('/api/v1/statuses', 'POST');
    assert.equal(response.status, 200);
    assert.equal(await response.text(), '');
    assert.deepEqual(corsOf(response), {
      'access-control-allow-origin': '*',
      'access-control-allow-methods': API_METHODS,
      'access-control-allow-headers': 'authorization, content-type, idempotency-key',
      'access-control-expose-headers': EXPOSED,
      'access-control-max-age': '7200',
    });
    assert.match(response.headers.get('x-request-id') ?? '', /^[0-9a-f-]{36}$/);
    assert.deepEqual(fake.server.requests.slice(before).map((r) => [r.method, r.path, r.route]), [['OPTIONS', '/api/v1/statuses', undefined]]);
  });

  it('answers preflights of routes with ids, of streaming and of /oauth/*, and counts none against the rate limit', async () => {
    fake.server.setRateLimit(300);
    for (const [path, method] of [['/api/v1/statuses/123', 'DELETE'], ['/api/v1/streaming/user', 'GET'], ['/api/v2/media', 'POST'], ['/oauth/token', 'POST'], ['/oauth/revoke', 'POST']] as const) {
      const response = await preflight(path, method, 'authorization');
      assert.equal(response.headers.get('access-control-allow-origin'), '*', path);
      assert.equal(response.headers.get('access-control-allow-headers'), 'authorization', path);
      assert.ok(response.headers.get('access-control-allow-methods')!.split(', ').includes(method), path);
    }
    const after = await fetch(`${fake.server.url}/api/v1/instance`);
    assert.equal(after.headers.get('x-ratelimit-remaining'), '299', 'the five preflights were not counted');
  });

  it('refuses, without CORS headers, a preflight for a method the path does not allow, and has none outside the API', async () => {
    const refused = await preflight('/oauth/token', 'DELETE');
    assert.equal(refused.status, 200);
    assert.deepEqual(corsOf(refused), {});
    const page = await fetch(`${fake.server.url}/about`, { headers: { origin: 'http://localhost:4200' } });
    assert.equal(page.status, 404);
    assert.deepEqual(corsOf(page), {});
    const notPreflight = await fetch(`${fake.server.url}/api/v1/statuses`, { method: 'OPTIONS' });
    assert.equal(notPreflight.status, 404, 'an OPTIONS without Access-Control-Request-Method goes to the routes');
  });

  it('puts allow-origin and the exposed headers on every API answer: success, paging, errors, rate limit, streaming', async () => {
    const { token } = fake.server.createUser('exposed');
    const auth = { authorization: `Bearer ${token}` };
    for (let i = 0; i < 3; i++) await fetch(`${fake.server.url}/api/v1/statuses`, { method: 'POST', headers: auth, body: new URLSearchParams({ status: `s${i}` }) });
    const page = await fetch(`${fake.server.url}/api/v1/timelines/home?limit=1`, { headers: auth });
    assert.match(page.headers.get('link') ?? '', /rel="next"/);
    const answers = [
      page,
      await fetch(`${fake.server.url}/api/v1/statuses/does-not-exist`, { headers: auth }),
      await fetch(`${fake.server.url}/api/v1/accounts/verify_credentials`, { headers: { authorization: 'Bearer wrong' } }),
      await fetch(`${fake.server.url}/api/v1/no/such/route`),
      await fetch(`${fake.server.url}/oauth/token`, { method: 'POST', body: new URLSearchParams({ grant_type: 'password' }) }),
    ];
    assert.deepEqual(answers.map((r) => r.status), [200, 404, 401, 404, 401]);
    for (const response of answers.slice(0, 4)) {
      assert.equal(response.headers.get('access-control-allow-origin'), '*', response.url);
      assert.equal(response.headers.get('access-control-expose-headers'), EXPOSED, response.url);
    }
    assert.equal(answers[4]!.headers.get('access-control-allow-origin'), '*');

    fake.server.setRateLimit(1);
    try {
      await fetch(`${fake.server.url}/api/v1/timelines/home`, { headers: auth });
      const limited = await fetch(`${fake.server.url}/api/v1/timelines/home`, { headers: auth });
      assert.equal(limited.status, 429);
      assert.equal(limited.headers.get('access-control-allow-origin'), '*');
    } finally {
      fake.server.setRateLimit(300);
    }

    const abort = new AbortController();
    const stream = await fetch(`${fake.server.url}/api/v1/streaming/user`, { headers: auth, signal: abort.signal });
    assert.equal(stream.headers.get('content-type'), 'text/event-stream');
    assert.equal(stream.headers.get('access-control-allow-origin'), '*');
    assert.equal(stream.headers.get('access-control-expose-headers'), EXPOSED);
    abort.abort();
  });

  it('gives every answer an X-Request-Id: the request\'s own, cleaned as Rails does, or a new one', async () => {
    const ids = await Promise.all([1, 2].map(async () => (await fetch(`${fake.server.url}/api/v1/instance`)).headers.get('x-request-id')));
    assert.notEqual(ids[0], ids[1]);
    const own = await fetch(`${fake.server.url}/api/v1/instance`, { headers: { 'x-request-id': 'abc-123@client <script>' } });
    assert.equal(own.headers.get('x-request-id'), 'abc-123@clientscript');
    const long = await fetch(`${fake.server.url}/api/v1/instance`, { headers: { 'x-request-id': 'x'.repeat(300) } });
    assert.equal(long.headers.get('x-request-id'), 'x'.repeat(255));
    const outside = await fetch(`${fake.server.url}/nowhere`);
    assert.match(outside.headers.get('x-request-id') ?? '', /^[0-9a-f-]{36}$/);
  });
});
