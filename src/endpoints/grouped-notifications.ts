import { defer, type Observable } from 'rxjs';
import { map } from 'rxjs/operators';
import { call } from '../client/call.js';
import type { MastodonClient } from '../client/client.js';
import { endpoint, json, nothing, objectPage, row } from './define.js';
import { oneOf, optionalBoolean, optionsOf, paginationParams, type PaginationOptions } from './common.js';
import { answerField, groupKeyOf, typeList, type GroupKeyLike } from './notification-params.js';
import type { NotificationsUnreadCountOptions } from './notifications.js';
import type { Account } from '../entities/account.js';
import type { GroupedNotificationsResults } from '../entities/grouped-notifications.js';
import type { NotificationType } from '../entities/notification.js';
import type { Params } from '../http/params.js';
import { optionalIdOf, type IdLike } from '../ids.js';
import type { ObjectPage } from '../pagination/page.js';
import { fillPath } from '../http/fill-path.js';

// Grouped notifications (Mastodon 4.3, API v2): favourites and boosts of one status, and
// follows, come as one group each; the page is an object with the groups and what they refer to.

export type { GroupKeyLike };

/** How the accounts of a page of groups are given: all in full, or only the newest of each group. */
export type ExpandAccounts = 'full' | 'partial_avatars';

/** Options of `groupedNotifications`. */
export interface GroupedNotificationsOptions extends PaginationOptions {
  /** Only these types. */
  types?: readonly NotificationType[];
  /** Leave out these types. */
  exclude_types?: readonly NotificationType[];
  /** Only notifications caused by this account. */
  account_id?: IdLike;
  /**
   * `partial_avatars` (the default, as in Mastodon.py) gives the newest account of each group in
   * full and the others in `partial_accounts`; `full` gives them all in `accounts`.
   */
  expand_accounts?: ExpandAccounts;
  /** The types the client shows grouped; the others come one notification per group. */
  grouped_types?: readonly NotificationType[];
  /** Also the notifications the user's notification policy filtered. Default `false`. */
  include_filtered?: boolean;
  /** The types the client can show (4.6.0+); others come with a `fallback` text when the server has one. */
  supported_types?: readonly NotificationType[];
}

/** Options of `groupedNotification`. */
export interface GroupedNotificationOptions {
  /** The types the client can show (4.6.0+); others come with a `fallback` text when the server has one. */
  supported_types?: readonly NotificationType[];
}

/** Options of `unreadGroupedNotificationsCount`: those of `notificationsUnreadCount`, and the grouped types. */
export interface UnreadGroupedNotificationsCountOptions extends NotificationsUnreadCountOptions {
  /** The types the client shows grouped; the others count one per notification. */
  grouped_types?: readonly NotificationType[];
}

const EXPAND_ACCOUNTS: readonly ExpandAccounts[] = ['full', 'partial_avatars'];
const byGroupKey = (group_key: GroupKeyLike): Params => ({ group_key: groupKeyOf(group_key) });

/**
 * The logged-in user's notifications, grouped: one {@link ObjectPage}, a
 * `GroupedNotificationsResults` that carries its `Link` requests, so `fetchNext`, `fetchPrevious`
 * and `paginate` walk the pages as they walk a list. Groups come newest first; a group spanning
 * pages comes again on the next one, with the `page_min_id`/`page_max_id` of that page.
 * @example groupedNotifications(client, { limit: 20, grouped_types: ['favourite', 'reblog'] }).subscribe((page) => console.log(page.notification_groups.length))
 */
export const groupedNotifications = /* @__PURE__ */ endpoint('GET /api/v2/notifications', {
  created: '4.3.0', changed: '4.3.0', returns: objectPage<GroupedNotificationsResults>,
  options: 0, params: (options?: GroupedNotificationsOptions): Params => {
    const o = optionsOf(options);
    return {
      ...paginationParams(o),
      types: typeList('types', o.types),
      exclude_types: typeList('exclude_types', o.exclude_types),
      account_id: optionalIdOf(o.account_id, 'account_id'),
      expand_accounts: oneOf('expand_accounts', o.expand_accounts ?? 'partial_avatars', EXPAND_ACCOUNTS),
      grouped_types: typeList('grouped_types', o.grouped_types),
      include_filtered: optionalBoolean('include_filtered', o.include_filtered),
      supported_types: typeList('supported_types', o.supported_types),
    };
  },
});

/**
 * One notification group, by its key (or the group itself), with its accounts and status.
 * @example groupedNotification(client, 'favourite-109384023845372-479000').subscribe((r) => console.log(r.notification_groups[0]?.notifications_count))
 */
export const groupedNotification = /* @__PURE__ */ endpoint('GET /api/v2/notifications/{group_key}', {
  fillPath, created: '4.3.0', changed: '4.3.0', returns: json<GroupedNotificationsResults>,
  options: 1, params: (group_key: GroupKeyLike, options?: GroupedNotificationOptions): Params => ({
    group_key: groupKeyOf(group_key),
    supported_types: typeList('supported_types', optionsOf(options).supported_types),
  }),
});

/**
 * Delete every notification of a group.
 * @example dismissGroupedNotification(client, group).subscribe()
 */
export const dismissGroupedNotification = /* @__PURE__ */ endpoint('POST /api/v2/notifications/{group_key}/dismiss', {
  fillPath, created: '4.3.0', changed: '4.3.0', returns: nothing, params: byGroupKey,
});

/**
 * Every account that caused a notification of the group, newest first (not paginated).
 * @example groupedNotificationAccounts(client, group).subscribe((accounts) => console.log(accounts.map((a) => a.acct)))
 */
export const groupedNotificationAccounts = /* @__PURE__ */ endpoint('GET /api/v2/notifications/{group_key}/accounts', {
  fillPath, created: '4.3.0', changed: '4.3.0', returns: json<Account[]>, params: byGroupKey,
});

/** The count behind `unreadGroupedNotificationsCount()`: the server's `{"count": n}`. */
export const unreadGroupedNotificationsCountRow = /* @__PURE__ */ row('GET /api/v2/notifications/unread_count', {
  created: '4.3.0', changed: '4.3.0', returns: json<{ count: number }>,
  options: 0, params: (options?: UnreadGroupedNotificationsCountOptions): Params => {
    const o = optionsOf(options);
    return {
      limit: o.limit,
      types: typeList('types', o.types),
      exclude_types: typeList('exclude_types', o.exclude_types),
      account_id: optionalIdOf(o.account_id, 'account_id'),
      grouped_types: typeList('grouped_types', o.grouped_types),
    };
  },
});

/**
 * How many notification groups the user has not read (newer than the `notifications` read
 * marker), counted up to `limit`: emits the number, as Mastodon.py returns it.
 * @example unreadGroupedNotificationsCount(client, { limit: 100 }).subscribe((count) => console.log(count))
 */
export function unreadGroupedNotificationsCount(client: MastodonClient, options?: UnreadGroupedNotificationsCountOptions): Observable<number> {
  return defer(() => call(client, unreadGroupedNotificationsCountRow, [options])
    .pipe(map((answer) => answerField(answer, 'count', 'number'))));
}
