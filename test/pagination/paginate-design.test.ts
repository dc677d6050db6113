import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { firstValueFrom, take, toArray } from 'rxjs';
import { MastodonIllegalArgumentError, paginate, paginateItems, type Status } from '../../src/index.js';
import { clientFor, useFakeServer } from '../support/fake.js';

describe('paginate(page$, options): the form DESIGN.md names', () => {
  const fake = useFakeServer();

  it('follows the links of pages through the client that fetched them', async () => {
    const api = clientFor(fake.server, 'designpager');
    for (let i = 0; i < 7; i++) await firstValueFrom(api.toot(`n${i}`));
    const before = fake.server.requestsTo('GET /api/v1/timelines/home').length;
    const pages = await firstValueFrom(paginate(api.timelineHome({ limit: 2 })).pipe(take(3), toArray()));
    assert.deepEqual(pages.map((p) => p.length), [2, 2, 2]);
    assert.equal(fake.server.requestsTo('GET /api/v1/timelines/home').length - before, 3);
    const items = await firstValueFrom(paginateItems(api.timelineHome({ limit: 3 })).pipe(toArray()));
    assert.deepEqual(items.map((s) => s.content), [6, 5, 4, 3, 2, 1, 0].map((n) => `<p>n${n}</p>`));
    assert.equal(JSON.stringify(pages[0]), JSON.stringify([...pages[0]!]));
  });

  it('a bare page request needs the client', async () => {
    const api = clientFor(fake.server, 'designpager2');
    for (const text of ['x0', 'x1', 'x2']) await firstValueFrom(api.toot(text));
    const page = await firstValueFrom(api.timelineHome({ limit: 1 }));
    const request = { ...page._pagination_next! };
    await assert.rejects(firstValueFrom(paginate(request)), MastodonIllegalArgumentError);
    const rebuilt = await firstValueFrom(paginate<Status>(api, request).pipe(take(2), toArray()));
    assert.deepEqual(rebuilt.map((p) => p.map((s) => s.content)), [['<p>x1</p>'], ['<p>x0</p>']]);
  });
});
