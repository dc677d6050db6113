import { configureAngular, TestBed } from '../support/angular.js';
import { afterEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { HttpClient, HttpEventType, provideHttpClient, withInterceptors, type HttpInterceptorFn } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, type TestRequest } from '@angular/common/http/testing';
import { retry, type Observable } from 'rxjs';
import {
  MastodonAPIError, MastodonClient, MastodonInternalServerError, MastodonMalformedResponseError, MastodonNetworkError,
  MastodonNotFoundError, MastodonRateLimitError, MastodonUnauthorizedError, type MastodonOptions, type Status,
} from '../../src/core.js';
import { apiRequest, fetchNext, statusPost, timelineHome } from '../../src/api.js';
import { HttpClientBackend } from '../../src/angular.js';

const BASE = 'https://mastodon.example';

/** A client whose requests go through the testing module's `HttpClient`. */
function client(options: MastodonOptions = {}): MastodonClient {
  return new MastodonClient({
    api_base_url: BASE, access_token: 'token', mastodon_version: '4.3.0', session: new HttpClientBackend(TestBed.inject(HttpClient)), ...options,
  });
}

function collect<T>(source: Observable<T>): { values: T[]; error?: unknown; done: boolean; stop(): void } {
  const seen = { values: [] as T[], error: undefined as unknown, done: false, stop: () => {} };
  const subscription = source.subscribe({ next: (v) => seen.values.push(v), error: (e: unknown) => { seen.error = e; }, complete: () => { seen.done = true; } });
  seen.stop = () => subscription.unsubscribe();
  return seen;
}

const status = (id: string): Partial<Status> => ({ id, content: `<p>${id}</p>`, created_at: '2024-01-01T00:00:00.000Z' as unknown as Date });

/** The one request HttpClient has pending. */
function pending(): TestRequest {
  return TestBed.inject(HttpTestingController).expectOne(() => true);
}

