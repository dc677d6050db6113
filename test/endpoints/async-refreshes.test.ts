import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { catchError, concatMap, firstValueFrom, lastValueFrom, map, of, type Observable } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import {
  Mastodon, MastodonIllegalArgumentError, MastodonMalformedResponseError, MastodonNotFoundError,
  type Context, type HttpBackend, type HttpRequest, type HttpResponse,
} from '../../src/index.js';
import { getAsyncRefreshInfo } from '../../src/api.js';
import { parseAsyncRefreshHeader } from '../../src/http/async-refresh.js';
import { fakeAsyncRefreshes } from '../../src/testing/index.js';
import { clientFor, useFakeServer } from '../support/fake.js';

const REFRESHING = 'id="ctx-1", retry=5, result_count=0';

function reply(body: unknown, headers: Record<string, string> = {}): HttpResponse {
  return { status: 200, statusText: 'OK', headers, body: JSON.stringify(body) };
}

const context = (replies: number): Context => ({
  ancestors: [], descendants: Array.from({ length: replies }, (_, i) => ({ id: String(i + 100) }) as Context['descendants'][number]),
});

/** Answers each `METHOD path` with the next scripted cold Observable, and keeps the requests. */
class ScriptedBackend implements HttpBackend {
  readonly requests: string[] = [];
  constructor(private readonly scheduler: TestScheduler, private readonly script: Record<string, string[]>,
    private readonly values: Record<string, HttpResponse>) {}

  handle(request: HttpRequest): Observable<HttpResponse> {
    const key = `${request.method} ${new URL(request.url).pathname}`;
    this.requests.push(key);
    const marbles = this.script[key]?.shift();
    if (marbles === undefined) throw new Error(`unexpected request ${key}`);
    return this.scheduler.createColdObservable(marbles, this.values);
  }
}

function clientWith(backend: HttpBackend, scheduler: TestScheduler): Mastodon {
  return new Mastodon({ api_base_url: 'https://mastodon.example', access_token: 't', version_check_mode: 'none', session: backend, scheduler });
}

const CONTEXT = 'GET /api/v1/statuses/9/context';
const REFRESH = 'GET /api/v1_alpha/async_refreshes/ctx-1';

describe('the Mastodon-Async-Refresh header', () => {
  it('is read as Mastodon writes it, and a result carries it invisibly', () => {
    assert.deepEqual(parseAsyncRefreshHeader(REFRESHING), { id: 'ctx-1', retry: 5, result_count: 0 });
    assert.deepEqual(parseAsyncRefreshHeader('id="x"'), { id: 'x', retry: 3 });
    assert.deepEqual(parseAsyncRefreshHeader('retry=abc, id=plain'), { id: 'plain', retry: 3 });
    assert.equal(parseAsyncRefreshHeader('retry=5'), undefined);
    assert.equal(parseAsyncRefreshHeader(undefined), undefined);

    const scheduler = new TestScheduler((a, b) => assert.deepEqual(a, b));
    scheduler.run(({ expectObservable }) => {
      const backend = new ScriptedBackend(scheduler, { [CONTEXT]: ['-r|'] }, { r: reply(context(0), { 'mastodon-async-refresh': REFRESHING }) });
      const api = clientWith(backend, scheduler);
      const seen = api.statusContext('9').pipe(map((c) => [JSON.stringify(c), getAsyncRefreshInfo(c)]));
      expectObservable(seen).toBe('-v|', { v: ['{"ancestors":[],"descendants":[]}', [{ id: 'ctx-1', status: 'running', result_count: 0 }, 5]] });
    });
    assert.equal(getAsyncRefreshInfo({ ancestors: [] }), null);
    assert.equal(new Mastodon({ api_base_url: 'https://m.example' }).getAsyncRefreshInfo(null), null);
  });
});

