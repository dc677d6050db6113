import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { firstValueFrom, lastValueFrom, toArray, type Observable } from 'rxjs';
import {
  Mastodon, MastodonAPIError, MastodonIllegalArgumentError, MastodonMalformedResponseError, MastodonNotFoundError, paginate,
  type GroupedNotificationsResults, type NotificationGroup, type ObjectPage, type Status,
} from '../../src/index.js';
import { MAXIMUM_GROUP_SPAN_HOURS, type FakeMastodon } from '../../src/testing/index.js';
import { clientFor, useFakeServer } from '../support/fake.js';
import { fixturePath, readJsonFixture } from '../support/fixtures.js';
import { json, startLoopback, type Loopback } from '../support/loopback.js';

const done = { defaultValue: undefined };

/** A recipient with a status, and `n` other users, each with a client. */
async function cast(server: FakeMastodon, name: string, n: number): Promise<{ me: Mastodon; mine: Status; others: Mastodon[] }> {
  const me = clientFor(server, name);
  const mine = await firstValueFrom(me.statusPost('a post to react to'));
  const others = Array.from({ length: n }, (_, i) => clientFor(server, `${name}_${i}`));
  return { me, mine, others };
}

const byType = (page: GroupedNotificationsResults): Record<string, NotificationGroup[]> => {
  const groups: Record<string, NotificationGroup[]> = {};
  for (const group of page.notification_groups) (groups[group.type] ??= []).push(group);
  return groups;
};

