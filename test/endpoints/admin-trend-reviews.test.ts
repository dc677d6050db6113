import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { firstValueFrom, lastValueFrom, type Observable } from 'rxjs';
import { MastodonIllegalArgumentError, MastodonNotFoundError, MastodonAPIError } from '../../src/index.js';
import { fakeTrendReview, trendingLinksOf } from '../../src/testing/index.js';
import { clientFor, useFakeServer } from '../support/fake.js';

const card = (url: string, title: string): Record<string, unknown> => ({
  url, title, description: '', type: 'link', author_name: '', author_url: '', provider_name: '', provider_url: '',
  html: '', width: 0, height: 0, image: null, embed_url: '', blurhash: null, history: [],
});

describe('reviewing trends', () => {
  const fake = useFakeServer();

  it('approving a link makes it trend publicly, rejecting takes it out; the link waits for review until then', async () => {
    const api = clientFor(fake.server, 'trendmod1');
    const trends = fakeTrendReview(fake.server.store);
    trends.trendableByDefault = false;
    try {
      const link = trends.addLink(card('https://news1.example/story', 'A story'));
      const [seen] = await firstValueFrom(api.adminTrendingLinks());
      assert.deepEqual([seen?.id, seen?.url, seen?.requires_review], [link.id, 'https://news1.example/story', true]);
      assert.deepEqual(await firstValueFrom(api.trendingLinks()), [], 'not trending before review');

      const approved = await firstValueFrom(api.adminApproveTrendingLink(seen!));
      assert.equal(fake.server.requestsTo('POST /api/v1/admin/trends/links/{id}/approve').at(-1)!.path, `/api/v1/admin/trends/links/${link.id}/approve`);
      assert.equal(approved.requires_review, false);
      assert.deepEqual((await firstValueFrom(api.trendingLinks())).map((l) => l.url), ['https://news1.example/story']);

      await firstValueFrom(api.adminRejectTrendingLink(link.id));
      assert.deepEqual(await firstValueFrom(api.trendingLinks()), []);
      assert.equal((await firstValueFrom(api.adminTrendingLinks())).length, 1, 'moderators still see it');
      await assert.rejects(firstValueFrom(api.adminApproveTrendingLink('999')), MastodonNotFoundError);
    } finally {
      trends.trendableByDefault = true;
      trends.links.length = 0;
    }
  });

  it('a publisher\'s review decides for its links that were not reviewed one by one', async () => {
    const api = clientFor(fake.server, 'trendmod2');
    const trends = fakeTrendReview(fake.server.store);
    trends.trendableByDefault = false;
    try {
      trends.addLink(card('https://paper2.example/a', 'A'));
      const b = trends.addLink(card('https://paper2.example/b', 'B'));
      trends.addLink(card('https://other2.example/c', 'C'));
      const publishers = await firstValueFrom(api.adminTrendingLinkPublishers());
      assert.deepEqual(publishers.slice(0, 2).map((p) => [p.domain, p.trendable, p.requires_review, p.reviewed_at]),
        [['other2.example', null, true, null], ['paper2.example', null, true, null]], 'newest first');
      assert.equal(typeof publishers[0]!.id, 'string', 'a JSON number on the wire, a string here');
      assert.ok((await firstValueFrom(api.adminTrendingLinkPublishers({ limit: 1 })))._pagination_next, 'a full page links to the next');
      const paper = publishers.find((p) => p.domain === 'paper2.example')!;

      await firstValueFrom(api.adminRejectTrendingLink(b));
      const approved = await firstValueFrom(api.adminApproveTrendingLinkPublisher(paper));
      assert.deepEqual([approved.trendable, approved.requires_review], [true, false]);
      assert.ok(approved.reviewed_at instanceof Date);
      assert.deepEqual((await firstValueFrom(api.trendingLinks())).map((l) => l.title), ['A'], 'B was rejected on its own; C\'s site is not reviewed');
      assert.equal((await firstValueFrom(api.adminTrendingLinks())).find((l) => l.title === 'A')?.requires_review, false);

      await firstValueFrom(api.adminRejectTrendingLinkPublisher(paper.id));
      assert.deepEqual(await firstValueFrom(api.trendingLinks()), []);
      await assert.rejects(firstValueFrom(api.adminApproveTrendingLinkPublisher('404')), MastodonNotFoundError);
    } finally {
      trends.trendableByDefault = true;
      trends.links.length = 0;
    }
  });

  it('rejecting a status or a hashtag takes it out of the public trends, approving brings it back', async () => {
    const api = clientFor(fake.server, 'trendmod3');
    const me = fake.server.store.userByLogin('trendmod3')!.account;
    const hot = fake.server.store.addStatus(me, 'a #hot3 take', { favourites_count: 5 });
    assert.ok((await firstValueFrom(api.trendingStatuses())).some((s) => s.id === hot.id));

    const rejected = await firstValueFrom(api.adminRejectTrendingStatus(hot));
    assert.deepEqual([rejected.id, rejected.requires_review], [hot.id, false]);
    assert.ok(!(await firstValueFrom(api.trendingStatuses())).some((s) => s.id === hot.id));
    assert.ok((await firstValueFrom(api.adminTrendingStatuses())).some((s) => s.id === hot.id), 'moderators still see it');
    await firstValueFrom(api.adminApproveTrendingStatus(hot.id));
    assert.ok((await firstValueFrom(api.trendingStatuses())).some((s) => s.id === hot.id));
    await assert.rejects(firstValueFrom(api.adminApproveTrendingStatus('1')), MastodonNotFoundError);

    const tag = (await firstValueFrom(api.adminTrendingTags())).find((t) => t.name === 'hot3')!;
    assert.deepEqual([tag.trendable, tag.requires_review], [true, true]);
    const rejectedTag = await firstValueFrom(api.adminRejectTrendingTag(tag.id!));
    assert.deepEqual([rejectedTag.trendable, rejectedTag.requires_review], [false, false]);
    assert.ok(!(await firstValueFrom(api.trendingTags())).some((t) => t.name === 'hot3'));
    assert.equal((await firstValueFrom(api.adminApproveTrendingTag(tag.id!))).trendable, true);
    assert.ok((await firstValueFrom(api.trendingTags())).some((t) => t.name === 'hot3'));
  });

  it('checks ids before sending', async () => {
    const api = clientFor(fake.server, 'trendmod4');
    const before = fake.server.requests.length;
    const calls: ((id: string) => Observable<unknown>)[] = [(id: string) => api.adminApproveTrendingLink(id), (id: string) => api.adminRejectTrendingStatus(id),
      (id: string) => api.adminApproveTrendingTag(id), (id: string) => api.adminRejectTrendingLinkPublisher(id), (id: string) => api.adminTag(id)];
    for (const call of calls) {
      await assert.rejects(lastValueFrom(call('..')), MastodonIllegalArgumentError);
      await assert.rejects(lastValueFrom(call(undefined as unknown as string)), MastodonIllegalArgumentError);
    }
    const withoutId: { id?: string; name: string } = { name: 'old' };
    await assert.rejects(lastValueFrom(api.adminApproveTrendingTag(withoutId)), MastodonIllegalArgumentError, 'a tag from a server before 4.2');
    assert.equal(fake.server.requests.length, before);
  });
});

