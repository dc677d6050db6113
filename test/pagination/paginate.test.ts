import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { firstValueFrom, lastValueFrom, take, toArray } from 'rxjs';
import {
  Mastodon, MastodonIllegalArgumentError, paginate, paginateItems, type Page, type PageRequest, type Status,
} from '../../src/index.js';
import { FakeMastodon } from '../../src/testing/index.js';
import { useFakeServer } from '../support/fake.js';

/** A user with `count` statuses (oldest first: "s0", "s1", ...) and a client for them. */
function userWithStatuses(server: FakeMastodon, username: string, count: number): { api: Mastodon; texts: string[] } {
  const user = server.createUser(username);
  const texts = Array.from({ length: count }, (_, i) => `s${i}`);
  for (const text of texts) server.store.addStatus(user.account, text);
  return { api: new Mastodon({ api_base_url: server.url, access_token: user.token, version_check_mode: 'none' }), texts };
}

const textOf = (status: Status): string => status.content.replace(/<[^>]+>/g, '');
const homeRequests = (server: FakeMastodon): number => server.requestsTo('GET /api/v1/timelines/home').length;

describe('pagination against the fake server', () => {
  const fake = useFakeServer({ rateLimit: 100_000 });

  it('fetchNext and fetchPrevious follow the links, with a page or its bare request', async () => {
    const { api } = userWithStatuses(fake.server, 'pager1', 25);
    const first = await firstValueFrom(api.timelineHome({ limit: 10 }));
    assert.deepEqual(first.map(textOf), ['s24', 's23', 's22', 's21', 's20', 's19', 's18', 's17', 's16', 's15']);
    const second = await firstValueFrom(api.fetchNext(first));
    assert.deepEqual(second?.map(textOf).slice(0, 2), ['s14', 's13']);
    const third = await firstValueFrom(api.fetchNext<Status>(second!._pagination_next!));
    assert.deepEqual(third?.map(textOf), ['s4', 's3', 's2', 's1', 's0']);
    const back = await firstValueFrom(api.fetchPrevious(third!));
    assert.deepEqual(back?.map(textOf), second?.map(textOf));
    // The request went out exactly as the link said: limit kept, max_id from the server.
    const sent = fake.server.requestsTo('GET /api/v1/timelines/home').at(-2)!;
    assert.deepEqual(sent.query, { limit: '10', max_id: second![9]!.id });
  });

  it('fetchNext emits an empty page past the end, then null when there is no link', async () => {
    const { api } = userWithStatuses(fake.server, 'pager2', 3);
    const only = await firstValueFrom(api.timelineHome({ limit: 10 }));
    const past = await firstValueFrom(api.fetchNext(only));
    assert.deepEqual(past, []);
    assert.equal(await firstValueFrom(api.fetchNext(past!)), null);
    assert.equal(await firstValueFrom(api.fetchPrevious([] as unknown as Page<Status>)), null);
  });

  it('fetchRemaining gathers every item from the first page on, in order, and stops at the end', async () => {
    const { api, texts } = userWithStatuses(fake.server, 'pager3', 23);
    const first = await firstValueFrom(api.timelineHome({ limit: 5 }));
    const before = homeRequests(fake.server);
    const all = await firstValueFrom(api.fetchRemaining(first));
    assert.deepEqual(all.map(textOf), [...texts].reverse());
    // 4 more full or partial pages, and one empty page that ends it.
    assert.equal(homeRequests(fake.server) - before, 5);
    const fromRequest = await firstValueFrom(api.fetchRemaining<Status>(first._pagination_next!));
    assert.equal(fromRequest.length, 18);
  });

  it('follows the link as given, cursor and all, without rebuilding it from the items', async () => {
    const { api } = userWithStatuses(fake.server, 'pager4', 2);
    const remove = fake.server.intercept((req) => req.route === 'GET /api/v1/timelines/home' && !req.url.searchParams.has('page')
      ? { json: [], headers: { link: `<${fake.server.url}/api/v1/timelines/home?page=opaque%2Bcursor&limit=7>; rel="next"` } }
      : undefined);
    try {
      const first = await firstValueFrom(api.timelineHome());
      const next = await firstValueFrom(api.fetchNext(first));
      assert.equal(next?.length, 2);
      const sent = fake.server.requestsTo('GET /api/v1/timelines/home').at(-1)!;
      assert.deepEqual(sent.query, { page: 'opaque+cursor', limit: '7' });
    } finally {
      remove();
    }
  });

  it('paginate is lazy: take(3) sends exactly three requests', async () => {
    const { api } = userWithStatuses(fake.server, 'pager5', 50);
    const before = homeRequests(fake.server);
    const pages = await lastValueFrom(paginate(api, api.timelineHome({ limit: 5 })).pipe(take(3), toArray()));
    assert.deepEqual(pages.map((p) => p.length), [5, 5, 5]);
    assert.deepEqual(pages.flat().map(textOf).slice(0, 11), Array.from({ length: 11 }, (_, i) => `s${49 - i}`));
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal(homeRequests(fake.server) - before, 3);
  });

  it('paginateItems requests only the pages the items taken need', async () => {
    const { api } = userWithStatuses(fake.server, 'pager6', 50);
    const before = homeRequests(fake.server);
    const items = await lastValueFrom(paginateItems(api, api.timelineHome({ limit: 10 })).pipe(take(15), toArray()));
    assert.equal(items.length, 15);
    assert.equal(textOf(items[14]!), 's35');
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal(homeRequests(fake.server) - before, 2);
  });

  it('paginate walks to the end and stops at the empty page without emitting it; prev walks back up', async () => {
    const { api, texts } = userWithStatuses(fake.server, 'pager7', 12);
    const before = homeRequests(fake.server);
    const pages = await lastValueFrom(paginate(api, api.timelineHome({ limit: 5 })).pipe(toArray()));
    assert.deepEqual(pages.map((p) => p.length), [5, 5, 2]);
    assert.equal(homeRequests(fake.server) - before, 4, 'the empty page that ends the walk was fetched');
    const last = pages[2]!;
    const newer = await lastValueFrom(paginate(api, last, { direction: 'prev' }).pipe(toArray()));
    assert.deepEqual(newer.flat().map(textOf), ['s1', 's0', 's6', 's5', 's4', 's3', 's2', 's11', 's10', 's9', 's8', 's7']);
    assert.ok(newer.every((page) => page.length > 0));
    const fromRequest = await lastValueFrom(paginateItems<Status>(api, last._pagination_prev!, { direction: 'prev' }).pipe(toArray()));
    assert.deepEqual(fromRequest.map(textOf), newer.slice(1).flat().map(textOf));
    assert.ok(texts.length === 12);
  });

  it('paginate emits an empty first page, the answer of the call it was given', async () => {
    const { api } = userWithStatuses(fake.server, 'pager9', 0);
    const pages = await lastValueFrom(paginate(api, api.timelineHome({ limit: 5 })).pipe(toArray()));
    assert.deepEqual(pages, [[]]);
  });

  it('bad arguments arrive as MastodonIllegalArgumentError in the Observable, nothing sent', async () => {
    const { api } = userWithStatuses(fake.server, 'pager8', 1);
    const before = fake.server.requests.length;
    const bad = [
      () => api.fetchNext({} as PageRequest),
      () => api.fetchNext(null as unknown as PageRequest),
      () => api.fetchPrevious({ method: 'GET', url: 'javascript:alert(1)' }),
      () => api.fetchRemaining({ method: 'GET', url: '/relative' }),
      () => api.fetchNext({ method: 'BREW' as 'GET', url: `${fake.server.url}/api/v1/timelines/home` }),
      () => paginate(api, api.timelineHome(), { direction: 'sideways' as 'next' }),
      () => paginate(api, 42 as unknown as PageRequest),
    ];
    for (const call of bad) {
      const observable = call();
      await assert.rejects(firstValueFrom(observable), MastodonIllegalArgumentError);
    }
    assert.equal(fake.server.requests.length, before);
  });
});

