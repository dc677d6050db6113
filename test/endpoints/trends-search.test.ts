import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { firstValueFrom } from 'rxjs';
import { Mastodon, MastodonIllegalArgumentError, MastodonVersionError } from '../../src/index.js';
import { trendingLinksOf } from '../../src/testing/index.js';
import { assertSameRequest, loadCassette, recordedRequest, replay, startReplayServer } from '../support/cassettes.js';
import { clientFor, useFakeServer } from '../support/fake.js';

describe('trends', () => {
  const fake = useFakeServer();

  it('trendingTags uses /api/v1/trends/tags from 3.5.0, with limit and a per-call lang', async () => {
    const api = clientFor(fake.server, 'trend1', { mastodon_version: '4.0.2', lang: 'de' });
    await firstValueFrom(api.statusPost('#caturday again #cats'));
    await firstValueFrom(api.statusPost('more #caturday'));
    const tags = await firstValueFrom(api.trendingTags({ limit: 5, lang: 'fr' }));
    assert.deepEqual(tags.slice(0, 2).map((t) => t.name), ['caturday', 'cats']);
    assert.ok(tags[0]!.history![0]!.day instanceof Date);
    assert.equal(tags[0]!.history![0]!.uses, '2');
    assert.deepEqual(fake.server.requestsTo('GET /api/v1/trends/tags').at(-1)!.query, { limit: '5', lang: 'fr' });
    await firstValueFrom(api.trends({ limit: 3 }));
    assert.deepEqual(fake.server.requestsTo('GET /api/v1/trends/tags').at(-1)!.query, { limit: '3', lang: 'de' });
  });

  it('trendingTags and trends use /api/v1/trends before 3.5.0', async () => {
    const api = clientFor(fake.server, 'trend2', { mastodon_version: '3.4.1', version_check_mode: 'created' });
    const before = fake.server.requestsTo('GET /api/v1/trends').length;
    await firstValueFrom(api.trendingTags());
    await firstValueFrom(api.trends({ limit: 2 }));
    const sent = fake.server.requestsTo('GET /api/v1/trends').slice(before);
    assert.deepEqual(sent.map((r) => r.query), [{}, { limit: '2' }]);
    const old = clientFor(fake.server, 'trend3', { mastodon_version: '2.4.0', version_check_mode: 'created' });
    await assert.rejects(firstValueFrom(old.trends()), MastodonVersionError);
  });

  it('trendingStatuses and trendingLinks take limit and lang', async () => {
    const api = clientFor(fake.server, 'trend4');
    const statuses = await firstValueFrom(api.trendingStatuses({ limit: 1, lang: 'en' }));
    assert.equal(statuses.length, 1);
    assert.ok(statuses[0]!.created_at instanceof Date);
    assert.deepEqual(fake.server.requestsTo('GET /api/v1/trends/statuses').at(-1)!.query, { limit: '1', lang: 'en' });
    trendingLinksOf(fake.server.store).push({
      url: 'https://example.com/a', title: 'A', description: '', type: 'link', author_name: '', author_url: '',
      provider_name: '', provider_url: '', html: '', width: 0, height: 0, image: null, embed_url: '', blurhash: null,
      history: [{ day: '1669852800', accounts: '3', uses: '4' }],
    });
    const links = await firstValueFrom(api.trendingLinks({ limit: 10 }));
    assert.equal(links[0]!.title, 'A');
    assert.deepEqual(links[0]!.history[0]!.day, new Date(1669852800 * 1000));
    assert.deepEqual(fake.server.requestsTo('GET /api/v1/trends/links').at(-1)!.query, { limit: '10' });
  });

  it('replays trending_tags, trends, trending_statuses and trending_links from Mastodon 4.0.2', async () => {
    const client = { mastodon_version: '4.0.2' };
    await replay('test_trending_tags.yaml', async (api) => {
      assert.deepEqual(await firstValueFrom(api.trendingTags()), []);
      assert.deepEqual(await firstValueFrom(api.trends()), []);
    }, { client });
    assert.deepEqual(await replay('test_trending_statuses.yaml', (api) => firstValueFrom(api.trendingStatuses()), { client }), []);
    assert.deepEqual(await replay('test_trending_links.yaml', (api) => firstValueFrom(api.trendingLinks()), { client }), []);
  });
});