describe('admin hashtags', () => {
  const fake = useFakeServer();

  it('lists every hashtag by id, shows one, and updates its flags with visible effect', async () => {
    const api = clientFor(fake.server, 'tagmod1');
    const me = fake.server.store.userByLogin('tagmod1')!.account;
    for (const text of ['#rxjs is neat', 'so is #TypeScript', 'more #rxjs']) fake.server.store.addStatus(me, text);

    const page = await firstValueFrom(api.adminTags());
    assert.deepEqual(page.map((t) => t.name), ['typescript', 'rxjs'], 'newest id first');
    const rxjs = page.find((t) => t.name === 'rxjs')!;
    assert.deepEqual([rxjs.trendable, rxjs.usable, rxjs.listable, rxjs.requires_review], [true, true, true, true]);
    assert.equal(rxjs.history[0]!.uses, '2');
    const small = await firstValueFrom(api.adminTags({ limit: 1 }));
    assert.deepEqual((await firstValueFrom(api.fetchNext(small)))?.map((t) => t.name), ['rxjs']);
    assert.equal((await firstValueFrom(api.adminTag(rxjs))).name, 'rxjs');

    const updated = await firstValueFrom(api.adminUpdateTag(rxjs, { display_name: 'RxJS', usable: false, listable: false }));
    assert.deepEqual(fake.server.requestsTo('PUT /api/v1/admin/tags/{id}').at(-1)!.body, { display_name: 'RxJS', usable: '0', listable: '0' });
    assert.deepEqual([updated.name, updated.usable, updated.listable, updated.trendable, updated.requires_review], ['RxJS', false, false, true, false]);
    assert.ok(!(await firstValueFrom(api.trendingTags())).some((t) => t.name === 'rxjs'), 'an unusable tag does not trend');
    assert.ok((await firstValueFrom(api.trendingTags())).some((t) => t.name === 'typescript'));
    assert.equal((await firstValueFrom(api.adminTrendingTags())).find((t) => t.id === rxjs.id)?.usable, false);

    await firstValueFrom(api.adminUpdateTag(rxjs.id!, { usable: true }));
    assert.ok((await firstValueFrom(api.trendingTags())).some((t) => t.name === 'rxjs'));
    await assert.rejects(firstValueFrom(api.adminUpdateTag(rxjs.id!, { display_name: 'Angular' })),
      (e: unknown) => e instanceof MastodonAPIError && e.status === 422 && e.error === 'Validation failed: Display name does not match the previous name');
    await assert.rejects(firstValueFrom(api.adminTag('9999')), MastodonNotFoundError);
  });

  it('checks the options before sending', async () => {
    const api = clientFor(fake.server, 'tagmod2');
    const before = fake.server.requests.length;
    await assert.rejects(lastValueFrom(api.adminUpdateTag('1', { usable: 'no' as unknown as boolean })), MastodonIllegalArgumentError);
    await assert.rejects(lastValueFrom(api.adminUpdateTag('1', { display_name: 5 as unknown as string })), MastodonIllegalArgumentError);
    await assert.rejects(lastValueFrom(api.adminUpdateTag('1', [] as never)), MastodonIllegalArgumentError);
    await assert.rejects(lastValueFrom(api.adminTag('')), MastodonIllegalArgumentError);
    assert.equal(fake.server.requests.length, before);
  });

  it('leaves the links the tests seed with trendingLinksOf trending, whatever the review', async () => {
    const api = clientFor(fake.server, 'tagmod3');
    trendingLinksOf(fake.server.store).push(card('https://seeded.example/', 'Seeded'));
    fakeTrendReview(fake.server.store).trendableByDefault = false;
    assert.deepEqual((await firstValueFrom(api.trendingLinks())).map((l) => l.title), ['Seeded']);
  });
});
