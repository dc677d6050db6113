import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { retry, type Observable } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { MastodonClient, type MastodonOptions, type Page, type Status } from '../../src/core.js';
import { fetchNext, statusPost, statusPostRow, timelineHome, trendingTags } from '../../src/api.js';
import { Mastodon, MastodonNetworkError, MastodonNotFoundError, MastodonReadTimeout } from '../../src/index.js';
import { TestingBackend } from '../../src/testing/index.js';

const BASE = 'https://mastodon.example';

function clientWith(backend: TestingBackend, options: MastodonOptions = {}): MastodonClient {
  return new MastodonClient({ api_base_url: BASE, access_token: 'token', mastodon_version: '4.3.0', session: backend, ...options });
}

/** Subscribes and keeps what arrives. */
function collect<T>(source: Observable<T>): { values: T[]; error?: unknown; done: boolean } {
  const seen: { values: T[]; error?: unknown; done: boolean } = { values: [], done: false };
  source.subscribe({ next: (v) => seen.values.push(v), error: (e: unknown) => { seen.error = e; }, complete: () => { seen.done = true; } });
  return seen;
}

const status = (id: string): Partial<Status> => ({ id, content: `<p>${id}</p>`, created_at: '2024-01-01T00:00:00.000Z' as unknown as Date });