describe('search', () => {
  const fake = useFakeServer();

  it('search uses v2 from 2.4.1: resolve and exclude_unreviewed as 1, result_type as type', async () => {
    const api = clientFor(fake.server, 'search1', { mastodon_version: '4.0.2' });
    await firstValueFrom(api.statusPost('searching for #needles'));
    const found = await firstValueFrom(api.search('search1'));
    assert.equal(found.accounts[0]!.username, 'search1');
    assert.deepEqual(fake.server.requestsTo('GET /api/v2/search').at(-1)!.query, { q: 'search1', resolve: '1', exclude_unreviewed: '1' });

    const tags = await firstValueFrom(api.searchV2('#needles', { result_type: 'hashtags', resolve: false, exclude_unreviewed: false, offset: 0 }));
    assert.equal(tags.hashtags[0]!.name, 'needles');
    assert.ok(tags.hashtags[0]!.history![0]!.day instanceof Date);
    assert.deepEqual(tags.accounts, []);
    assert.deepEqual(fake.server.requestsTo('GET /api/v2/search').at(-1)!.query, { q: '#needles', type: 'hashtags', offset: '0' });
  });

  it('searchV2 takes account_id and Date bounds (as snowflakes)', async () => {
    const api = clientFor(fake.server, 'search2', { mastodon_version: '4.0.2' });
    const me = await firstValueFrom(api.accountVerifyCredentials());
    const posted = await firstValueFrom(api.statusPost('a findable haystack'));
    const found = await firstValueFrom(api.searchV2('haystack', { account_id: me, max_id: new Date(Date.now() + 60_000), result_type: 'statuses' }));
    assert.equal(found.statuses[0]!.id, posted.id);
    const query = fake.server.requestsTo('GET /api/v2/search').at(-1)!.query;
    assert.equal(query['account_id'], me.id);
    assert.match(String(query['max_id']), /^\d+$/);
  });

  it('exclude_unreviewed is not sent before 3.0.0', async () => {
    const api = clientFor(fake.server, 'search3', { mastodon_version: '2.9.3' });
    await firstValueFrom(api.search('x'));
    assert.deepEqual(fake.server.requestsTo('GET /api/v2/search').at(-1)!.query, { q: 'x', resolve: '1' });
  });

  it('search uses v1 before 2.4.1 and refuses advanced parameters before 2.8.0 without sending', async () => {
    const api = clientFor(fake.server, 'search4', { mastodon_version: '2.4.0' });
    await firstValueFrom(api.statusPost('old #school'));
    const found = await firstValueFrom(api.search('school'));
    assert.deepEqual(found.hashtags, ['school'], 'v1 hashtags are names');
    assert.deepEqual(fake.server.requestsTo('GET /api/v1/search').at(-1)!.query, { q: 'school', resolve: '1' });
    const before = fake.server.requests.length;
    await assert.rejects(firstValueFrom(api.search('school', { account_id: '1' })), MastodonVersionError);
    const v27 = clientFor(fake.server, 'search5', { mastodon_version: '2.7.0' });
    await assert.rejects(firstValueFrom(v27.search('school', { offset: 20 })), MastodonVersionError);
    await assert.rejects(firstValueFrom(v27.searchV2('school', { min_id: '5' })), MastodonVersionError);
    assert.equal(fake.server.requests.length, before);
  });

  it('searchV1 sends resolve only when true', async () => {
    const api = clientFor(fake.server, 'search6');
    await firstValueFrom(api.searchV1('search6'));
    assert.deepEqual(fake.server.requestsTo('GET /api/v1/search').at(-1)!.query, { q: 'search6' });
    await firstValueFrom(api.searchV1('search6', { resolve: true }));
    assert.deepEqual(fake.server.requestsTo('GET /api/v1/search').at(-1)!.query, { q: 'search6', resolve: '1' });
  });

  it('checks q and result_type before sending', async () => {
    const api = clientFor(fake.server, 'search7', { mastodon_version: '4.0.2' });
    const before = fake.server.requests.length;
    await assert.rejects(firstValueFrom(api.search(42 as unknown as string)), MastodonIllegalArgumentError);
    await assert.rejects(firstValueFrom(api.searchV2('x', { result_type: 'people' as 'accounts' })), MastodonIllegalArgumentError);
    assert.equal(fake.server.requests.length, before);
  });

  it('replays search from Mastodon 4.0.2', async () => {
    await replay('test_search.yaml', async (api) => {
      const all = await firstValueFrom(api.search('mastodonpy_test'));
      assert.equal(all.accounts[0]!.id, '109440137734600341');
      assert.ok(all.accounts[0]!.created_at instanceof Date);
      await firstValueFrom(api.searchV2('mastodonpy_test'));
      const none = await firstValueFrom(api.search('mastodonpy_test', { result_type: 'statuses' }));
      assert.deepEqual(none, { accounts: [], statuses: [], hashtags: [] });
    }, { client: { mastodon_version: '4.0.2' } });
  });

  it('replays search from a 2.9 server: v1 without resolve, v2 without exclude_unreviewed', async () => {
    const interactions = loadCassette('test_search.yaml', 'cassettes_pre_2_9_2');
    const server = await startReplayServer(interactions);
    try {
      const api = new Mastodon({ api_base_url: server.url, access_token: 'token', mastodon_version: '2.9.0', version_check_mode: 'none' });
      const v1 = await firstValueFrom(api.searchV1('mastodonpy_test'));
      assert.equal(v1.accounts[0]!.id, '1234567890123456');
      await firstValueFrom(api.searchV2('mastodonpy_test'));
      await firstValueFrom(api.search('mastodonpy_test'));
      await firstValueFrom(api.search('mastodonpy_test', { result_type: 'statuses' }));
      assert.equal(server.received.length, interactions.length);
      server.received.forEach((received, i) => assertSameRequest(received, recordedRequest(interactions[i]!)));
    } finally {
      await server.close();
    }
  });
});
