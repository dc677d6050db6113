import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { firstValueFrom, lastValueFrom, type Observable } from 'rxjs';
import {
  Mastodon, MastodonAPIError, MastodonIllegalArgumentError, MastodonMalformedResponseError, MastodonNotFoundError, type Status,
} from '../../src/index.js';
import { fakeAdmin, fakeNotifications, fakeStreaming, releaseMerges } from '../../src/testing/index.js';
import { social } from '../../src/testing/routes/social.js';
import { clientFor, useFakeServer } from '../support/fake.js';
import { eventually, firstOf } from '../streaming/support.js';

const done = { defaultValue: undefined };
/** A snowflake id of `days` days ago: the id of a follow made then. */
const daysAgoId = (days: number): string => String(BigInt(Date.now() - days * 24 * 3600 * 1000) << 16n);
const fast = { timeout: 2, initial_delay: 0.01, max_delay: 0.05, catch_up: false } as const;

/** A private mention of `recipient` by `sender`. */
function whisper(sender: Mastodon, recipient: string, text = 'psst'): Promise<Status> {
  return firstValueFrom(sender.statusPost(`@${recipient} ${text}`, { visibility: 'direct' }));
}

describe('notification policy and requests', () => {
  const fake = useFakeServer({ rateLimit: 100_000 });

  it('the policy of a new user is Mastodon 4.3\'s: private mentions and limited accounts filtered', async () => {
    const me = clientFor(fake.server, 'np_default');
    const policy = await firstValueFrom(me.notificationsPolicy());
    assert.deepEqual(policy, {
      for_not_following: 'accept', for_not_followers: 'accept', for_new_accounts: 'accept',
      for_private_mentions: 'filter', for_limited_accounts: 'filter',
      summary: { pending_requests_count: 0, pending_notifications_count: 0 },
    });
  });

  it('a filtered private mention waits in a request, out of the list, the counts and the stream', async () => {
    const me = clientFor(fake.server, 'np_filter');
    const stranger = clientFor(fake.server, 'np_filter_stranger');
    const friend = clientFor(fake.server, 'np_filter_friend');
    await firstValueFrom(me.accountFollow(await firstValueFrom(friend.me())));
    const notified = firstOf(me.streamUser(fast), 'notification', 1);
    await eventually(() => fakeStreaming(fake.server.store).connections.some((c) => c.streams().includes('user')));

    const secret = await whisper(stranger, 'np_filter');
    const fromFriend = await whisper(friend, 'np_filter', 'hi from a friend');
    const [event] = await notified;
    assert.equal(event!.payload.status!.id, fromFriend.id, 'the stream skipped the filtered one');

    assert.deepEqual((await firstValueFrom(me.notifications())).map((n) => n.status!.id), [fromFriend.id]);
    const all = await firstValueFrom(me.notifications({ include_filtered: true }));
    assert.deepEqual(fake.server.requestsTo('GET /api/v1/notifications').at(-1)!.query, { include_filtered: '1' });
    assert.deepEqual(all.map((n) => [n.status!.id, n.filtered ?? false]), [[fromFriend.id, false], [secret.id, true]]);
    assert.deepEqual(await firstValueFrom(me.notificationsUnreadCount()), { count: 1 });

    const [request] = await firstValueFrom(me.notificationRequests());
    assert.equal(request!.account.username, 'np_filter_stranger');
    assert.equal(request!.notifications_count, '1');
    assert.equal(request!.last_status!.id, secret.id);
    assert.ok(request!.created_at instanceof Date && request!.updated_at instanceof Date);
    assert.equal((await firstValueFrom(me.notificationRequest(request!))).id, request!.id);
    assert.equal(fake.server.requestsTo('GET /api/v1/notifications/requests/{id}').at(-1)!.path, `/api/v1/notifications/requests/${request!.id}`);
    assert.deepEqual((await firstValueFrom(me.notificationsPolicy())).summary, { pending_requests_count: 1, pending_notifications_count: 1 });
  });

  it('accepting a request merges its notifications into the list, says so on the stream, and lets the sender through from then on', async () => {
    const me = clientFor(fake.server, 'np_accept');
    const stranger = clientFor(fake.server, 'np_accept_stranger');
    const first = await whisper(stranger, 'np_accept', 'one');
    await whisper(stranger, 'np_accept', 'two');
    const [request] = await firstValueFrom(me.notificationRequests());
    assert.equal(request!.notifications_count, '2');
    const merged = firstOf(me.streamUser(fast), 'notifications_merged', 1);
    await eventually(() => fakeStreaming(fake.server.store).connections.some((c) => c.streams().includes('user')));

    await lastValueFrom(me.acceptNotificationRequest(request!), done);
    assert.equal(fake.server.requestsTo('POST /api/v1/notifications/requests/{id}/accept').at(-1)!.path, `/api/v1/notifications/requests/${request!.id}/accept`);
    assert.equal((await merged)[0]!.type, 'notifications_merged');
    assert.equal(await firstValueFrom(me.notificationsMerged()), true);
    const list = await firstValueFrom(me.notifications());
    assert.equal(list.length, 2);
    assert.ok(list.some((n) => n.status!.id === first.id));
    assert.deepEqual(await firstValueFrom(me.notificationRequests()), []);
    await assert.rejects(firstValueFrom(me.notificationRequest(request!)), MastodonNotFoundError);

    await whisper(stranger, 'np_accept', 'three');
    assert.equal((await firstValueFrom(me.notifications())).length, 3, 'accepted senders are not filtered again');
  });

  it('merged answers false until a held-back merge is done', async () => {
    const me = clientFor(fake.server, 'np_merge');
    const stranger = clientFor(fake.server, 'np_merge_stranger');
    await whisper(stranger, 'np_merge');
    const [request] = await firstValueFrom(me.notificationRequests());
    fakeNotifications(fake.server.store).holdMerges = true;
    try {
      await lastValueFrom(me.acceptNotificationRequest(request!.id), done);
      assert.equal(await firstValueFrom(me.notificationsMerged()), false);
      assert.deepEqual(await firstValueFrom(me.notifications()), []);
      releaseMerges(fake.server.store);
      assert.equal(await firstValueFrom(me.notificationsMerged()), true);
      assert.equal((await firstValueFrom(me.notifications())).length, 1);
    } finally {
      fakeNotifications(fake.server.store).holdMerges = false;
    }
  });

  it('dismissing a request deletes its notifications', async () => {
    const me = clientFor(fake.server, 'np_dismiss');
    const stranger = clientFor(fake.server, 'np_dismiss_stranger');
    await whisper(stranger, 'np_dismiss');
    const [request] = await firstValueFrom(me.notificationRequests());
    await lastValueFrom(me.dismissNotificationRequest(request!), done);
    assert.deepEqual(await firstValueFrom(me.notificationRequests()), []);
    assert.deepEqual(await firstValueFrom(me.notifications({ include_filtered: true })), []);
    await whisper(stranger, 'np_dismiss', 'again');
    assert.equal((await firstValueFrom(me.notificationRequests())).length, 1, 'a dismissed sender is filtered again');
  });

  it('several requests at once, as id[]; ids of no request of the user are passed over', async () => {
    const me = clientFor(fake.server, 'np_many');
    const senders = [0, 1, 2, 3].map((i) => clientFor(fake.server, `np_many_${i}`));
    for (const sender of senders) await whisper(sender, 'np_many');
    const requests = await firstValueFrom(me.notificationRequests({ limit: 10 }));
    assert.equal(requests.length, 4);
    const [a, b, c, d] = requests;
    await lastValueFrom(me.acceptMultipleNotificationRequests([a!, b!.id]), done);
    assert.deepEqual(fake.server.requestsTo('POST /api/v1/notifications/requests/accept').at(-1)!.body, { id: [a!.id, b!.id] });
    await lastValueFrom(me.dismissMultipleNotificationRequests([c!, '999']), done);
    assert.deepEqual(fake.server.requestsTo('POST /api/v1/notifications/requests/dismiss').at(-1)!.body, { id: [c!.id, '999'] });
    assert.deepEqual((await firstValueFrom(me.notificationRequests())).map((r) => r.id), [d!.id]);
    assert.equal((await firstValueFrom(me.notifications())).length, 2);
  });

  it('requests page by the Link header', async () => {
    const me = clientFor(fake.server, 'np_pages');
    for (const i of [0, 1, 2]) await whisper(clientFor(fake.server, `np_pages_${i}`), 'np_pages');
    const first = await firstValueFrom(me.notificationRequests({ limit: 2 }));
    assert.equal(first.length, 2);
    const next = await firstValueFrom(me.fetchNext(first));
    assert.deepEqual(next?.map((r) => r.account.username), ['np_pages_0']);
  });

  it('the policy changes as patched (a form), and accept, filter and drop apply to each kind of sender', async () => {
    const me = clientFor(fake.server, 'np_policy');
    const meAccount = await firstValueFrom(me.me());
    const mine = await firstValueFrom(me.statusPost('my post'));
    const updated = await firstValueFrom(me.updateNotificationsPolicy({ for_new_accounts: 'drop', for_private_mentions: 'accept' }));
    assert.deepEqual(fake.server.requestsTo('PATCH /api/v2/notifications/policy').at(-1)!.body, { for_new_accounts: 'drop', for_private_mentions: 'accept' });
    assert.deepEqual([updated.for_new_accounts, updated.for_private_mentions, updated.for_not_following], ['drop', 'accept', 'accept']);

    const newcomer = clientFor(fake.server, 'np_policy_new');
    await firstValueFrom(newcomer.statusFavourite(mine));
    assert.deepEqual(await firstValueFrom(me.notifications({ include_filtered: true })), [], 'a new account\'s favourite is dropped');

    await firstValueFrom(me.updateNotificationsPolicy({ for_new_accounts: 'accept', for_not_followers: 'filter' }));
    await firstValueFrom(newcomer.statusFavourite(await firstValueFrom(me.statusPost('another'))));
    const filtered = await firstValueFrom(me.notifications({ include_filtered: true }));
    assert.deepEqual(filtered.map((n) => [n.type, n.filtered]), [['favourite', true]]);
    assert.deepEqual(await firstValueFrom(me.notificationRequests()), [], 'only mentions make requests');

    const newcomerAccount = await firstValueFrom(newcomer.accountFollow(meAccount)).then(() => firstValueFrom(newcomer.me()));
    assert.deepEqual((await firstValueFrom(me.notifications())).map((n) => n.type), [], 'a follower of less than three days is not one yet');
    social(fake.server.store).followIds.set(`${newcomerAccount.id}>${meAccount.id}`, daysAgoId(4));
    await firstValueFrom(newcomer.statusFavourite(await firstValueFrom(me.statusPost('a third'))));
    assert.deepEqual((await firstValueFrom(me.notifications())).map((n) => n.type), ['favourite'], 'a follower of three days passes');

    await firstValueFrom(me.updateNotificationsPolicy({ for_not_followers: 'accept', for_limited_accounts: 'drop' }));
    const limited = clientFor(fake.server, 'np_policy_limited');
    fakeAdmin(fake.server.store).of((await firstValueFrom(limited.me())).id).silenced = true;
    await firstValueFrom(limited.statusPost('@np_policy hello'));
    assert.equal((await firstValueFrom(me.notifications({ types: ['mention'], include_filtered: true }))).length, 0);
  });

  it('the new-accounts policy passes over new accounts the user follows, as Mastodon\'s does', async () => {
    const me = clientFor(fake.server, 'np_newfollowed');
    await firstValueFrom(me.updateNotificationsPolicy({ for_new_accounts: 'filter' }));
    const followed = clientFor(fake.server, 'np_newfollowed_friend');
    const stranger = clientFor(fake.server, 'np_newfollowed_stranger');
    await firstValueFrom(me.accountFollow(await firstValueFrom(followed.me())));
    const fromFollowed = await firstValueFrom(followed.statusPost('@np_newfollowed hello'));
    const fromStranger = await firstValueFrom(stranger.statusPost('@np_newfollowed hello'));
    const all = await firstValueFrom(me.notifications({ include_filtered: true }));
    assert.deepEqual(all.map((n) => [n.status!.id, n.filtered ?? false]), [[fromStranger.id, true], [fromFollowed.id, false]]);
  });

  it('mentions by staff of a higher role pass the policy and mutes, as Mastodon\'s do; their other notifications do not', async () => {
    const me = clientFor(fake.server, 'np_staff');
    const meAccount = await firstValueFrom(me.me());
    const moderator = clientFor(fake.server, 'np_staff_mod');
    const moderatorAccount = await firstValueFrom(moderator.me());
    fakeAdmin(fake.server.store).of(moderatorAccount.id).role = 'Moderator';
    const mine = await firstValueFrom(me.statusPost('my post'));
    await firstValueFrom(me.updateNotificationsPolicy({ for_not_following: 'filter' }));

    const whispered = await whisper(moderator, 'np_staff', 'a word from the moderators');
    await firstValueFrom(moderator.statusFavourite(mine));
    const all = await firstValueFrom(me.notifications({ include_filtered: true }));
    assert.deepEqual(all.map((n) => [n.type, n.filtered ?? false]), [['favourite', true], ['mention', false]]);
    assert.equal(all[1]!.status!.id, whispered.id);

    await firstValueFrom(me.accountMute(moderatorAccount));
    await firstValueFrom(moderator.statusPost('@np_staff still heard'));
    assert.equal((await firstValueFrom(me.notifications({ types: ['mention'] }))).length, 2);

    fakeAdmin(fake.server.store).of(meAccount.id).role = 'Admin';
    await firstValueFrom(moderator.statusPost('@np_staff to a higher role'));
    assert.equal((await firstValueFrom(me.notifications({ types: ['mention'], include_filtered: true }))).length, 2, 'muted: a lower role does not pass');
  });

  it('checks arguments before sending', async () => {
    const me = clientFor(fake.server, 'np_args');
    const before = fake.server.requests.length;
    const bad: (() => Observable<unknown>)[] = [
      () => me.updateNotificationsPolicy({ for_new_accounts: 'block' as 'drop' }),
      () => me.updateNotificationsPolicy('filter' as never),
      () => me.notificationRequests({ max_id: '..' }),
      () => me.notificationRequest(''),
      () => me.acceptNotificationRequest({} as { id: string }),
      () => me.dismissNotificationRequest('a/b'),
      () => me.acceptMultipleNotificationRequests([]),
      () => me.dismissMultipleNotificationRequests(['1', '..']),
      () => me.notifications({ include_filtered: 1 as unknown as boolean }),
      () => me.notifications({ supported_types: ['dance' as 'mention'] }),
    ];
    for (const call of bad) await assert.rejects(firstValueFrom(call()), MastodonIllegalArgumentError);
    assert.equal(fake.server.requests.length, before);
  });

  it('a merged answer without its boolean is malformed; write needs write:notifications', async () => {
    const me = clientFor(fake.server, 'np_bad');
    const remove = fake.server.intercept((req) => (req.route === 'GET /api/v1/notifications/requests/merged' ? { json: [] } : undefined));
    try {
      await assert.rejects(firstValueFrom(me.notificationsMerged()), MastodonMalformedResponseError);
    } finally {
      remove();
    }
    const user = fake.server.createUser('np_scope');
    const token = fake.server.store.issueToken(null, user.account.id, ['read']);
    const reader = new Mastodon({ api_base_url: fake.server.url, access_token: token.token, version_check_mode: 'none' });
    assert.equal((await firstValueFrom(reader.notificationsPolicy())).for_private_mentions, 'filter');
    await assert.rejects(firstValueFrom(reader.updateNotificationsPolicy({ for_new_accounts: 'filter' })),
      (e: unknown) => e instanceof MastodonAPIError && e.status === 403);
  });
});
