import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { firstValueFrom, lastValueFrom, type Observable } from 'rxjs';
import { MastodonIllegalArgumentError, MastodonNotFoundError } from '../../src/index.js';
import { trendingLinksOf } from '../../src/testing/index.js';
import { clientFor, useFakeServer } from '../support/fake.js';

describe('the link timeline', () => {
  const fake = useFakeServer();
  const last = (route: string) => fake.server.requestsTo(route).at(-1)!;

  it('timelineLink pages the public statuses sharing a trending link, newest first', async () => {
    const url = 'https://news.example/2026/story?id=7';
    trendingLinksOf(fake.server.store).push({ url, title: 'A story', type: 'link' });
    const api = clientFor(fake.server, 'link_poster');
    const older = await firstValueFrom(api.toot(`Read this ${url}`));
    await firstValueFrom(api.toot('Read something else https://news.example/other'));
    await firstValueFrom(api.statusPost(`Only for followers ${url}`, { visibility: 'private' }));
    const newer = await firstValueFrom(api.toot(`Still thinking about ${url}`));

    const page = await firstValueFrom(api.timelineLink(url, { limit: 1 }));
    const request = last('GET /api/v1/timelines/link');
    assert.equal(request.path, '/api/v1/timelines/link');
    assert.deepEqual(request.query, { url, limit: '1' });
    assert.deepEqual(page.map((s) => s.id), [newer.id]);
    assert.ok(page[0]!.created_at instanceof Date);
    const next = await firstValueFrom(api.fetchNext(page));
    assert.deepEqual(next?.map((s) => s.id), [older.id]);
    assert.equal(new URL(fake.server.requestsTo('GET /api/v1/timelines/link').at(-1)!.query['url'] as string).href, url, 'the link keeps the url');
  });

  it('answers 404 for a link that is not trending, and checks the url before sending', async () => {
    const api = clientFor(fake.server, 'link_reader');
    await assert.rejects(firstValueFrom(api.timelineLink('https://nobody.example/')), MastodonNotFoundError);
    const before = fake.server.requests.length;
    const calls: (() => Observable<unknown>)[] = [
      () => api.timelineLink(undefined as never), () => api.timelineLink(''), () => api.timelineLink('https://x.example', { max_id: '..' }),
    ];
    for (const call of calls) await assert.rejects(lastValueFrom(call()), MastodonIllegalArgumentError);
    assert.equal(fake.server.requests.length, before);
  });
});