describe('awaitAsyncRefresh in virtual time', () => {
  const running = reply({ async_refresh: { id: 'ctx-1', status: 'running', result_count: 1 } });
  const finished = reply({ async_refresh: { id: 'ctx-1', status: 'finished', result_count: 2 } });
  const values = {
    r: reply(context(0), { 'mastodon-async-refresh': REFRESHING }), c: reply(context(2)),
    p: running, q: reply({ async_refresh: { id: 'ctx-1', status: 'running' } }, { 'mastodon-async-refresh': 'id="ctx-1", retry=1' }), f: finished,
  };

  it('waits the retry the header asked for before each poll, then fetches the result again', () => {
    const scheduler = new TestScheduler((a, b) => assert.deepEqual(a, b));
    scheduler.run(({ expectObservable }) => {
      const backend = new ScriptedBackend(scheduler, { [CONTEXT]: ['-r|', '-c|'], [REFRESH]: ['-p|', '-f|'] }, values);
      const api = clientWith(backend, scheduler);
      const refreshed = api.statusContext('9').pipe(concatMap((c) => api.awaitAsyncRefresh(c)), map((c) => c?.descendants.length));
      // The context at 1 ms; polls at 1+5000 and 5002+5000 ms (each answered 1 ms later); the context again at 10004.
      expectObservable(refreshed).toBe('10004ms n|', { n: 2 });
      scheduler.flush();
      assert.deepEqual(backend.requests, [CONTEXT, REFRESH, REFRESH, CONTEXT]);
    });
  });

  /** The answer of `awaitAsyncRefresh` after a context announcing a refresh, the polls answering as `polls` says. */
  function awaited(polls: string[], options: { timeout?: number; max_attempts?: number }, expected: string, value: unknown): void {
    const scheduler = new TestScheduler((a, b) => assert.deepEqual(a, b));
    scheduler.run(({ expectObservable }) => {
      const backend = new ScriptedBackend(scheduler, { [CONTEXT]: ['r|', 'c|'], [REFRESH]: polls }, values);
      const api = clientWith(backend, scheduler);
      const after = api.statusContext('9').pipe(
        concatMap((c) => api.awaitAsyncRefresh(c, options)),
        map((c) => (c === null ? 'gave up' : c.descendants.length)),
      );
      expectObservable(after).toBe(expected, { v: value });
    });
  }

  it('takes a new retry from a poll\'s own header', () => {
    // Polls at 5000 (its answer asks for 1 s) and 6000 (finished): then the context again.
    awaited(['q|', 'f|'], {}, '6000ms v|', 2);
  });

  it('gives null when max_attempts polls pass first', () => {
    awaited(['p|', 'p|', 'f|'], { max_attempts: 2 }, '10000ms (v|)', 'gave up');
  });

  it('gives null when the timeout comes first, the last wait cut to the deadline', () => {
    // One poll at 5000, one at the 7 s deadline, then no time is left.
    awaited(['p|', 'p|', 'f|'], { timeout: 7 }, '7000ms (v|)', 'gave up');
  });

  it('waits for an AsyncRefresh itself, and passes a result without a refresh through', () => {
    const scheduler = new TestScheduler((a, b) => assert.deepEqual(a, b));
    scheduler.run(({ expectObservable }) => {
      const backend = new ScriptedBackend(scheduler, { [REFRESH]: ['-f|'] }, values);
      const api = clientWith(backend, scheduler);
      expectObservable(api.awaitAsyncRefresh({ id: 'ctx-1', status: 'running', result_count: null }).pipe(map((r) => r?.status)))
        .toBe('3001ms (f|)', { f: 'finished' });
      expectObservable(api.awaitAsyncRefresh({ ancestors: [], descendants: [] }).pipe(map((c) => c?.ancestors.length))).toBe('(z|)', { z: 0 });
      const done = { id: 'x', status: 'finished' as const };
      expectObservable(api.awaitAsyncRefresh(done).pipe(map((r) => r === done))).toBe('(t|)', { t: true });
    });
  });

  it('refuses what is not a result, and bad options, in the error channel', () => {
    const scheduler = new TestScheduler((a, b) => assert.deepEqual(a, b));
    scheduler.run(({ expectObservable }) => {
      const api = clientWith(new ScriptedBackend(scheduler, {}, {}), scheduler);
      const kind = (o: Observable<unknown>) => o.pipe(catchError((e: unknown) => of(e instanceof MastodonIllegalArgumentError ? 'illegal' : String(e))));
      expectObservable(kind(api.awaitAsyncRefresh(null as never))).toBe('(i|)', { i: 'illegal' });
      expectObservable(kind(api.awaitAsyncRefresh({}, { timeout: -1 }))).toBe('(i|)', { i: 'illegal' });
      expectObservable(kind(api.awaitAsyncRefresh({}, { max_attempts: 'x' as never }))).toBe('(i|)', { i: 'illegal' });
      expectObservable(kind(api.getAsyncRefreshStatus({}))).toBe('(i|)', { i: 'illegal' });
      expectObservable(kind(api.getAsyncRefreshStatus('..'))).toBe('(i|)', { i: 'illegal' });
    });
  });
});

describe('async refreshes against the fake server', () => {
  const fake = useFakeServer();

  it('reading a thread with replies elsewhere starts a job; its status finishes it, and the replies join the thread', async () => {
    const author = clientFor(fake.server, 'ar_author');
    const replier = fake.server.createUser('ar_remote');
    const status = await firstValueFrom(author.toot('what do other servers say?'));
    fakeAsyncRefreshes(fake.server.store).remoteReplies.set(status.id, [{ account: replier.account, text: 'hello from afar' }]);
    fakeAsyncRefreshes(fake.server.store).polls = 2;

    const before = await firstValueFrom(author.statusContext(status));
    assert.deepEqual(before.descendants, []);
    const [refresh, retry] = getAsyncRefreshInfo(before)!;
    assert.deepEqual([refresh.status, refresh.result_count, retry], ['running', 0, 3]);
    const again = await firstValueFrom(author.statusContext(status));
    assert.equal(getAsyncRefreshInfo(again)?.[0].id, refresh.id, 'the running job is announced again, not restarted');

    assert.deepEqual(await firstValueFrom(author.getAsyncRefreshStatus(before)), { id: refresh.id, status: 'running', result_count: 0 });
    assert.deepEqual(fake.server.requestsTo('GET /api/v1_alpha/async_refreshes/{id}').at(-1)!.path, `/api/v1_alpha/async_refreshes/${refresh.id}`);
    assert.deepEqual(await firstValueFrom(author.getAsyncRefreshStatus(refresh.id)), { id: refresh.id, status: 'finished', result_count: 1 });
    const after = await firstValueFrom(author.statusContext(status));
    assert.deepEqual(after.descendants.map((s) => s.content), ['<p>hello from afar</p>']);
    assert.equal(getAsyncRefreshInfo(after), null);
  });

  it('an unknown job is a 404, and an answer without async_refresh is malformed', async () => {
    const api = clientFor(fake.server, 'ar_unknown');
    await assert.rejects(firstValueFrom(api.getAsyncRefreshStatus('nope')), MastodonNotFoundError);
    const remove = fake.server.intercept((req) => (req.route === 'GET /api/v1_alpha/async_refreshes/{id}' ? { json: { id: 'x' } } : undefined));
    await assert.rejects(lastValueFrom(api.getAsyncRefreshStatus('x')), MastodonMalformedResponseError);
    remove();
  });
});
