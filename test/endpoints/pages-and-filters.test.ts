import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { firstValueFrom, lastValueFrom, mergeMap, toArray } from 'rxjs';
import { MastodonIllegalArgumentError, paginate, type HashtagTimelineOptions, type SearchOptions } from '../../src/index.js';
import { clientFor, useFakeServer } from '../support/fake.js';

// Lists Mastodon pages with Link headers that the library read as plain JSON before
// (endorsements, scheduled statuses, who boosted or favourited a status), and the search and
// hashtag-timeline parameters added since.

describe('pages where Mastodon sends Link headers', () => {
  const fake = useFakeServer();

  it('statusRebloggedBy and statusFavouritedBy page by the boosts\' and favourites\' own ids, the latest first', async () => {
    const author = clientFor(fake.server, 'pg_author');
    const status = await firstValueFrom(author.statusPost('popular'));
    const fans = ['pg_f1', 'pg_f2', 'pg_f3'].map((name) => clientFor(fake.server, name));
    for (const fan of fans) {
      await firstValueFrom(fan.statusReblog(status));
      await firstValueFrom(fan.statusFavourite(status));
    }
    const names = async (page$: ReturnType<typeof author.statusRebloggedBy>) =>
      lastValueFrom(paginate(page$).pipe(mergeMap((page) => page), toArray())).then((all) => all.map((a) => a.username));
    const first = await firstValueFrom(author.statusRebloggedBy(status));
    assert.ok(first._pagination_prev, 'a Link header, kept');
    assert.equal(first._pagination_next, undefined, 'a short page is the last, as Mastodon links it');
    assert.deepEqual(await names(author.statusRebloggedBy(status)), ['pg_f3', 'pg_f2', 'pg_f1']);
    assert.deepEqual(await names(author.statusFavouritedBy(status)), ['pg_f3', 'pg_f2', 'pg_f1']);
    const prev = new URL(first._pagination_prev!.url).searchParams;
    const cursor = prev.get('min_id') ?? prev.get('since_id');
    const boostIds = (await firstValueFrom(author.accountStatuses((await firstValueFrom(fans[2]!.me())).id))).map((s) => s.id);
    assert.ok(boostIds.includes(cursor!), 'the cursor is the latest boost\'s id, not an account id');
  });

  it('endorsements pages, the latest endorsement first', async () => {
    const api = clientFor(fake.server, 'pg_endorser');
    const ids: string[] = [];
    for (const name of ['pg_e1', 'pg_e2']) {
      const id = (await firstValueFrom(clientFor(fake.server, name).me())).id;
      await firstValueFrom(api.accountFollow(id));
      await firstValueFrom(api.accountPin(id));
      ids.push(id);
    }
    const page = await firstValueFrom(api.endorsements());
    assert.deepEqual(page.map((a) => a.id), [ids[1], ids[0]]);
    assert.ok(page._pagination_prev, 'a Link header, kept');
    assert.equal(page._pagination_next, undefined, 'a short page is the last, as Mastodon links it');
  });

  it('scheduledStatuses takes the pagination options and pages', async () => {
    const api = clientFor(fake.server, 'pg_scheduler');
    const later = (hours: number) => new Date(Date.now() + hours * 3_600_000);
    const made = [];
    for (const hours of [1, 2, 3]) made.push(await firstValueFrom(api.statusPost(`later ${hours}`, { scheduled_at: later(hours) })));
    const first = await firstValueFrom(api.scheduledStatuses({ limit: 2 }));
    assert.deepEqual(fake.server.requestsTo('GET /api/v1/scheduled_statuses').at(-1)!.query, { limit: '2' });
    assert.deepEqual(first.map((s) => s.id), [made[2]!.id, made[1]!.id]);
    assert.ok(first[0]!.scheduled_at instanceof Date);
    const rest = await firstValueFrom(api.fetchNext(first));
    assert.deepEqual(rest!.map((s) => s.id), [made[0]!.id]);
  });
});

describe('search and hashtag timeline parameters', () => {
  const fake = useFakeServer();

  it('searchV2 and search send limit and following, and the server honours them', async () => {
    const api = clientFor(fake.server, 'sf_me', { mastodon_version: '4.0.2' });
    const friendId = (await firstValueFrom(clientFor(fake.server, 'sf_friend').me())).id;
    clientFor(fake.server, 'sf_other');
    await firstValueFrom(api.accountFollow(friendId));
    const found = await firstValueFrom(api.searchV2('sf_', { result_type: 'accounts', following: true, limit: 5 }));
    assert.deepEqual(fake.server.requestsTo('GET /api/v2/search').at(-1)!.query,
      { q: 'sf_', resolve: '1', type: 'accounts', exclude_unreviewed: '1', limit: '5', following: '1' });
    assert.deepEqual(found.accounts.map((a) => a.id), [friendId]);
    const limited = await firstValueFrom(api.search('sf_', { result_type: 'accounts', limit: 1 }));
    assert.equal(limited.accounts.length, 1);
    assert.equal(fake.server.requestsTo('GET /api/v2/search').at(-1)!.query['limit'], '1');
    const before = fake.server.requests.length;
    for (const bad of [{ limit: -1 }, { limit: 'ten' }, { following: 'yes' }]) {
      await assert.rejects(firstValueFrom(api.searchV2('x', bad as SearchOptions)), MastodonIllegalArgumentError);
    }
    assert.equal(fake.server.requests.length, before);
  });

  it('timelineHashtag sends any[], all[] and none[], and the server matches them', async () => {
    const api = clientFor(fake.server, 'ht_me');
    const posted = new Map<string, string>();
    for (const text of ['#htcats', '#htcats #htdogs', '#htbirds', '#htcats #htfish', '#htdogs']) {
      posted.set(text, (await firstValueFrom(api.statusPost(text))).id);
    }
    const texts = async (options: HashtagTimelineOptions) => {
      const ids = (await firstValueFrom(api.timelineHashtag('htcats', options))).map((s) => s.id);
      return [...posted].filter(([, id]) => ids.includes(id)).map(([text]) => text);
    };
    assert.deepEqual(await texts({ any: ['htbirds'] }), ['#htcats', '#htcats #htdogs', '#htbirds', '#htcats #htfish']);
    assert.deepEqual(fake.server.requestsTo('GET /api/v1/timelines/tag/{hashtag}').at(-1)!.query, { any: ['htbirds'] });
    assert.deepEqual(await texts({ all: ['htdogs'] }), ['#htcats #htdogs']);
    assert.deepEqual(await texts({ none: ['htdogs', 'htfish'] }), ['#htcats']);
    assert.deepEqual(fake.server.requestsTo('GET /api/v1/timelines/tag/{hashtag}').at(-1)!.query, { none: ['htdogs', 'htfish'] });
    const before = fake.server.requests.length;
    for (const bad of [{ any: 'htdogs' }, { all: ['#htdogs'] }, { none: [''] }]) {
      await assert.rejects(firstValueFrom(api.timelineHashtag('htcats', bad as HashtagTimelineOptions)), MastodonIllegalArgumentError);
    }
    assert.equal(fake.server.requests.length, before);
  });
});