describe('a link to another origin', () => {
  const home = useFakeServer();
  const elsewhere = useFakeServer();

  it('is followed without the access token; the API origin still gets it', async () => {
    const user = home.server.createUser('traveller');
    const api = new Mastodon({ api_base_url: home.server.url, access_token: user.token, version_check_mode: 'none' });
    elsewhere.server.store.addStatus(elsewhere.server.createUser('local').account, 'over there');
    const foreign = `${elsewhere.server.url}/api/v1/timelines/public?limit=5`;
    const remove = home.server.intercept((req) => req.route === 'GET /api/v1/timelines/home'
      ? { json: [{ id: '1', content: '<p>here</p>' }], headers: { link: `<${foreign}>; rel="next"` } }
      : undefined);
    try {
      const pages = await lastValueFrom(paginate(api, api.timelineHome()).pipe(take(2), toArray()));
      assert.deepEqual(pages[1]!.map(textOf), ['over there']);
    } finally {
      remove();
    }
    const atHome = home.server.requestsTo('GET /api/v1/timelines/home').at(-1)!;
    assert.equal(atHome.headers['authorization'], `Bearer ${user.token}`);
    const abroad = elsewhere.server.requestsTo('GET /api/v1/timelines/public');
    assert.equal(abroad.length, 1);
    assert.equal(abroad[0]!.headers['authorization'], undefined);
    assert.deepEqual(abroad[0]!.query, { limit: '5' });
  });
});
