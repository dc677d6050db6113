import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { catchError, map, of, take } from 'rxjs';
import { MastodonRateLimitError, type Status } from '../../src/index.js';
import { isoWithMicros, reply, scriptedBackend, virtualClient, virtualScheduler } from './virtual-server.js';

const idOrErrorName = map((status: Status) => status.id);
const errorName = catchError((error: unknown) => of((error as Error).name));

describe('rate limit modes, in virtual time', () => {
  it('wait: a 429 holds the request until the reset, then sends it again once', () => {
    const scheduler = virtualScheduler();
    scheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const refused = cold('-(r|)', { r: reply(429, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '5' }) });
      const served = cold('-(s|)', { s: reply(200, { 'x-ratelimit-remaining': '299', 'x-ratelimit-reset': '300' }) });
      const api = virtualClient(scriptedBackend([refused, served]), scheduler);
      expectObservable(api.status('1').pipe(idOrErrorName)).toBe('5001ms (a|)', { a: '1' });
      expectSubscriptions(refused.subscriptions).toBe('^!');
      expectSubscriptions(served.subscriptions).toBe('5000ms ^!');
    });
  });

  it('wait: keeps waiting through repeated 429s, and gives up only on another error', () => {
    const scheduler = virtualScheduler();
    scheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const limited = { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '2' };
      const first = cold('(r|)', { r: reply(429, limited) });
      const second = cold('(r|)', { r: reply(429, { ...limited, 'x-ratelimit-reset': '4' }) });
      const broken = cold('(r|)', { r: reply(500, {}, '{"error":"boom"}') });
      const api = virtualClient(scriptedBackend([first, second, broken]), scheduler);
      expectObservable(api.status('1').pipe(idOrErrorName, errorName)).toBe('4000ms (e|)', { e: 'MastodonInternalServerError' });
      expectSubscriptions(first.subscriptions).toBe('(^!)');
      expectSubscriptions(second.subscriptions).toBe('2000ms (^!)');
      expectSubscriptions(broken.subscriptions).toBe('4000ms (^!)');
    });
  });

  it('wait: a 429 whose reset is already past fails as MastodonRateLimitError instead of looping', () => {
    const scheduler = virtualScheduler();
    scheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      scheduler.schedule(() => undefined, 10_000);
      const refused = cold('10s (r|)', { r: reply(429, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '5' }) });
      const api = virtualClient(scriptedBackend([refused]), scheduler);
      expectObservable(api.status('1').pipe(idOrErrorName, errorName)).toBe('10s (e|)', { e: 'MastodonRateLimitError' });
      expectSubscriptions(refused.subscriptions).toBe('^ 9999ms !');
    });
  });

  it('throw: a 429 fails at once with MastodonRateLimitError and is not sent again', () => {
    const scheduler = virtualScheduler();
    scheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const refused = cold('-(r|)', { r: reply(429, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '60' }) });
      const api = virtualClient(scriptedBackend([refused]), scheduler, { ratelimit_method: 'throw' });
      expectObservable(api.status('1').pipe(idOrErrorName, errorName)).toBe('-(e|)', { e: 'MastodonRateLimitError' });
      expectSubscriptions(refused.subscriptions).toBe('^!');
    });
  });

  it('throw: the error is a MastodonRateLimitError carrying the status and body', () => {
    const scheduler = virtualScheduler();
    const api = virtualClient(scriptedBackend([of(reply(429, {}, '{"error":"Too many requests"}'))]), scheduler, { ratelimit_method: 'throw' });
    let caught: unknown;
    api.status('1').subscribe({ error: (e: unknown) => { caught = e; } });
    scheduler.flush();
    assert.ok(caught instanceof MastodonRateLimitError);
    assert.equal(caught.status, 429);
    assert.equal(caught.error, 'Too many requests');
  });

  it('caps each wait at 300 s and takes a longer wait in steps', () => {
    const scheduler = virtualScheduler();
    const sentAt: number[] = [];
    const backend = {
      handle: () => {
        sentAt.push(scheduler.now());
        const limited = scheduler.now() < 1_000_000;
        return of(reply(limited ? 429 : 200, { 'x-ratelimit-remaining': limited ? '0' : '299', 'x-ratelimit-reset': '1000' }));
      },
    };
    const api = virtualClient(backend, scheduler);
    let id: string | undefined;
    api.status('1').subscribe((s) => { id = s.id; });
    scheduler.flush();
    assert.equal(id, '1');
    assert.deepEqual(sentAt, [0, 300_000, 600_000, 900_000, 1_000_000]);
  });

  it('corrects the reset for clock skew with the Date header', () => {
    const scheduler = virtualScheduler();
    scheduler.run(({ cold, expectSubscriptions }) => {
      // The server's clock is 100 s ahead: its reset at 160 s is 60 s from the client's now.
      const skewed = { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': isoWithMicros(160_000), date: new Date(100_000).toUTCString() };
      const refused = cold('(r|)', { r: reply(429, skewed) });
      const served = cold('(s|)', { s: reply(200) });
      const api = virtualClient(scriptedBackend([refused, served]), scheduler);
      api.status('1').subscribe();
      expectSubscriptions(served.subscriptions).toBe('60s (^!)');
    });
    const api = virtualClient(scriptedBackend([of(reply(200, { 'x-ratelimit-reset': '160', date: new Date(100_000).toUTCString() }))]), scheduler);
    api.status('1').subscribe();
    scheduler.flush();
    assert.equal(api.ratelimit_reset, 60 + scheduler.now() / 1000);
  });

  it('wait: unsubscribing while held for the reset sends nothing more', () => {
    const scheduler = virtualScheduler();
    scheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const refused = cold('-(r|)', { r: reply(429, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '5' }) });
      const api = virtualClient(scriptedBackend([refused]), scheduler);
      expectObservable(api.status('1').pipe(idOrErrorName), '^ 2999ms !').toBe('');
      expectSubscriptions(refused.subscriptions).toBe('^!');
    });
  });

  it('wait: after a 429 every other request of the client waits for the reset too', () => {
    const scheduler = virtualScheduler();
    scheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const refused = cold('-(r|)', { r: reply(429, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '5' }) });
      const retried = cold('-(s|)', { s: reply(200, {}, '{"id":"1"}') });
      const other = cold('-(s|)', { s: reply(200, {}, '{"id":"2"}') });
      const api = virtualClient(scriptedBackend([refused, retried, other]), scheduler);
      expectObservable(api.status('1').pipe(idOrErrorName)).toBe('5001ms (a|)', { a: '1' });
      scheduler.schedule(() => {
        expectObservable(api.status('2').pipe(idOrErrorName)).toBe('5001ms (b|)', { b: '2' });
      }, 1000);
      expectSubscriptions(retried.subscriptions).toBe('5000ms ^!');
      expectSubscriptions(other.subscriptions).toBe('5000ms ^!');
    });
  });

  it('pace: the next request waits (reset - now) / remaining / pacefactor after the last report', () => {
    for (const [pacefactor, expected] of [[1, '1s (^!)'], [2, '500ms (^!)'], [0.5, '2s (^!)']] as const) {
      const scheduler = virtualScheduler();
      scheduler.run(({ cold, expectSubscriptions }) => {
        const first = cold('(r|)', { r: reply(200, { 'x-ratelimit-remaining': '10', 'x-ratelimit-reset': '10' }) });
        const second = cold('(r|)', { r: reply(200, { 'x-ratelimit-remaining': '9', 'x-ratelimit-reset': '10' }) });
        const api = virtualClient(scriptedBackend([first, second]), scheduler, { ratelimit_method: 'pace', ratelimit_pacefactor: pacefactor });
        api.status('1').subscribe();
        api.status('2').subscribe();
        expectSubscriptions(first.subscriptions).toBe('(^!)');
        expectSubscriptions(second.subscriptions).toBe(expected);
      });
    }
  });

  it('pace: a request still in flight counts against the remaining budget', () => {
    // 10 left until 10 s. The second request leaves at 1 s ((10 - 0) / 10) and takes 5 s to be
    // answered; while it is out, the third shares what is left among 9, not 10:
    // (10 - 1) / 9 = 1 s after it, at 2 s (counting only the answered ones would give 1.9 s).
    const scheduler = virtualScheduler();
    scheduler.run(({ cold, expectSubscriptions }) => {
      const first = cold('(r|)', { r: reply(200, { 'x-ratelimit-remaining': '10', 'x-ratelimit-reset': '10' }) });
      const slow = cold('5s (r|)', { r: reply(200, { 'x-ratelimit-remaining': '9', 'x-ratelimit-reset': '10' }) });
      const third = cold('(r|)', { r: reply(200, { 'x-ratelimit-remaining': '8', 'x-ratelimit-reset': '10' }) });
      const api = virtualClient(scriptedBackend([first, slow, third]), scheduler, { ratelimit_method: 'pace', ratelimit_pacefactor: 1 });
      for (const id of ['1', '2', '3']) api.status(id).subscribe();
      expectSubscriptions(slow.subscriptions).toBe('1s ^ 4999ms !');
      expectSubscriptions(third.subscriptions).toBe('2s (^!)');
    });
  });

  it('pace: with nothing remaining, the next request waits for the reset', () => {
    const scheduler = virtualScheduler();
    scheduler.run(({ cold, expectSubscriptions }) => {
      const first = cold('(r|)', { r: reply(200, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '42' }) });
      const second = cold('(r|)', { r: reply(200, { 'x-ratelimit-remaining': '299', 'x-ratelimit-reset': '342' }) });
      const api = virtualClient(scriptedBackend([first, second]), scheduler, { ratelimit_method: 'pace' });
      api.status('1').subscribe();
      api.status('2').subscribe();
      expectSubscriptions(second.subscriptions).toBe('42s (^!)');
    });
  });

  it('pace: a request given up while it waits for its turn is never sent, and the one after it takes the turn', () => {
    const scheduler = virtualScheduler();
    scheduler.run(({ cold, expectSubscriptions }) => {
      const first = cold('(r|)', { r: reply(200, { 'x-ratelimit-remaining': '10', 'x-ratelimit-reset': '10' }) });
      const third = cold('(r|)', { r: reply(200, { 'x-ratelimit-remaining': '9', 'x-ratelimit-reset': '10' }) });
      const api = virtualClient(scriptedBackend([first, third]), scheduler, { ratelimit_method: 'pace', ratelimit_pacefactor: 1 });
      api.status('1').subscribe();
      const given = api.status('2').subscribe();
      api.status('3').subscribe();
      scheduler.schedule(() => given.unsubscribe(), 500);
      expectSubscriptions(first.subscriptions).toBe('(^!)');
      expectSubscriptions(third.subscriptions).toBe('1s (^!)');
    });
  });

  it('missing or garbage headers: no error, and the state stays as it was', () => {
    const scheduler = virtualScheduler();
    const garbage = { 'x-ratelimit-limit': 'lots', 'x-ratelimit-remaining': '-3', 'x-ratelimit-reset': 'soon', date: 'yesterday' };
    const api = virtualClient(scriptedBackend([of(reply(200, garbage)), of(reply(200))]), scheduler, { ratelimit_method: 'pace' });
    const before = api.ratelimiter.state;
    const ids: string[] = [];
    api.status('1').subscribe((s) => ids.push(s.id));
    api.status('1').pipe(take(1)).subscribe((s) => ids.push(s.id));
    scheduler.flush();
    assert.deepEqual(ids, ['1', '1']);
    assert.deepEqual(api.ratelimiter.state, before);
  });
});
