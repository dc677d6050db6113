import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { firstValueFrom, NEVER, Observable, of } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import {
  Mastodon, MastodonAPIError, MastodonBadGatewayError, MastodonError, MastodonGatewayTimeoutError,
  MastodonInternalServerError, MastodonMalformedResponseError, MastodonNetworkError, MastodonNotFoundError,
  MastodonRateLimitError, MastodonReadTimeout, MastodonServerError, MastodonServiceUnavailableError,
  MastodonUnauthorizedError, MastodonIOError, MastodonRatelimitError, type HttpBackend,
} from '../../src/index.js';
import { json, startLoopback, type Loopback } from '../support/loopback.js';

describe('HTTP errors become Mastodon.py error classes', () => {
  let server: Loopback;
  before(async () => {
    server = await startLoopback((req, res) => {
      const status = Number(new URL(req.url, 'http://x').searchParams.get('status'));
      const kind = new URL(req.url, 'http://x').searchParams.get('kind');
      if (kind === 'html') res.writeHead(status, { 'content-type': 'text/html' }).end('<html><body>We are down</body></html>');
      else if (kind === 'empty') res.writeHead(status).end();
      else if (kind === 'truncated') res.writeHead(status, { 'content-type': 'application/json' }).end('{"id":"1","content":"unfinish');
      else if (kind === 'cut') {
        res.writeHead(status, { 'content-type': 'application/json', 'content-length': '100' });
        res.write('{"id":"1","con');
        res.socket?.destroy();
      } else if (kind === 'string') json(res, 'plain message', status);
      else json(res, { error: `failure ${status}` }, status);
    });
  });
  after(() => server.close());

  const call = (status: number, kind = 'json'): Promise<unknown> => {
    const api = new Mastodon({ api_base_url: server.url, version_check_mode: 'none', ratelimit_method: 'throw' });
    return firstValueFrom(api.apiRequest({ method: 'GET', path: '/x', params: { status, kind } }));
  };

  const cases: [number, new (...args: never[]) => MastodonAPIError][] = [
    [400, MastodonAPIError], [401, MastodonUnauthorizedError], [403, MastodonAPIError], [404, MastodonNotFoundError],
    [422, MastodonAPIError], [429, MastodonRateLimitError], [500, MastodonInternalServerError],
    [502, MastodonBadGatewayError], [503, MastodonServiceUnavailableError], [504, MastodonGatewayTimeoutError],
    [507, MastodonServerError],
  ];
  for (const [status, ErrorClass] of cases) {
    it(`${status} → ${ErrorClass.name}, with status, reason and the server's body`, async () => {
      const error = await call(status).then(() => assert.fail('no error'), (e: unknown) => e);
      assert.ok(error instanceof ErrorClass);
      assert.ok(error instanceof MastodonAPIError && error instanceof MastodonError);
      assert.equal(error.status, status);
      assert.equal(error.error, `failure ${status}`);
      assert.deepEqual(error.body, { error: `failure ${status}` });
      assert.equal(typeof error.reason, 'string');
    });
  }

  it('keeps Mastodon.py\'s spelling and the server-error family', () => {
    assert.equal(MastodonRatelimitError, MastodonRateLimitError);
    assert.ok(new MastodonInternalServerError('x', { status: 500, reason: '', error: undefined, body: null }) instanceof MastodonServerError);
    assert.ok(new MastodonReadTimeout('x') instanceof MastodonNetworkError);
    assert.ok(new MastodonNetworkError('x') instanceof MastodonIOError);
  });

  it('can be made with a message alone, as an app raises them in its own tests', () => {
    const gone = new MastodonNotFoundError('gone');
    assert.ok(gone instanceof MastodonAPIError && gone instanceof MastodonError);
    assert.deepEqual([gone.message, gone.name, gone.status, gone.reason, gone.error, gone.body], ['gone', 'MastodonNotFoundError', 404, 'Not Found', undefined, undefined]);
    const made: [MastodonAPIError, number, string][] = [
      [new MastodonAPIError('refused'), 0, ''], [new MastodonUnauthorizedError('x'), 401, 'Unauthorized'],
      [new MastodonRateLimitError('x'), 429, 'Too Many Requests'], [new MastodonServerError('x'), 500, 'Internal Server Error'],
      [new MastodonInternalServerError('x'), 500, 'Internal Server Error'], [new MastodonBadGatewayError('x'), 502, 'Bad Gateway'],
      [new MastodonServiceUnavailableError('x'), 503, 'Service Unavailable'], [new MastodonGatewayTimeoutError('x'), 504, 'Gateway Timeout'],
      [new MastodonMalformedResponseError('x'), 200, 'OK'],
    ];
    for (const [error, status, reason] of made) assert.deepEqual([error.name, error.status, error.reason], [error.constructor.name, status, reason]);
  });

  it('takes some of the details and a cause, and fills in the rest', () => {
    const cause = new Error('socket');
    const invalid = new MastodonAPIError('Validation failed', { status: 422, body: { error: 'Validation failed' }, cause });
    assert.deepEqual([invalid.status, invalid.reason, invalid.error, invalid.body, invalid.cause], [422, 'Unprocessable Content', undefined, { error: 'Validation failed' }, cause]);
    const teapot = new MastodonNotFoundError('x', { reason: 'Gone Fishing', error: 'no' });
    assert.deepEqual([teapot.status, teapot.reason, teapot.error], [404, 'Gone Fishing', 'no']);
    assert.equal('cause' in new MastodonNotFoundError('x'), false);
  });

  it('an HTML error page is an API error carrying the text', async () => {
    const error = await call(502, 'html').then(() => assert.fail('no error'), (e: unknown) => e);
    assert.ok(error instanceof MastodonBadGatewayError);
    assert.equal(error.body, '<html><body>We are down</body></html>');
    assert.match(error.message, /We are down/);
  });

  it('a JSON string body is the error message', async () => {
    const error = await call(400, 'string').then(() => assert.fail('no error'), (e: unknown) => e);
    assert.ok(error instanceof MastodonAPIError);
    assert.equal(error.error, 'plain message');
  });

  it('a 404 without a body says the endpoint was not found', async () => {
    const error = await call(404, 'empty').then(() => assert.fail('no error'), (e: unknown) => e);
    assert.ok(error instanceof MastodonNotFoundError);
    assert.equal(error.error, 'Endpoint not found.');
  });

  for (const kind of ['html', 'empty', 'truncated']) {
    it(`a 200 with a ${kind} body is a MastodonMalformedResponseError with the text`, async () => {
      const error = await call(200, kind).then(() => assert.fail('no error'), (e: unknown) => e);
      assert.ok(error instanceof MastodonMalformedResponseError);
      assert.equal(error.status, 200);
      assert.equal(typeof error.body, 'string');
    });
  }

  it('a body cut short of its Content-Length is a MastodonNetworkError', async () => {
    await assert.rejects(call(200, 'cut'), MastodonNetworkError);
  });

  it('a server that cannot be reached is a MastodonNetworkError', async () => {
    const closed = await startLoopback(() => {});
    const url = closed.url;
    await closed.close();
    const api = new Mastodon({ api_base_url: url, version_check_mode: 'none' });
    await assert.rejects(firstValueFrom(api.status('1')), MastodonNetworkError);
  });
});

