import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { firstValueFrom, lastValueFrom, take, toArray, type Observable } from 'rxjs';
import {
  Mastodon, MastodonIllegalArgumentError, MastodonMalformedResponseError, paginate, paginateItems,
  type ObjectPage, type Page, type PageRequest,
} from '../../src/index.js';
import { json, startLoopback, type Loopback } from '../support/loopback.js';

/** The shape of the object pages the loopback serves: one list of items and one of what they refer to. */
interface Groups {
  groups: { key: string }[];
  people: string[];
}

/** Pages 1 to 3 with items, page 4 empty but still linked onwards, as a careless server might. */
function pageBody(n: number): Groups {
  return n <= 3 ? { groups: [{ key: `g${n}a` }, { key: `g${n}b` }], people: [`p${n}`] } : { groups: [], people: [] };
}

describe('pages that are objects (grouped notifications)', () => {
  let server: Loopback;
  let api: Mastodon;

  before(async () => {
    server = await startLoopback((req, res) => {
      const url = new URL(req.url, server.url);
      if (url.pathname === '/not-an-object') return json(res, [1, 2]);
      const n = Number(url.searchParams.get('page') ?? '1');
      const link = (page: number, rel: string): string => `<${server.url}/api/v2/groups?limit=2&page=${page}>; rel="${rel}"`;
      const links = [link(n + 1, 'next'), ...(n > 1 ? [link(n - 1, 'prev')] : [])];
      json(res, pageBody(n), 200, { link: links.join(', ') });
    });
    api = new Mastodon({ api_base_url: server.url, access_token: 't', version_check_mode: 'none' });
  });
  after(() => server.close());

  const first = (): Observable<ObjectPage<Groups>> => api.apiRequest<ObjectPage<Groups>>({ method: 'GET', path: '/api/v2/groups', params: { limit: 2 }, result: 'object-page' });

  it('carry their links out of sight: the object serialises as it came', async () => {
    const page = await firstValueFrom(first());
    assert.deepEqual(page, pageBody(1));
    assert.equal(JSON.stringify(page), JSON.stringify(pageBody(1)));
    assert.deepEqual(page._pagination_next, { method: 'GET', url: `${server.url}/api/v2/groups?limit=2&page=2`, result: 'object-page' });
    assert.equal(page._pagination_prev, undefined);
  });

  it('fetchNext and fetchPrevious follow them, from the page or from its bare request', async () => {
    const page = await firstValueFrom(first());
    const second = await firstValueFrom(api.fetchNext(page));
    assert.deepEqual(second?.groups.map((g) => g.key), ['g2a', 'g2b']);
    const viaRequest = await firstValueFrom(api.fetchNext<unknown>(second!._pagination_next!));
    assert.deepEqual(viaRequest, pageBody(3), 'the request remembers that its page is an object');
    const back = await firstValueFrom(api.fetchPrevious(second!));
    assert.deepEqual(back, pageBody(1));
    assert.equal(await firstValueFrom(api.fetchPrevious(page)), null);
  });

  it('paginate walks them lazily and ends at the page whose lists are all empty, without emitting it', async () => {
    const before = server.seen.length;
    const two = await lastValueFrom(paginate(first()).pipe(take(2), toArray()));
    assert.deepEqual(two.map((p) => p.groups.length), [2, 2]);
    assert.equal(server.seen.length - before, 2, 'take(2): two requests');

    const all = await lastValueFrom(paginate(first()).pipe(toArray()));
    assert.deepEqual(all.map((p) => p.people), [['p1'], ['p2'], ['p3']]);
    const fromRequest = await lastValueFrom(paginate(api, all[0]!._pagination_next!).pipe(toArray()));
    assert.deepEqual((fromRequest as unknown as Groups[]).map((p) => p.people), [['p2'], ['p3']]);
  });

  it('fetchRemaining and paginateItems, which gather items of lists, refuse an object page', async () => {
    const page = await firstValueFrom(first());
    await assert.rejects(firstValueFrom(api.fetchRemaining(page as unknown as Page<unknown>)), MastodonIllegalArgumentError);
    await assert.rejects(firstValueFrom(paginateItems(page as unknown as Page<unknown>)), MastodonIllegalArgumentError);
  });

  it('an answer that is not an object is malformed; a request of an unknown kind is an argument error, not sent', async () => {
    await assert.rejects(firstValueFrom(api.apiRequest({ method: 'GET', path: '/not-an-object', result: 'object-page' })), MastodonMalformedResponseError);
    const before = server.seen.length;
    const odd = { method: 'GET', url: `${server.url}/api/v2/groups`, result: 'xml' } as unknown as PageRequest;
    await assert.rejects(firstValueFrom(api.fetchNext(odd)), MastodonIllegalArgumentError);
    assert.equal(server.seen.length, before);
  });
});
