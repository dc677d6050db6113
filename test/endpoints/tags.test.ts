import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { firstValueFrom } from 'rxjs';
import {
  Mastodon, MastodonAPIError, MastodonIllegalArgumentError, MastodonNotFoundError, MastodonVersionError,
} from '../../src/index.js';
import { fakeStreaming } from '../../src/testing/index.js';
import { clientFor, useFakeServer } from '../support/fake.js';
import { eventually, firstOf } from '../streaming/support.js';

describe('hashtags: one tag, following, featuring', () => {
  const fake = useFakeServer({ version: '4.5.0' });

  it('tag: its week of use, and for a user whether they follow and feature it', async () => {
    const api = clientFor(fake.server, 'tag1');
    await firstValueFrom(api.statusPost('first #Caturday'));
    const tag = await firstValueFrom(api.tag('caturday'));
    assert.equal(tag.name, 'caturday');
    assert.equal(typeof tag.id, 'string');
    assert.equal(tag.url, `${fake.server.url}/tags/caturday`);
    assert.equal(tag.history?.length, 7);
    assert.ok(tag.history![0]!.day instanceof Date);
    assert.equal(tag.history![0]!.uses, '1');
    assert.deepEqual([tag.following, tag.featuring], [false, false]);
    assert.equal(fake.server.requestsTo('GET /api/v1/tags/{hashtag}').at(-1)!.path, '/api/v1/tags/caturday');
    const anonymous = await firstValueFrom(new Mastodon({ api_base_url: fake.server.url }).tag({ name: 'caturday' }));
    assert.equal(anonymous.following, undefined, 'nobody to follow it');
    await assert.rejects(firstValueFrom(api.tag('1234')), MastodonNotFoundError, 'digits alone are no hashtag');
    const unicode = await firstValueFrom(api.tag('日本語'));
    assert.equal(fake.server.requests.at(-1)!.path, `/api/v1/tags/${encodeURIComponent('日本語')}`);
    assert.equal(unicode.name, '日本語');
  });

  it('a followed hashtag brings public statuses posted from then on to the home timeline, until unfollowed', async () => {
    const api = clientFor(fake.server, 'tag2');
    const stranger = fake.server.createUser('tag2_stranger').account;
    const before = fake.server.store.addStatus(stranger, 'too early for #rxjs');
    const followed = await firstValueFrom(api.tagFollow('rxjs'));
    assert.equal(followed.following, true);
    assert.equal((await firstValueFrom(api.tagFollow('rxjs'))).following, true, 'following again is no error');

    const tagged = fake.server.store.addStatus(stranger, 'streams all the way #RxJS');
    fake.server.store.addStatus(stranger, 'unlisted #rxjs', { visibility: 'unlisted' });
    fake.server.store.addStatus(stranger, 'no tag here');
    fake.server.store.addStatus(stranger, 'boost', { reblog: tagged });
    const home = await firstValueFrom(api.timelineHome());
    assert.deepEqual(home.map((s) => s.id), [tagged.id]);
    assert.ok(!home.some((s) => s.id === before.id));

    assert.equal((await firstValueFrom(api.tagUnfollow('rxjs'))).following, false);
    assert.deepEqual((await firstValueFrom(api.timelineHome())).map((s) => s.id), []);
  });

  it('a followed hashtag\'s statuses come down the user stream', { timeout: 10_000 }, async () => {
    const api = clientFor(fake.server, 'tag3');
    const stranger = fake.server.createUser('tag3_stranger').account;
    await firstValueFrom(api.tagFollow('streamed'));
    const control = fakeStreaming(fake.server.store);
    const opened = control.connectionsOpened;
    const stream = api.streamUser({ timeout: 2, initial_delay: 0.01, max_delay: 0.05, catch_up: false });
    const received = firstOf(stream, 'update', 1);
    await eventually(() => control.connectionsOpened > opened && control.openConnections > 0);
    fake.server.store.addStatus(stranger, 'not for you');
    const posted = fake.server.store.addStatus(stranger, 'live #Streamed');
    const [event] = await received;
    assert.equal(event!.payload.id, posted.id);
  });

  it('followedTags: the followed hashtags, latest first, a page at a time through Link', async () => {
    const api = clientFor(fake.server, 'tag4');
    for (const name of ['one', 'two', 'three']) await firstValueFrom(api.tagFollow(name));
    const first = await firstValueFrom(api.followedTags({ limit: 2 }));
    assert.deepEqual(first.map((t) => [t.name, t.following]), [['three', true], ['two', true]]);
    assert.match(fake.server.requestsTo('GET /api/v1/followed_tags').at(-1)!.path, /followed_tags/);
    const rest = await firstValueFrom(api.fetchNext(first));
    assert.deepEqual(rest?.map((t) => t.name), ['one']);
    assert.notEqual(new URL(first._pagination_next!.url).searchParams.get('max_id'), first[1]!.id, 'the cursor is the follow, not the tag');
  });

  it('tagFeature and tagUnfeature: the tag shows in featuredTags and on the profile while featured; ten at most', async () => {
    const api = clientFor(fake.server, 'tag5');
    const me = await firstValueFrom(api.me());
    await firstValueFrom(api.statusPost('#Featured post'));
    const featured = await firstValueFrom(api.tagFeature('featured'));
    assert.equal(featured.featuring, true);
    assert.deepEqual((await firstValueFrom(api.featuredTags())).map((t) => [t.name, t.statuses_count]), [['featured', '1']]);
    assert.deepEqual((await firstValueFrom(api.accountFeaturedTags(me))).map((t) => t.name), ['featured']);
    assert.equal((await firstValueFrom(api.tag('featured'))).featuring, true);
    assert.equal((await firstValueFrom(api.tagFeature('featured'))).featuring, true, 'featuring again is no error');

    assert.equal((await firstValueFrom(api.tagUnfeature('featured'))).featuring, false);
    assert.deepEqual(await firstValueFrom(api.featuredTags()), []);

    for (let i = 0; i < 10; i++) await firstValueFrom(api.tagFeature(`many${String.fromCharCode(97 + i)}`));
    const eleventh = await firstValueFrom(api.tagFeature('toomany')).catch((e: unknown) => e);
    assert.ok(eleventh instanceof MastodonAPIError && eleventh.status === 422);
    await assert.rejects(firstValueFrom(api.featuredTagCreate('toomany')), MastodonAPIError, 'the old route keeps the same limit');
  });

  it('needs the scopes Mastodon names: write:follows to follow, read:follows to list, write:accounts to feature', async () => {
    const { account } = fake.server.createUser('tag6');
    const readOnly = new Mastodon({ api_base_url: fake.server.url, access_token: fake.server.store.issueToken(null, account.id, ['read']).token });
    for (const call of [readOnly.tagFollow('cats'), readOnly.tagFeature('cats')]) {
      const error = await firstValueFrom(call).catch((e: unknown) => e);
      assert.ok(error instanceof MastodonAPIError && error.status === 403 && error.error === 'This action is outside the authorized scopes');
    }
    assert.deepEqual(await firstValueFrom(readOnly.followedTags()), []);
    const writeFollows = new Mastodon({ api_base_url: fake.server.url, access_token: fake.server.store.issueToken(null, account.id, ['write:follows']).token });
    assert.equal((await firstValueFrom(writeFollows.tagFollow('cats'))).following, true);
  });

  it('checks hashtag names before sending, and the version of the 4.4 calls', async () => {
    const api = clientFor(fake.server, 'tag7');
    const before = fake.server.requests.length;
    for (const bad of ['#cats', '', ' ', '..', 'a/b', 'a?b', 'two words', null, 42, { name: '#cats' }]) {
      for (const call of [api.tag, api.tagFollow, api.tagUnfollow, api.tagFeature, api.tagUnfeature]) {
        await assert.rejects(firstValueFrom(call.call(api, bad as string)), MastodonIllegalArgumentError, `${call.name}(${JSON.stringify(bad)})`);
      }
    }
    await assert.rejects(firstValueFrom(api.followedTags({ max_id: '..' })), MastodonIllegalArgumentError);
    assert.equal(fake.server.requests.length, before);
    const old = new Mastodon({ api_base_url: fake.server.url, mastodon_version: '4.3.0', access_token: 't' });
    await assert.rejects(firstValueFrom(old.tagFeature('cats')), MastodonVersionError);
    await assert.rejects(firstValueFrom(old.tagUnfeature('cats')), MastodonVersionError);
    await assert.rejects(firstValueFrom(new Mastodon({ api_base_url: fake.server.url, mastodon_version: '3.5.0' }).followedTags()), MastodonVersionError);
    assert.equal(fake.server.requests.length, before);
  });
});
