import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { firstValueFrom, lastValueFrom } from 'rxjs';
import { take, toArray } from 'rxjs/operators';
import { MastodonIllegalArgumentError, type Page, type Status } from '../../src/index.js';
import { getPaginationInfo } from '../../src/api.js';
import { clientFor, useFakeServer } from '../support/fake.js';

describe('Mastodon.py\'s pagination helpers', () => {
  const fake = useFakeServer();

  async function timeline(name: string, count: number) {
    const api = clientFor(fake.server, name);
    const posted: Status[] = [];
    for (let i = 0; i < count; i++) posted.push(await firstValueFrom(api.toot(`post ${i}`)));
    const newestFirst = posted.map((s) => s.id).reverse();
    return { api, newestFirst };
  }

  it('getPaginationInfo gives the next or previous request of a page, or null', async () => {
    const { api } = await timeline('pi_info', 3);
    const page = await firstValueFrom(api.timelineHome({ limit: 2 }));
    const next = getPaginationInfo(page, 'next');
    assert.deepEqual(next, page._pagination_next);
    assert.match(next!.url, /max_id=/);
    assert.deepEqual(api.getPaginationInfo(page, 'previous'), page._pagination_prev);
    assert.deepEqual(getPaginationInfo(page, 'prev'), page._pagination_prev);
    assert.equal(getPaginationInfo([] as Status[] as Page<Status>, 'next'), null);
    assert.throws(() => getPaginationInfo(page, 'sideways' as never), MastodonIllegalArgumentError);
    assert.throws(() => getPaginationInfo(null as never, 'next'), MastodonIllegalArgumentError);
  });

  it('paginationIterator emits every item from a page on, fetching pages only as needed', async () => {
    const { api, newestFirst } = await timeline('pi_iter', 5);
    const first = await firstValueFrom(api.timelineHome({ limit: 2 }));
    const before = fake.server.requestsTo('GET /api/v1/timelines/home').length;
    const three = await firstValueFrom(api.paginationIterator(first).pipe(take(3), toArray()));
    assert.deepEqual(three.map((s) => s.id), newestFirst.slice(0, 3));
    assert.equal(fake.server.requestsTo('GET /api/v1/timelines/home').length, before + 1, 'one more page for the third item');
    const all = await lastValueFrom(api.paginationIterator(first).pipe(toArray()));
    assert.deepEqual(all.map((s) => s.id), newestFirst);
  });

  it('paginationIterator starts from a request, goes to newer items with previous, and pairs items with where to resume', async () => {
    const { api, newestFirst } = await timeline('pi_pairs', 4);
    const oldest = await firstValueFrom(api.timelineHome({ limit: 2, max_id: newestFirst[1] }));
    const newer = await lastValueFrom(api.paginationIterator(oldest, { direction: 'previous' }).pipe(toArray()));
    assert.deepEqual(newer.map((s) => s.id), [...newestFirst.slice(2), ...newestFirst.slice(0, 2)]);

    const first = await firstValueFrom(api.timelineHome({ limit: 2 }));
    const fromRequest = await lastValueFrom(api.paginationIterator<Status>(first._pagination_next!).pipe(toArray()));
    assert.deepEqual(fromRequest.map((s) => s.id), newestFirst.slice(2));
    const pairs = await firstValueFrom(api.paginationIterator(first, { return_pagination_info: true }).pipe(take(2), toArray()));
    assert.deepEqual(pairs.map(([s, resume]) => [s.id, resume?.url]), newestFirst.slice(0, 2).map((id) => [id, first._pagination_next!.url]));
  });

  it('refuses a bad direction or start in the error channel', async () => {
    const api = clientFor(fake.server, 'pi_bad');
    await assert.rejects(lastValueFrom(api.paginationIterator([] as never, { direction: 'up' as never })), MastodonIllegalArgumentError);
    await assert.rejects(lastValueFrom(api.paginationIterator(null as never)), MastodonIllegalArgumentError);
    await assert.rejects(lastValueFrom(api.paginationIterator({ url: 'ftp://x' } as never)), MastodonIllegalArgumentError);
  });
});