describe('TestingBackend', () => {
  it('holds a request until the test answers it, then the client gets the page, Link header and all', () => {
    const backend = new TestingBackend();
    const client = clientWith(backend);
    const seen = collect(timelineHome(client, { limit: 2 }));
    assert.equal(seen.values.length, 0);

    const req = backend.expectOne('GET /api/v1/timelines/home');
    assert.deepEqual(req.params, { limit: '2' });
    assert.equal(req.request.headers['authorization'], 'Bearer token');
    req.flush([status('2'), status('1')], { headers: { Link: `<${BASE}/api/v1/timelines/home?max_id=1>; rel="next"` } });

    assert.equal(seen.done, true);
    const page = seen.values[0]!;
    assert.deepEqual(page.map((s) => s.id), ['2', '1']);
    assert.ok(page[0]!.created_at instanceof Date);

    const older = collect(fetchNext(client, page));
    const next = backend.expectOne(timelineHome);
    assert.equal(next.request.url, `${BASE}/api/v1/timelines/home?max_id=1`);
    next.flush([]);
    assert.deepEqual(older.values.map((p) => p?.length), [0]);
    backend.verify();
  });

  it('matches by route with placeholders, by endpoint function, version switch or row, and by predicate', () => {
    const backend = new TestingBackend();
    const client = clientWith(backend);
    collect(statusPost(client, 'one'));
    collect(statusPost(client, 'two', { visibility: 'unlisted' }));
    collect(trendingTags(client, { limit: 3 }));
    collect(new Mastodon({ api_base_url: BASE, mastodon_version: '4.3.0', session: backend }).status('9'));

    backend.expectOne((request) => request.method === 'POST' && request.body === 'status=one').flush(status('1'));
    const two = backend.expectOne(statusPostRow);
    assert.deepEqual(two.params, { status: 'two', visibility: 'unlisted' });
    two.flush(status('2'));
    backend.expectOne(trendingTags).flush([]);
    backend.expectOne('GET /api/v1/statuses/{id}').flush(status('9'));
    backend.expectNone('/api/v1/statuses');
    backend.verify();
  });

  it('says which requests are waiting when expectOne finds none or several', () => {
    const backend = new TestingBackend();
    const client = clientWith(backend);
    collect(statusPost(client, 'a'));
    collect(statusPost(client, 'b'));
    assert.throws(() => backend.expectOne('GET /api/v1/timelines/home'), /found 0\. Not matched yet: POST https:\/\/mastodon\.example\/api\/v1\/statuses; POST/);
    assert.throws(() => backend.expectOne('POST /api/v1/statuses'), /Expected one request for POST \/api\/v1\/statuses, found 2/);
    const matched = backend.match('POST /api/v1/statuses');
    assert.equal(matched.length, 2);
    assert.throws(() => backend.expectOne('POST /api/v1/statuses'), /found 0/);
    for (const req of matched) req.flush(status('1'));
  });

  it('turns an error status into its Mastodon error, and error() into a network failure that retry sends again', () => {
    const backend = new TestingBackend();
    const client = clientWith(backend);
    const missing = collect(statusPost(client, 'gone'));
    backend.expectOne(statusPostRow).flush({ error: 'Record not found' }, { status: 404 });
    assert.ok(missing.error instanceof MastodonNotFoundError);
    assert.equal((missing.error as MastodonNotFoundError).reason, 'Not Found');

    const retried = collect(timelineHome(client).pipe(retry(1)));
    const first = backend.expectOne(timelineHome);
    first.error();
    assert.equal(retried.error, undefined);
    backend.expectOne(timelineHome).flush([]);
    assert.deepEqual(retried.values.map((p: Page<Status>) => p.length), [0]);

    const failed = collect(timelineHome(client));
    backend.expectOne(timelineHome).error();
    assert.ok(failed.error instanceof MastodonNetworkError);
    backend.verify();
  });

  it('marks a request cancelled when the client unsubscribes, refuses to answer it, and lets verify pass it unless told', () => {
    const backend = new TestingBackend();
    const client = clientWith(backend);
    const subscription = timelineHome(client).subscribe();
    const req = backend.expectOne(timelineHome);
    assert.equal(req.cancelled, false);
    subscription.unsubscribe();
    assert.equal(req.cancelled, true);
    assert.throws(() => req.flush([]), /Cannot flush GET .*: it was cancelled already/);
    backend.verify();
    assert.throws(() => backend.verify({ ignoreCancelled: false }), /timelines\/home \(cancelled\)/);
  });

  it('fails verify on a request nobody expected and on one expected but never answered', () => {
    const unexpected = new TestingBackend();
    const waiting = timelineHome(clientWith(unexpected)).subscribe({ error: () => undefined });
    assert.throws(() => unexpected.verify(), /GET https:\/\/mastodon\.example\/api\/v1\/timelines\/home \(not expected\)/);
    waiting.unsubscribe();

    const unanswered = new TestingBackend();
    collect(timelineHome(clientWith(unanswered)));
    const req = unanswered.expectOne(timelineHome);
    assert.throws(() => unanswered.verify(), /\(not answered\)/);
    req.flush([]);
    unanswered.verify();
    assert.throws(() => req.flush([]), /it was answered already/);
  });

  it('runs in virtual time: an answer scheduled at 3 s arrives at 3 s, no answer is a read timeout that cancels the request', () => {
    const answering = new TestScheduler((actual, expected) => assert.deepEqual(actual, expected));
    answering.run(({ expectObservable }) => {
      const backend = new TestingBackend();
      const client = clientWith(backend, { scheduler: answering, request_timeout: 5 });
      expectObservable(timelineHome(client)).toBe('3s (a|)', { a: [] });
      answering.schedule(() => backend.expectOne(timelineHome).flush([]), 3000);
    });

    const silent = new TestScheduler((actual, expected) => assert.deepEqual(actual, expected));
    silent.run(({ flush }) => {
      const backend = new TestingBackend();
      const client = clientWith(backend, { scheduler: silent, request_timeout: 5 });
      let failure: { at: number; error: unknown } | undefined;
      timelineHome(client).subscribe({ error: (error: unknown) => { failure = { at: silent.now(), error }; } });
      flush();
      assert.equal(failure?.at, 5000);
      assert.ok(failure?.error instanceof MastodonReadTimeout);
      assert.equal(backend.expectOne(timelineHome).cancelled, true);
      backend.verify();
    });
  });

  it('answers the version request a client without mastodon_version makes first', () => {
    const backend = new TestingBackend();
    const client = new MastodonClient({ api_base_url: BASE, session: backend });
    const seen = collect(timelineHome(client));
    backend.expectOne('GET /api/v2/instance').flush({ version: '4.3.0', api_versions: { mastodon: 2 } });
    backend.expectOne(timelineHome).flush([]);
    assert.equal(seen.done, true);
    assert.equal(client.mastodon_version, '4.3.0');
    assert.equal(client.mastodon_api_version, 2);
    backend.verify();
  });

  it('answers the version request of a server without instance v2 in two steps', () => {
    const backend = new TestingBackend();
    const client = new MastodonClient({ api_base_url: BASE, session: backend });
    const seen = collect(timelineHome(client));
    backend.expectOne('GET /api/v2/instance').flush({ error: 'Record not found' }, { status: 404 });
    backend.expectOne('GET /api/v1/instance').flush({ version: '3.5.3' });
    backend.expectOne(timelineHome).flush([]);
    assert.equal(seen.done, true);
    assert.equal(client.mastodon_api_version, 0);
    backend.verify();
  });
});
