// A live home timeline composed from stream operators: the newest page first, then a poll
// every half second that follows `rel="prev"` links for whatever is newer, merged with a
// hashtag timeline polled the same way. Runs against the built-in fake server, where a
// writer posts now and then, and exits by itself after a few seconds.
//
//   npx tsx examples/live-timeline.ts
import { concatMap, EMPTY, expand, interval, map, merge, type Observable, takeUntil, timer, toArray } from 'rxjs';
import { Mastodon, paginate, type Page, type PageRequest, type Status } from '../src/index.js';
import { FakeMastodon } from '../src/testing/index.js';

interface Poll {
  /** New statuses, oldest first. */
  readonly statuses: readonly Status[];
  /** The request for what is newer than everything seen so far. */
  readonly newer: PageRequest | undefined;
}

/** Everything newer than `newer`, following `prev` links until an empty page; oldest first. */
function catchUp(api: Mastodon, newer: PageRequest): Observable<Poll> {
  return paginate<Status>(api, newer, { direction: 'prev' }).pipe(
    toArray(),
    map((pages) => {
      const filled = pages.filter((page) => page.length > 0);
      return {
        statuses: filled.flatMap((page) => [...page].reverse()),
        newer: filled.at(-1)?._pagination_prev ?? newer,
      };
    }),
  );
}

/** A timeline as a stream of statuses: the first page, then every newer one as it appears. */
function live(api: Mastodon, first$: Observable<Page<Status>>, everyMs: number): Observable<Status> {
  return first$.pipe(
    map((first): Poll => ({ statuses: [...first].reverse(), newer: first._pagination_prev })),
    expand((poll) => poll.newer ? timer(everyMs).pipe(concatMap(() => catchUp(api, poll.newer!))) : EMPTY),
    concatMap((poll) => poll.statuses),
  );
}

const server = await FakeMastodon.start();
const alice = server.createUser('alice');
for (const text of ['good morning', 'coffee first', 'reading about #rx']) server.store.addStatus(alice.account, text);
const api = new Mastodon({ api_base_url: server.url, access_token: alice.token });

// The writer: a new status every 700 ms, every other one tagged.
const writer = interval(700).pipe(
  concatMap((i) => api.statusPost(i % 2 === 0 ? `update ${i}` : `update ${i} about #rx`)),
);

const stop$ = timer(4000);
const home$ = live(api, api.timelineHome({ limit: 2 }), 500).pipe(map((status) => ({ from: 'home', status })));
const tagged$ = live(api, api.timeline({ timeline: 'tag/rx', limit: 2 }), 500).pipe(map((status) => ({ from: '#rx ', status })));

const plain = (html: string): string => html.replace(/<[^>]+>/g, '');
merge(home$, tagged$, writer.pipe(concatMap(() => EMPTY))).pipe(takeUntil(stop$)).subscribe({
  next: ({ from, status }) => console.log(`${from}  ${status.created_at.toISOString().slice(11, 23)}  ${plain(status.content)}`),
  error: (error: unknown) => { console.error(error); void server.close(); process.exitCode = 1; },
  complete: () => {
    console.log(`done; ${server.requestsTo('GET /api/v1/timelines/home').length} home requests, `
      + `rate limit ${api.ratelimit_remaining}/${api.ratelimit_limit} left`);
    void server.close();
  },
});

