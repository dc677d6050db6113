import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { firstValueFrom, lastValueFrom } from 'rxjs';
import { MastodonIllegalArgumentError, MastodonNotFoundError } from '../../src/index.js';
import { clientFor, useFakeServer } from '../support/fake.js';

describe('accounts against the fake server', () => {
  const fake = useFakeServer();
  const last = (route: string) => fake.server.requestsTo(route).at(-1)!;
  const idOfUser = (api: ReturnType<typeof clientFor>) => firstValueFrom(api.accountVerifyCredentials()).then((a) => a.id);

  it('accountStatuses sends its flags only when true and filters as asked', async () => {
    const api = clientFor(fake.server, 'as_user');
    const me = await idOfUser(api);
    const first = await firstValueFrom(api.toot('first #cats'));
    await firstValueFrom(api.statusPost('reply', { in_reply_to_id: first }));
    await firstValueFrom(api.statusPin(first));

    const all = await firstValueFrom(api.accountStatuses(me));
    assert.equal(all.length, 2);
    assert.deepEqual(last('GET /api/v1/accounts/{id}/statuses').query, {});
    const pinned = await firstValueFrom(api.accountStatuses(me, { pinned: true, exclude_replies: false, limit: 5 }));
    assert.deepEqual(last('GET /api/v1/accounts/{id}/statuses').query, { pinned: '1', limit: '5' });
    assert.deepEqual(pinned.map((s) => s.id), [first.id]);
    const noReplies = await firstValueFrom(api.accountStatuses(me, { exclude_replies: true, exclude_reblogs: true, only_media: false, tagged: 'cats' }));
    assert.deepEqual(last('GET /api/v1/accounts/{id}/statuses').query, { exclude_replies: '1', exclude_reblogs: '1', tagged: 'cats' });
    assert.deepEqual(noReplies.map((s) => s.id), [first.id]);
    assert.equal(all._pagination_next, undefined, 'a short page has no next link, as on Mastodon');
    assert.ok((await firstValueFrom(api.accountStatuses(me, { limit: 2 })))._pagination_next, 'a full page has a next link');
  });

  it('follow, unfollow, followers and following, with relationships and counts', async () => {
    const a = clientFor(fake.server, 'fl_a');
    const b = clientFor(fake.server, 'fl_b');
    const aId = await idOfUser(a);
    const bId = await idOfUser(b);

    const rel = await firstValueFrom(a.accountFollow(bId));
    assert.deepEqual(last('POST /api/v1/accounts/{id}/follow').body, { reblogs: '1', notify: '0' });
    assert.equal(rel.following, true);
    assert.equal(rel.id, bId);
    await firstValueFrom(a.accountFollow(bId, { reblogs: false, notify: true }));
    assert.deepEqual(last('POST /api/v1/accounts/{id}/follow').body, { reblogs: '0', notify: '1' });

    const following = await firstValueFrom(a.accountFollowing(aId, { limit: 10 }));
    assert.deepEqual(last('GET /api/v1/accounts/{id}/following').query, { limit: '10' });
    assert.deepEqual(following.map((x) => x.id), [bId]);
    const followers = await firstValueFrom(a.accountFollowers(bId));
    assert.deepEqual(followers.map((x) => x.id), [aId]);
    assert.equal((await firstValueFrom(a.account(bId))).followers_count, 1);

    const [seen] = await firstValueFrom(b.accountRelationships([aId]));
    assert.deepEqual(last('GET /api/v1/accounts/relationships').query, { id: [aId] });
    assert.equal(seen?.followed_by, true);
    await firstValueFrom(b.accountRelationships(aId));
    assert.deepEqual(last('GET /api/v1/accounts/relationships').query, { id: aId });

    const after = await firstValueFrom(a.accountUnfollow(bId));
    assert.equal(after.following, false);
    assert.equal(fake.server.store.notifications.filter((n) => n.recipientId === bId && n.type === 'follow').length, 1);
  });

  it('a locked account gets a follow request; remove_from_followers ends a follow', async () => {
    const fan = clientFor(fake.server, 'rq_fan');
    const star = clientFor(fake.server, 'rq_star');
    const starId = await idOfUser(star);
    const fanId = await idOfUser(fan);
    fake.server.store.accountById(starId)!.locked = true;
    const rel = await firstValueFrom(fan.accountFollow(starId));
    assert.equal(rel.requested, true);
    assert.equal(rel.following, false);
    await firstValueFrom(star.followRequestAuthorize(fanId));
    const removed = await firstValueFrom(star.accountRemoveFromFollowers(fanId));
    assert.equal(last('POST /api/v1/accounts/{id}/remove_from_followers').path, `/api/v1/accounts/${fanId}/remove_from_followers`);
    assert.equal(removed.followed_by, false);
  });

  it('follows searches the account and follows it on servers from 3.0, and emits the account', async () => {
    const api = clientFor(fake.server, 'uri_fan', { mastodon_version: '4.5.0' });
    const starId = await idOfUser(clientFor(fake.server, 'uri_star'));
    const uri = `uri_star@${new URL(fake.server.url).host}`;
    const sentBefore = fake.server.requests.length;
    const account = await firstValueFrom(api.follows(uri));
    assert.deepEqual(fake.server.requests.slice(sentBefore).map((r) => `${r.method} ${r.path}`),
      ['GET /api/v1/accounts/search', `POST /api/v1/accounts/${starId}/follow`]);
    assert.deepEqual(last('GET /api/v1/accounts/search').query, { q: uri, following: '0' });
    assert.equal(account.username, 'uri_star');
    assert.ok(account.created_at instanceof Date);
    const [relationship] = await firstValueFrom(api.accountRelationships(starId));
    assert.equal(relationship?.following, true);
  });

  it('follows finds nobody: MastodonNotFoundError, and nothing followed', async () => {
    const api = clientFor(fake.server, 'uri_lonely', { mastodon_version: '4.5.0' });
    const sentBefore = fake.server.requests.length;
    await assert.rejects(firstValueFrom(api.follows('nobody_here@elsewhere.example')), MastodonNotFoundError);
    assert.deepEqual(fake.server.requests.slice(sentBefore).map((r) => r.route), ['GET /api/v1/accounts/search']);
  });

  it('follows sends the old remote follow (by uri) to servers before 3.0, and emits the account', async () => {
    const api = clientFor(fake.server, 'old_fan', { mastodon_version: '2.9.0' });
    clientFor(fake.server, 'old_star');
    const account = await firstValueFrom(api.follows(`old_star@${new URL(fake.server.url).host}`));
    assert.deepEqual(last('POST /api/v1/follows').body, { uri: `old_star@${new URL(fake.server.url).host}` });
    assert.equal(account.username, 'old_star');
  });

  it('follows refuses a uri that is not a string, sending nothing', async () => {
    const api = clientFor(fake.server, 'uri_bad', { mastodon_version: '4.5.0' });
    const sentBefore = fake.server.requests.length;
    await assert.rejects(firstValueFrom(api.follows(42 as unknown as string)), MastodonIllegalArgumentError);
    assert.equal(fake.server.requests.length, sentBefore);
  });

  it('block, mute (with options), pin and note change the relationship', async () => {
    const me = clientFor(fake.server, 'bm_me');
    const other = clientFor(fake.server, 'bm_other');
    const otherId = await idOfUser(other);

    assert.equal((await firstValueFrom(me.accountBlock(otherId))).blocking, true);
    assert.equal((await firstValueFrom(me.accountUnblock(otherId))).blocking, false);

    const muted = await firstValueFrom(me.accountMute(otherId, { notifications: false, duration: 300 }));
    assert.deepEqual(last('POST /api/v1/accounts/{id}/mute').body, { notifications: '0', duration: '300' });
    assert.equal(muted.muting, true);
    assert.equal(muted.muting_notifications, false);
    await firstValueFrom(me.accountMute(otherId));
    assert.deepEqual(last('POST /api/v1/accounts/{id}/mute').body, { notifications: '1' });
    assert.equal((await firstValueFrom(me.accountUnmute(otherId))).muting, false);

    await firstValueFrom(me.accountFollow(otherId));
    assert.equal((await firstValueFrom(me.accountPin(otherId))).endorsed, true);
    assert.deepEqual((await firstValueFrom(me.endorsements())).map((a) => a.id), [otherId]);
    assert.equal((await firstValueFrom(me.accountUnpin(otherId))).endorsed, false);

    const noted = await firstValueFrom(me.accountNoteSet(otherId, 'met at the conference'));
    assert.deepEqual(last('POST /api/v1/accounts/{id}/note').body, { comment: 'met at the conference' });
    assert.equal(noted.note, 'met at the conference');
    await assert.rejects(lastValueFrom(me.accountMute(otherId, { duration: -1 })), MastodonIllegalArgumentError);
    await assert.rejects(lastValueFrom(me.accountFollow(otherId, { reblogs: 'yes' as unknown as boolean })), MastodonIllegalArgumentError);
  });

  it('accountSearch, accountLookup and accountLists', async () => {
    const api = clientFor(fake.server, 'srch_me');
    const target = clientFor(fake.server, 'srch_target');
    const targetId = await idOfUser(target);

    const found = await firstValueFrom(api.accountSearch('srch_t', { limit: 5 }));
    assert.deepEqual(last('GET /api/v1/accounts/search').query, { q: 'srch_t', limit: '5', following: '0' });
    assert.deepEqual(found.map((a) => a.id), [targetId]);
    assert.deepEqual(await firstValueFrom(api.accountSearch('srch_t', { following: true })), []);
    assert.deepEqual(last('GET /api/v1/accounts/search').query, { q: 'srch_t', following: '1' });

    const looked = await firstValueFrom(api.accountLookup('srch_target'));
    assert.deepEqual(last('GET /api/v1/accounts/lookup').query, { acct: 'srch_target' });
    assert.equal(looked.id, targetId);
    await assert.rejects(firstValueFrom(api.accountLookup('nobody_here')), MastodonNotFoundError);

    await firstValueFrom(api.accountFollow(targetId));
    const list = await firstValueFrom(api.listCreate('people'));
    await lastValueFrom(api.listAccountsAdd(list, targetId));
    const lists = await firstValueFrom(api.accountLists(targetId));
    assert.equal(last('GET /api/v1/accounts/{id}/lists').path, `/api/v1/accounts/${targetId}/lists`);
    assert.deepEqual(lists.map((l) => l.title), ['people']);
  });

  it('accountFamiliarFollowers sends id[] in the query string', async () => {
    const me = clientFor(fake.server, 'ff_me');
    const friend = clientFor(fake.server, 'ff_friend');
    const star = clientFor(fake.server, 'ff_star');
    const [friendId, starId] = await Promise.all([idOfUser(friend), idOfUser(star)]);
    await firstValueFrom(me.accountFollow(friendId));
    await firstValueFrom(friend.accountFollow(starId));

    const result = await firstValueFrom(me.accountFamiliarFollowers(starId));
    const request = last('GET /api/v1/accounts/familiar_followers');
    assert.deepEqual(request.query, { id: [starId] });
    assert.deepEqual(request.body, {});
    assert.deepEqual(result.map((r) => r.id), [starId]);
    assert.deepEqual(result[0]!.accounts.map((a) => a.id), [friendId]);
    const two = await firstValueFrom(me.accountFamiliarFollowers([{ id: starId }, friendId]));
    assert.deepEqual(last('GET /api/v1/accounts/familiar_followers').query, { id: [starId, friendId] });
    assert.equal(two.length, 2);
  });
});
