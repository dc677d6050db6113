import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { firstValueFrom, lastValueFrom, mergeMap, toArray } from 'rxjs';
import { MastodonIllegalArgumentError, paginate } from '../../src/index.js';
import { trendingLinksOf } from '../../src/testing/index.js';
import { clientFor, useFakeServer } from '../support/fake.js';

// Mastodon pages its trends by offset and says so in a Link header: the trend calls emit
// Pages, take `offset`, and paginate like any other list.

describe('trends as pages', () => {
  const fake = useFakeServer();

  it('trendingTags sends offset, and its page links move by it as Mastodon\'s do', async () => {
    const api = clientFor(fake.server, 'tpages1');
    for (const tag of ['a', 'b', 'c', 'd', 'e']) await firstValueFrom(api.statusPost(`#tpage${tag}`));
    const first = await firstValueFrom(api.trendingTags({ limit: 2 }));
    assert.equal(first.length, 2);
    assert.equal(new URL(first._pagination_next!.url).search, '?limit=2&offset=2');
    assert.equal(first._pagination_prev, undefined);
    const second = await firstValueFrom(api.trendingTags({ limit: 2, offset: 2 }));
    assert.deepEqual(fake.server.requestsTo('GET /api/v1/trends/tags').at(-1)!.query, { limit: '2', offset: '2' });
    assert.deepEqual((await firstValueFrom(api.fetchNext(first)))!.map((t) => t.name), second.map((t) => t.name));
    assert.equal(new URL(second._pagination_prev!.url).search, '?limit=2&offset=0');
    const all = await lastValueFrom(paginate(api.trendingTags({ limit: 2 })).pipe(mergeMap((page) => page), toArray()));
    assert.deepEqual(new Set(all.map((t) => t.name)), new Set(['tpagea', 'tpageb', 'tpagec', 'tpaged', 'tpagee']));
  });

  it('trendingStatuses and trendingLinks emit pages too', async () => {
    const api = clientFor(fake.server, 'tpages2');
    await firstValueFrom(api.statusPost('one'));
    await firstValueFrom(api.statusPost('two'));
    const statuses = await firstValueFrom(api.trendingStatuses({ limit: 1 }));
    assert.equal(statuses.length, 1);
    assert.ok(statuses._pagination_next);
    const more = await firstValueFrom(api.fetchNext(statuses));
    assert.equal(more!.length, 1);
    assert.notEqual(more![0]!.id, statuses[0]!.id);
    for (const url of ['https://example.com/1', 'https://example.com/2']) {
      trendingLinksOf(fake.server.store).push({ url, title: url, history: [] });
    }
    const links = await firstValueFrom(api.trendingLinks({ limit: 1, offset: 1 }));
    assert.deepEqual(links.map((l) => l.url), ['https://example.com/2']);
    assert.ok(links._pagination_prev);
  });

  it('checks offset before sending', async () => {
    const api = clientFor(fake.server, 'tpages3');
    const before = fake.server.requests.length;
    for (const offset of [-1, 0.5, Number.NaN]) {
      await assert.rejects(firstValueFrom(api.trendingStatuses({ offset })), MastodonIllegalArgumentError);
    }
    assert.equal(fake.server.requests.length, before);
  });
});