describe('HttpClientBackend: the client through Angular\'s HttpClient and HttpTestingController', () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('sends a GET as the client builds it, and hands back the page with its Link and rate-limit headers', () => {
    configureAngular([provideHttpClient(), provideHttpClientTesting()]);
    const api = client();
    const seen = collect(timelineHome(api, { limit: 2 }));
    const req = TestBed.inject(HttpTestingController).expectOne(`${BASE}/api/v1/timelines/home?limit=2`);
    assert.equal(req.request.method, 'GET');
    assert.equal(req.request.headers.get('authorization'), 'Bearer token');
    assert.equal(req.request.headers.get('accept'), 'application/json');
    assert.equal(req.request.headers.get('user-agent'), 'mastodon-rx', 'in Node (SSR) the client names itself; browsers refuse it');
    assert.equal(req.request.body, null);
    assert.equal(req.request.responseType, 'text');
    req.flush(JSON.stringify([status('2'), status('1')]), {
      headers: {
        Link: `<${BASE}/api/v1/timelines/home?max_id=1>; rel="next"`,
        'X-RateLimit-Limit': '300', 'X-RateLimit-Remaining': '297', 'X-RateLimit-Reset': '2099-01-01T00:00:00.000000Z',
      },
    });
    assert.equal(seen.error, undefined);
    assert.equal(seen.done, true);
    const page = seen.values[0]!;
    assert.deepEqual(page.map((s) => s.id), ['2', '1']);
    assert.ok(page[0]!.created_at instanceof Date);
    assert.equal(api.ratelimit_remaining, 297);
    assert.equal(api.ratelimit_limit, 300);

    const older = collect(fetchNext(api, page));
    TestBed.inject(HttpTestingController).expectOne(`${BASE}/api/v1/timelines/home?max_id=1`).flush('[]');
    assert.deepEqual(older.values.map((p) => p?.length), [0]);
  });

  it('sends form and JSON bodies as text with their content type', () => {
    configureAngular([provideHttpClient(), provideHttpClientTesting()]);
    const api = client();
    const posted = collect(statusPost(api, 'hello from Angular', { visibility: 'unlisted' }));
    const form = pending();
    assert.equal(form.request.method, 'POST');
    assert.equal(form.request.body, 'status=hello+from+Angular&visibility=unlisted');
    assert.equal(form.request.headers.get('content-type'), 'application/x-www-form-urlencoded');
    form.flush(JSON.stringify(status('7')), { status: 200, statusText: 'OK' });
    assert.equal(posted.values[0]?.id, '7');

    collect(apiRequest(api, { method: 'PUT', path: '/api/v1/things', params: { a: [1, 2] }, encoding: 'json' }));
    const json = pending();
    assert.equal(json.request.body, '{"a":[1,2]}');
    assert.equal(json.request.headers.get('content-type'), 'application/json');
    json.flush('{}');
  });

  it('sends bytes as an ArrayBuffer, a stream of chunks as one Blob, and leaves Content-Length to the runtime', async () => {
    configureAngular([provideHttpClient(), provideHttpClientTesting()]);
    const api = client();
    const bytes = new TextEncoder().encode('xxbytesxx').subarray(2, 7);
    collect(apiRequest(api, { method: 'POST', path: '/api/v1/bytes', body: bytes, headers: { 'content-type': 'application/octet-stream', 'content-length': '5' } }));
    const raw = pending();
    assert.ok(raw.request.body instanceof ArrayBuffer);
    assert.equal(new TextDecoder().decode(raw.request.body), 'bytes');
    assert.equal(raw.request.headers.get('content-type'), 'application/octet-stream');
    assert.equal(raw.request.headers.has('content-length'), false);
    raw.flush('{}');

    async function* chunks(): AsyncIterable<Uint8Array> {
      yield new TextEncoder().encode('one,');
      yield new TextEncoder().encode('two');
    }
    const streamed = collect(apiRequest(api, { method: 'POST', path: '/api/v1/chunks', body: chunks() }));
    await new Promise((resolve) => setImmediate(resolve));
    const blob = pending();
    assert.ok(blob.request.body instanceof Blob);
    assert.equal(await blob.request.body.text(), 'one,two');
    blob.flush('{"ok":true}');
    assert.deepEqual(streamed.values, [{ ok: true }]);
  });

  it('turns error statuses into Mastodon\'s error classes, with status, reason and body', () => {
    configureAngular([provideHttpClient(), provideHttpClientTesting()]);
    const api = client();
    const cases: { status: number; statusText: string; body: string; type: new (...args: never[]) => MastodonAPIError; reason: string; error: unknown; parsed: unknown }[] = [
      { status: 404, statusText: '', body: '{"error":"Record not found"}', type: MastodonNotFoundError, reason: 'Not Found', error: 'Record not found', parsed: { error: 'Record not found' } },
      { status: 401, statusText: 'Unauthorized', body: '', type: MastodonUnauthorizedError, reason: 'Unauthorized', error: undefined, parsed: '' },
      { status: 500, statusText: 'Internal Server Error', body: '<html>oops</html>', type: MastodonInternalServerError, reason: 'Internal Server Error', error: '<html>oops</html>', parsed: '<html>oops</html>' },
      { status: 422, statusText: 'Unprocessable Entity', body: '{"error":"Validation failed"}', type: MastodonAPIError, reason: 'Unprocessable Entity', error: 'Validation failed', parsed: { error: 'Validation failed' } },
    ];
    for (const c of cases) {
      const seen = collect(timelineHome(api));
      pending().flush(c.body, { status: c.status, statusText: c.statusText });
      assert.ok(seen.error instanceof c.type, `${c.status}: ${String(seen.error)}`);
      const error = seen.error as MastodonAPIError;
      assert.equal(error.status, c.status);
      assert.equal(error.reason, c.reason);
      assert.equal(error.error, c.error);
      assert.deepEqual(error.body, c.parsed);
    }
  });

  it('hands a 429 to the rate limiter, which throws MastodonRateLimitError in throw mode', () => {
    configureAngular([provideHttpClient(), provideHttpClientTesting()]);
    const seen = collect(timelineHome(client({ ratelimit_method: 'throw' })));
    pending().flush('{"error":"Too many requests"}', {
      status: 429, statusText: 'Too Many Requests', headers: { 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': '2099-01-01T00:00:00.000000Z' },
    });
    assert.ok(seen.error instanceof MastodonRateLimitError);
  });

  it('reports a request that got no answer as MastodonNetworkError, and an unfollowed redirect as MastodonAPIError', () => {
    configureAngular([provideHttpClient(), provideHttpClientTesting()]);
    const api = client();
    const failed = collect(timelineHome(api));
    pending().error(new Event('error') as ProgressEvent, { status: 0, statusText: '' });
    assert.ok(failed.error instanceof MastodonNetworkError, String(failed.error));
    assert.match((failed.error as Error).message, /GET https:\/\/mastodon\.example\/api\/v1\/timelines\/home: no answer \(error\)/);

    // What Angular's fetch backend gives for a redirect it was told not to follow: status 0, no body.
    const redirected = collect(timelineHome(api));
    pending().flush(null, { status: 0, statusText: '' });
    assert.ok(redirected.error instanceof MastodonAPIError && !(redirected.error instanceof MastodonNetworkError), String(redirected.error));
    assert.match((redirected.error as Error).message, /redirect, which is not followed/);
  });

  it('cancels the HttpClient request when the subscriber leaves', () => {
    configureAngular([provideHttpClient(), provideHttpClientTesting()]);
    const seen = collect(timelineHome(client()));
    const req = pending();
    assert.equal(req.cancelled, false);
    seen.stop();
    assert.equal(req.cancelled, true);
  });

  it('re-sends through HttpClient on each subscription, so retry() retries', () => {
    configureAngular([provideHttpClient(), provideHttpClientTesting()]);
    const seen = collect(timelineHome(client()).pipe(retry(1)));
    pending().flush('', { status: 503, statusText: 'Service Unavailable' });
    pending().flush(JSON.stringify([status('1')]));
    assert.deepEqual(seen.values.map((page) => page.length), [1]);
  });

  it('refuses a body longer than max_response_bytes as it comes in, and aborts it', () => {
    configureAngular([provideHttpClient(), provideHttpClientTesting()]);
    const api = client({ max_response_bytes: 1000 });
    const announced = collect(timelineHome(api));
    const first = pending();
    first.event({ type: HttpEventType.ResponseHeader, status: 200, statusText: 'OK', headers: first.request.headers.set('content-length', '5000') } as never);
    assert.ok(announced.error instanceof MastodonMalformedResponseError, String(announced.error));
    assert.match((announced.error as Error).message, /larger than the 1000 bytes .*content-length: 5000/);
    assert.equal(first.cancelled, true);

    const streamed = collect(timelineHome(api));
    const second = pending();
    second.event({ type: HttpEventType.DownloadProgress, loaded: 600 });
    assert.equal(streamed.error, undefined);
    second.event({ type: HttpEventType.DownloadProgress, loaded: 1200 });
    assert.ok((streamed.error as unknown) instanceof MastodonMalformedResponseError, String(streamed.error));
    assert.equal(second.cancelled, true);
  });

  it('passes every request through the app\'s interceptors, which see the token and may add headers', () => {
    const seenByInterceptor: string[] = [];
    const tagging: HttpInterceptorFn = (req, next) => {
      seenByInterceptor.push(`${req.method} ${req.urlWithParams} ${req.headers.get('authorization')}`);
      return next(req.clone({ setHeaders: { 'X-App': 'angular' } }));
    };
    configureAngular([provideHttpClient(withInterceptors([tagging])), provideHttpClientTesting()]);
    collect(timelineHome(client(), { limit: 1 }));
    const req = pending();
    assert.equal(req.request.headers.get('x-app'), 'angular');
    req.flush('[]');
    assert.deepEqual(seenByInterceptor, [`GET ${BASE}/api/v1/timelines/home?limit=1 Bearer token`]);
  });

  it('passes an interceptor\'s own Mastodon error on as it is, and wraps anything else as a network error', () => {
    const refusing: HttpInterceptorFn = (req) => {
      throw req.url.includes('statuses') ? new MastodonUnauthorizedError('signed out') : new TypeError('offline');
    };
    configureAngular([provideHttpClient(withInterceptors([refusing])), provideHttpClientTesting()]);
    const api = client();
    const signedOut = collect(statusPost(api, 'x'));
    assert.ok(signedOut.error instanceof MastodonUnauthorizedError);
    assert.equal((signedOut.error as Error).message, 'signed out');
    const offline = collect(timelineHome(api));
    assert.ok(offline.error instanceof MastodonNetworkError);
    assert.match((offline.error as Error).message, /offline/);
  });
});
