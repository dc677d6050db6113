import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { defer, map, type Observable, of, take, toArray } from 'rxjs';
import { toPage } from '../../src/pagination/page.js';
import { paginate, paginateItems, type HttpResponse } from '../../src/index.js';
import { reply, scriptedBackend, virtualClient, virtualScheduler } from '../ratelimit/virtual-server.js';

/** Page `n` of a timeline: two items, and a link to page `n + 1`. */
function pageReply(n: number): HttpResponse {
  const link = `<https://mastodon.example/api/v1/timelines/home?max_id=${n}0>; rel="next"`;
  return reply(200, { link }, JSON.stringify([{ id: `${n}a` }, { id: `${n}b` }]));
}

describe('paginate in virtual time', () => {
  it('asks no fetcher for a page once take() is satisfied, even a synchronous one', () => {
    let fetched = 0;
    const fetcher = {
      send: (): Observable<HttpResponse> => defer(() => {
        fetched += 1;
        return of(reply(200, { link: `<https://m.example/p?max_id=${fetched + 1}>; rel="next"` }, JSON.stringify([{ id: String(fetched + 1) }])));
      }),
    };
    const first = toPage([{ id: '1' }], '<https://m.example/p?max_id=1>; rel="next"');
    const ids: string[] = [];
    paginateItems(fetcher, first).pipe(take(3)).subscribe((item) => ids.push(item.id));
    assert.deepEqual(ids, ['1', '2', '3']);
    assert.equal(fetched, 2);
  });

  it('take(3) subscribes to exactly three requests; the fourth is never sent', () => {
    const scheduler = virtualScheduler();
    scheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const pages = [1, 2, 3, 4].map((n) => cold('-(p|)', { p: pageReply(n) }));
      const api = virtualClient(scriptedBackend(pages), scheduler);
      const lengths = paginate(api, api.timelineHome()).pipe(take(3), map((page) => page[0]!.id));
      expectObservable(lengths).toBe('-ab(c|)', { a: '1a', b: '2a', c: '3a' });
      expectSubscriptions(pages[0]!.subscriptions).toBe('^!');
      expectSubscriptions(pages[1]!.subscriptions).toBe('-^!');
      expectSubscriptions(pages[2]!.subscriptions).toBe('--^!');
      expectSubscriptions(pages[3]!.subscriptions).toBe([]);
    });
  });

  it('unsubscribing mid-page aborts the request in flight', () => {
    const scheduler = virtualScheduler();
    scheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const first = cold('-(p|)', { p: pageReply(1) });
      const slow = cold('-----(p|)', { p: pageReply(2) });
      const api = virtualClient(scriptedBackend([first, slow]), scheduler);
      expectObservable(paginate(api, api.timelineHome()).pipe(map((page) => page.length)), '^---!').toBe('-a', { a: 2 });
      expectSubscriptions(slow.subscriptions).toBe('-^--!');
    });
  });

  it('paginateItems: take(3) of two-item pages needs two requests', () => {
    const scheduler = virtualScheduler();
    scheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const pages = [1, 2, 3].map((n) => cold('-(p|)', { p: pageReply(n) }));
      const api = virtualClient(scriptedBackend(pages), scheduler);
      expectObservable(paginateItems<{ id: string }>(api, api.timelineHome()).pipe(take(3), map((s) => s.id), toArray()))
        .toBe('--(x|)', { x: ['1a', '1b', '2a'] });
      expectSubscriptions(pages[1]!.subscriptions).toBe('-^!');
      expectSubscriptions(pages[2]!.subscriptions).toBe([]);
    });
  });

  it('each page waits its turn in the rate limiter like any request', () => {
    const scheduler = virtualScheduler();
    scheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const limited = reply(429, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '10' });
      const pages = [cold('-(p|)', { p: pageReply(1) }), cold('-(r|)', { r: limited }), cold('-(p|)', { p: pageReply(2) })];
      const api = virtualClient(scriptedBackend(pages), scheduler);
      expectObservable(paginate(api, api.timelineHome()).pipe(take(2), map((page) => page[0]!.id)))
        .toBe('-a 9999ms (b|)', { a: '1a', b: '2a' });
      expectSubscriptions(pages[2]!.subscriptions).toBe('10s ^!');
    });
  });
});