describe('request timeout (virtual time)', () => {
  it('fails with MastodonReadTimeout after request_timeout seconds and aborts the request', () => {
    const scheduler = new TestScheduler((a, b) => assert.deepEqual(a, b));
    scheduler.run(({ expectObservable }) => {
      let aborted = false;
      const hanging: HttpBackend = { handle: () => new Observable(() => () => { aborted = true; }) };
      const api = new Mastodon({ api_base_url: 'https://m.example', version_check_mode: 'none', request_timeout: 5, session: hanging, scheduler });
      expectObservable(api.status('1')).toBe('5000ms #', undefined, new MastodonReadTimeout('No response within 5 s: GET https://m.example/api/v1/statuses/1'));
      scheduler.flush();
      assert.equal(aborted, true);
    });
  });

  it('does not time out a request that answers in time', () => {
    const scheduler = new TestScheduler((a, b) => assert.deepEqual(a, b));
    scheduler.run(({ cold, expectObservable }) => {
      const slow: HttpBackend = { handle: () => cold('4999ms (r|)', { r: { status: 200, statusText: 'OK', headers: {}, body: '{"id":"1"}' } }) };
      const api = new Mastodon({ api_base_url: 'https://m.example', version_check_mode: 'none', request_timeout: 5, session: slow, scheduler });
      expectObservable(api.status('1')).toBe('4999ms (s|)', { s: { id: '1' } });
    });
  });

  it('a backend that throws, or answers at once, leaves no timer behind', () => {
    const scheduler = new TestScheduler((a, b) => assert.deepEqual(a, b));
    const throwing: HttpBackend = { handle: () => { throw new Error('no socket'); } };
    const instant: HttpBackend = { handle: () => of({ status: 200, statusText: 'OK', headers: {}, body: '{"id":"1"}' }) };
    const errors: unknown[] = [];
    new Mastodon({ api_base_url: 'https://m.example', version_check_mode: 'none', session: throwing, scheduler })
      .status('1').subscribe({ error: (error: unknown) => errors.push(error) });
    new Mastodon({ api_base_url: 'https://m.example', version_check_mode: 'none', session: instant, scheduler }).status('1').subscribe();
    assert.match(String(errors[0]), /no socket/);
    assert.equal(scheduler.actions.length, 0, 'a pending timeout would keep a Node process alive for request_timeout seconds');
  });

  it('a never-answering backend with no timeout reached stays silent', () => {
    const scheduler = new TestScheduler((a, b) => assert.deepEqual(a, b));
    scheduler.run(({ expectObservable }) => {
      const api = new Mastodon({ api_base_url: 'https://m.example', version_check_mode: 'none', session: { handle: () => NEVER }, scheduler });
      expectObservable(api.status('1'), '^ 299s !').toBe('');
    });
  });
});