describe('grouped notifications', () => {
  const fake = useFakeServer({ rateLimit: 100_000 });

  it('favourites and boosts of one status, and follows, share a group; mentions stand alone', async () => {
    const { me, mine, others } = await cast(fake.server, 'gn_group', 4);
    const other = await firstValueFrom(me.statusPost('another post'));
    const [a, b, c, d] = others as [Mastodon, Mastodon, Mastodon, Mastodon];
    for (const fan of [a, b, c]) await firstValueFrom(fan.statusFavourite(mine));
    for (const fan of [a, b]) await firstValueFrom(fan.statusReblog(mine));
    await firstValueFrom(d.statusFavourite(other));
    const meAccount = await firstValueFrom(me.me());
    for (const fan of [c, d]) await firstValueFrom(fan.accountFollow(meAccount));
    await firstValueFrom(d.statusPost('@gn_group hello'));
    await firstValueFrom(d.statusPost('@gn_group hello again'));

    const page = await firstValueFrom(me.groupedNotifications({ expand_accounts: 'full' }));
    assert.deepEqual(fake.server.requestsTo('GET /api/v2/notifications').at(-1)!.query, { expand_accounts: 'full' });
    assert.deepEqual(page.notification_groups.map((g) => [g.type, g.notifications_count]),
      [['mention', 1], ['mention', 1], ['follow', 2], ['favourite', 1], ['reblog', 2], ['favourite', 3]]);
    const groups = byType(page);
    const ids = await Promise.all(others.map((o) => firstValueFrom(o.me()).then((acc) => acc.id)));
    assert.deepEqual(groups['favourite']![1]!.sample_account_ids, [ids[2], ids[1], ids[0]], 'newest first');
    assert.equal(groups['favourite']![1]!.status_id, mine.id);
    assert.match(groups['favourite']![1]!.group_key, new RegExp(`^favourite-${mine.id}-\\d+$`));
    assert.match(groups['follow']![0]!.group_key, /^follow-\d+$/);
    assert.ok(groups['mention']!.every((g) => /^ungrouped-\d+$/.test(g.group_key)));
    assert.ok(page.notification_groups.every((g) => g.latest_page_notification_at instanceof Date && g.page_min_id && g.page_max_id));
    assert.deepEqual(page.accounts.map((acc) => acc.id).sort(), [...ids].sort());
    assert.equal(page.partial_accounts, undefined);
    assert.deepEqual(page.statuses.map((s) => s.id).sort(), [mine.id, other.id, ...page.statuses.filter((s) => s.content.includes('hello')).map((s) => s.id)].sort());

    // The ungrouped list carries the same keys.
    const flat = await firstValueFrom(me.notifications());
    const favourites = flat.filter((n) => n.type === 'favourite' && n.status?.id === mine.id);
    assert.ok(favourites.every((n) => n.group_key === groups['favourite']![1]!.group_key));
  });

  it('by default (partial_avatars, as Mastodon.py), the newest account of each group in full, the rest partial', async () => {
    const { me, mine, others } = await cast(fake.server, 'gn_partial', 3);
    for (const fan of others) await firstValueFrom(fan.statusFavourite(mine));
    const page = await firstValueFrom(me.groupedNotifications());
    assert.deepEqual(fake.server.requestsTo('GET /api/v2/notifications').at(-1)!.query, { expand_accounts: 'partial_avatars' });
    const [group] = page.notification_groups;
    assert.deepEqual(page.accounts.map((a) => a.id), [group!.sample_account_ids[0]]);
    assert.deepEqual(page.partial_accounts!.map((a) => a.id), group!.sample_account_ids.slice(1));
    assert.deepEqual(Object.keys(page.partial_accounts![0]!).sort(), ['acct', 'avatar', 'avatar_static', 'bot', 'id', 'locked', 'url']);
  });

  it('grouped_types, types, exclude_types and account_id select and group as the API reads them', async () => {
    const { me, mine, others } = await cast(fake.server, 'gn_select', 2);
    const meAccount = await firstValueFrom(me.me());
    for (const fan of others) {
      await firstValueFrom(fan.statusFavourite(mine));
      await firstValueFrom(fan.accountFollow(meAccount));
    }
    const onlyFollows = await firstValueFrom(me.groupedNotifications({ grouped_types: ['follow'], expand_accounts: 'full' }));
    assert.deepEqual(onlyFollows.notification_groups.map((g) => [g.type, g.notifications_count]), [['follow', 2], ['favourite', 1], ['favourite', 1]]);
    assert.deepEqual(fake.server.requestsTo('GET /api/v2/notifications').at(-1)!.query, { grouped_types: ['follow'], expand_accounts: 'full' });

    const second = await firstValueFrom(others[1]!.me());
    const picked = await firstValueFrom(me.groupedNotifications({ types: ['favourite', 'follow'], exclude_types: ['follow'], account_id: second }));
    // The selection picks the groups; a group still counts every notification it holds, as Mastodon's does.
    assert.deepEqual(picked.notification_groups.map((g) => [g.type, g.notifications_count, g.sample_account_ids[0]]), [['favourite', 2, second.id]]);
    const first = await firstValueFrom(others[0]!.me());
    const mentionsOfFirst = await firstValueFrom(me.groupedNotifications({ types: ['mention'], account_id: first }));
    assert.deepEqual(mentionsOfFirst.notification_groups, []);
  });

  it('pages of groups follow their Link with fetchNext, fetchPrevious and paginate; a group spans pages', async () => {
    const { me, mine, others } = await cast(fake.server, 'gn_pages', 5);
    const meAccount = await firstValueFrom(me.me());
    const [u1, u2, u3, u4, u5] = others as [Mastodon, Mastodon, Mastodon, Mastodon, Mastodon];
    await firstValueFrom(u1.statusFavourite(mine));
    await firstValueFrom(u2.statusFavourite(mine));
    await firstValueFrom(u3.accountFollow(meAccount));
    await firstValueFrom(u4.statusFavourite(mine));
    await firstValueFrom(u5.statusPost('@gn_pages hi'));

    const first = await firstValueFrom(me.groupedNotifications({ limit: 2 }));
    const summary = (page: GroupedNotificationsResults | null): unknown => page?.notification_groups.map((g) => [g.type, g.notifications_count]);
    assert.deepEqual(summary(first), [['mention', 1], ['favourite', 3]]);
    const favourite = first.notification_groups[1]!;
    assert.equal(favourite.page_max_id, favourite.most_recent_notification_id);
    assert.equal(favourite.page_min_id, favourite.page_max_id, 'only its newest notification falls in this page');
    assert.match(first._pagination_next!.url, new RegExp(`max_id=${favourite.page_max_id}`));

    const second = await firstValueFrom(me.fetchNext(first));
    assert.deepEqual(summary(second), [['follow', 1], ['favourite', 2]]);
    assert.equal(second!.notification_groups[1]!.group_key, favourite.group_key);
    const back = await firstValueFrom(me.fetchPrevious(second!));
    assert.deepEqual(back?.notification_groups.map((g) => g.group_key), first.notification_groups.map((g) => g.group_key));

    const pages = await lastValueFrom(paginate(me.groupedNotifications({ limit: 2 })).pipe(toArray()));
    assert.deepEqual(pages.map(summary), [[['mention', 1], ['favourite', 3]], [['follow', 1], ['favourite', 2]], [['favourite', 1]]]);
    const fromRequest = await lastValueFrom(paginate(me, first._pagination_next!).pipe(toArray()));
    assert.equal(fromRequest.length, 2);
    const typed: ObjectPage<GroupedNotificationsResults>[] = pages;
    assert.ok(typed[0]!._pagination_next);
  });

  it('a group spanning more than twelve hours starts a new one', async () => {
    const me = fake.server.createUser('gn_span');
    const api = new Mastodon({ api_base_url: fake.server.url, access_token: me.token, version_check_mode: 'none' });
    const status = fake.server.store.addStatus(me.account, 'old post');
    const hour = 3600_000;
    const now = Date.now();
    const fans = [0, 1, 2].map((i) => fake.server.createUser(`gn_span_${i}`).account);
    fake.server.store.addNotification('favourite', me.account.id, fans[0]!, status, { at: new Date(now - (MAXIMUM_GROUP_SPAN_HOURS + 8) * hour) });
    fake.server.store.addNotification('favourite', me.account.id, fans[1]!, status, { at: new Date(now - 7 * hour) });
    fake.server.store.addNotification('favourite', me.account.id, fans[2]!, status, { at: new Date(now - 6 * hour) });
    const page = await firstValueFrom(api.groupedNotifications());
    assert.deepEqual(page.notification_groups.map((g) => g.notifications_count), [2, 1]);
    assert.notEqual(page.notification_groups[0]!.group_key, page.notification_groups[1]!.group_key);
  });

  it('one group by key, its accounts, and dismissing it removes all its notifications', async () => {
    const { me, mine, others } = await cast(fake.server, 'gn_one', 3);
    for (const fan of others) await firstValueFrom(fan.statusFavourite(mine));
    const [group] = (await firstValueFrom(me.groupedNotifications())).notification_groups;
    const one = await firstValueFrom(me.groupedNotification(group!));
    assert.equal(fake.server.requestsTo('GET /api/v2/notifications/{group_key}').at(-1)!.path, `/api/v2/notifications/${group!.group_key}`);
    assert.equal(one.notification_groups.length, 1);
    assert.equal(one.notification_groups[0]!.notifications_count, 3);
    assert.equal(one.notification_groups[0]!.page_min_id, undefined);
    assert.equal(one.accounts.length, 3);
    assert.deepEqual(one.statuses.map((s) => s.id), [mine.id]);

    const accounts = await firstValueFrom(me.groupedNotificationAccounts(group!.group_key));
    assert.deepEqual(accounts.map((a) => a.id), group!.sample_account_ids);

    await lastValueFrom(me.dismissGroupedNotification(group!), done);
    assert.equal(fake.server.requestsTo('POST /api/v2/notifications/{group_key}/dismiss').at(-1)!.path, `/api/v2/notifications/${group!.group_key}/dismiss`);
    assert.deepEqual(await firstValueFrom(me.notifications()), []);
    await assert.rejects(firstValueFrom(me.groupedNotification(group!.group_key)), MastodonNotFoundError);
  });

  it('unread counts follow the notifications marker: notifications, and groups in v2', async () => {
    const { me, mine, others } = await cast(fake.server, 'gn_unread', 4);
    for (const fan of others.slice(0, 3)) await firstValueFrom(fan.statusFavourite(mine));
    assert.deepEqual(await firstValueFrom(me.notificationsUnreadCount()), { count: 3 });
    assert.equal(await firstValueFrom(me.unreadGroupedNotificationsCount()), 1);

    const [newest] = await firstValueFrom(me.notifications({ limit: 1 }));
    await firstValueFrom(me.markersSet('notifications', newest!));
    assert.deepEqual(await firstValueFrom(me.notificationsUnreadCount()), { count: 0 });
    assert.equal(await firstValueFrom(me.unreadGroupedNotificationsCount()), 0);

    await firstValueFrom(others[3]!.statusPost('@gn_unread one'));
    await firstValueFrom(others[3]!.statusPost('@gn_unread two'));
    await firstValueFrom(others[3]!.statusFavourite(mine));
    assert.deepEqual(await firstValueFrom(me.notificationsUnreadCount({ types: ['mention'] })), { count: 2 });
    assert.deepEqual(fake.server.requestsTo('GET /api/v1/notifications/unread_count').at(-1)!.query, { types: ['mention'] });
    assert.equal(await firstValueFrom(me.unreadGroupedNotificationsCount()), 3);
    assert.equal(await firstValueFrom(me.unreadGroupedNotificationsCount({ limit: 2, exclude_types: ['favourite'] })), 2);
    assert.deepEqual(fake.server.requestsTo('GET /api/v2/notifications/unread_count').at(-1)!.query, { limit: '2', exclude_types: ['favourite'] });
  });

  it('filtered notifications come only with include_filtered, each a group of its own, and count as unread in neither API', async () => {
    const { me, mine, others } = await cast(fake.server, 'gn_filtered', 3);
    await firstValueFrom(me.updateNotificationsPolicy({ for_not_followers: 'filter' }));
    const [stranger, fan1, fan2] = others as [Mastodon, Mastodon, Mastodon];
    const secret = await firstValueFrom(stranger.statusPost('@gn_filtered psst', { visibility: 'direct' }));
    for (const fan of [fan1, fan2]) await firstValueFrom(fan.statusFavourite(mine));

    assert.deepEqual((await firstValueFrom(me.groupedNotifications())).notification_groups, []);
    const all = await firstValueFrom(me.groupedNotifications({ include_filtered: true }));
    assert.deepEqual(fake.server.requestsTo('GET /api/v2/notifications').at(-1)!.query, { expand_accounts: 'partial_avatars', include_filtered: '1' });
    assert.deepEqual(all.notification_groups.map((g) => [g.type, g.notifications_count, g.status_id]),
      [['favourite', 1, mine.id], ['favourite', 1, mine.id], ['mention', 1, secret.id]], 'filtered favourites of one status do not group');
    assert.ok(all.notification_groups.every((g) => /^ungrouped-\d+$/.test(g.group_key)));
    assert.equal(await firstValueFrom(me.unreadGroupedNotificationsCount()), 0);
    assert.deepEqual(await firstValueFrom(me.notificationsUnreadCount()), { count: 0 });
  });

  it('checks arguments before sending', async () => {
    const me = clientFor(fake.server, 'gn_args');
    const before = fake.server.requests.length;
    const bad: (() => Observable<unknown>)[] = [
      () => me.groupedNotifications({ types: ['likes' as 'favourite'] }),
      () => me.groupedNotifications({ grouped_types: 'follow' as unknown as ['follow'] }),
      () => me.groupedNotifications({ expand_accounts: 'some' as 'full' }),
      () => me.groupedNotifications({ include_filtered: 'yes' as unknown as boolean }),
      () => me.groupedNotifications({ max_id: '../x' }),
      () => me.groupedNotification('../admin'),
      () => me.groupedNotification(''),
      () => me.groupedNotification({} as { group_key: string }),
      () => me.groupedNotificationAccounts(42 as unknown as string),
      () => me.dismissGroupedNotification('.'),
      () => me.unreadGroupedNotificationsCount({ grouped_types: ['boost' as 'reblog'] }),
      () => me.notificationsUnreadCount({ exclude_types: ['x' as 'mention'] }),
    ];
    for (const call of bad) await assert.rejects(firstValueFrom(call()), MastodonIllegalArgumentError);
    assert.equal(fake.server.requests.length, before);
  });

  it('a count answer without its number is malformed; a token without read:notifications gets 403', async () => {
    const me = clientFor(fake.server, 'gn_bad');
    const remove = fake.server.intercept((req) => (req.route === 'GET /api/v2/notifications/unread_count' ? { json: { total: 3 } } : undefined));
    try {
      await assert.rejects(firstValueFrom(me.unreadGroupedNotificationsCount()), MastodonMalformedResponseError);
    } finally {
      remove();
    }
    const user = fake.server.createUser('gn_scope');
    const token = fake.server.store.issueToken(null, user.account.id, ['read:statuses']);
    const limited = new Mastodon({ api_base_url: fake.server.url, access_token: token.token, version_check_mode: 'none' });
    await assert.rejects(firstValueFrom(limited.groupedNotifications()), (e: unknown) => e instanceof MastodonAPIError && e.status === 403);
  });
});

describe('grouped notifications, replayed from the Mastodon documentation', () => {
  const example = readJsonFixture<Record<string, unknown>>('mastodon-api/grouped-notifications-example.json');
  const docsLink = readFileSync(fixturePath('mastodon-api/link-header-examples.tsv'), 'utf8').split('\n')
    .find((line) => line.startsWith('methods/grouped_notifications.md\t'))!.split('\t')[2]!;
  const empty = { accounts: [], statuses: [], notification_groups: [] };
  let server: Loopback;
  let api: Mastodon;

  before(async () => {
    server = await startLoopback((req, res) => {
      const url = new URL(req.url, server.url);
      if (url.searchParams.has('max_id')) return json(res, empty);
      json(res, example, 200, { link: docsLink.replaceAll('https://mastodon.social', server.url) });
    });
    api = new Mastodon({ api_base_url: server.url, access_token: 't', version_check_mode: 'none' });
  });
  after(() => server.close());

  it('reads the page: ids as strings (the group\'s newest notification id comes as a number), dates revived, links kept', async () => {
    assert.ok(docsLink.trimEnd().endsWith(';'), 'the example keeps its stray semicolon');
    const page = await firstValueFrom(api.groupedNotifications({ limit: 2 }));
    assert.deepEqual(page.notification_groups.map((g) => g.most_recent_notification_id), ['196014', '196012']);
    assert.ok(page.notification_groups.every((g) => g.latest_page_notification_at instanceof Date));
    assert.equal(page.statuses[0]!.created_at.toISOString(), '2024-08-23T08:57:12.057Z');
    assert.deepEqual(page._pagination_next, { method: 'GET', url: `${server.url}/api/v2/notifications?limit=2&max_id=196012`, result: 'object-page' });
    assert.deepEqual(page._pagination_prev, { method: 'GET', url: `${server.url}/api/v2/notifications?limit=2&min_id=196014`, result: 'object-page' });
  });

  it('paginate follows the link the server gave and stops at a page without groups', async () => {
    const pages = await lastValueFrom(paginate(api.groupedNotifications({ limit: 2 })).pipe(toArray()));
    assert.deepEqual(pages.map((p) => p.notification_groups.length), [2]);
    assert.deepEqual(server.seen.slice(-2).map((r) => r.url), ['/api/v2/notifications?limit=2&expand_accounts=partial_avatars', '/api/v2/notifications?limit=2&max_id=196012']);
  });
});
