import { defer, type Observable } from 'rxjs';
import { concatMap } from 'rxjs/operators';
import { call } from '../client/call.js';
import type { MastodonClient } from '../client/client.js';
import { byVersion } from './by-version.js';
import { endpoint, json, nothing, page, row } from './define.js';
import { optionalBoolean, optionsOf, paginationParams, type PaginationOptions } from './common.js';
import { NOTIFICATION_TYPES } from './constants.js';
import { typeList } from './notification-params.js';
import { readOptions, withUnknownOptions } from './unknown-options.js';
import { verifyMinimumVersion } from './versions.js';
import type { UnreadNotificationsCount } from '../entities/grouped-notifications.js';
import type { Notification, NotificationType } from '../entities/notification.js';
import { MastodonIllegalArgumentError } from '../errors.js';
import type { Params } from '../http/params.js';
import { idOf, optionalIdOf, type IdLike } from '../ids.js';
import type { Page } from '../pagination/page.js';
import { fillPath } from '../http/fill-path.js';

/** Options of `notifications`. */
export interface NotificationsOptions extends PaginationOptions {
  /** Fetch this one notification instead of a page. */
  id?: IdLike;
  /** Only notifications caused by this account. */
  account_id?: IdLike;
  /** Leave out these types. */
  exclude_types?: readonly NotificationType[];
  /** Only these types (3.5.0+). With `exclude_types`, both apply. */
  types?: readonly NotificationType[];
  /**
   * Only mentions: sent as `types: ['mention']` to servers from 3.5.0, else as every other
   * type in `exclude_types`. Cannot be combined with `types` or `exclude_types`.
   */
  mentions_only?: boolean;
  /** Also the notifications the user's notification policy filtered (4.3.0+). Default `false`. */
  include_filtered?: boolean;
  /**
   * The types the client can show (4.6.0+): a notification of another type comes with a
   * `fallback` text when the server has one. Sent only when given.
   */
  supported_types?: readonly NotificationType[];
}

/** Options of `notificationsUnreadCount`; Mastodon.py sends none, the API reads these (4.3.0+). */
export interface NotificationsUnreadCountOptions {
  /** Count at most this many (default 100, at most 1000). */
  limit?: number;
  /** Count only these types. */
  types?: readonly NotificationType[];
  /** Do not count these types. */
  exclude_types?: readonly NotificationType[];
  /** Count only notifications caused by this account. */
  account_id?: IdLike;
}

/** The list behind `notifications()`. */
export const notificationListRow = /* @__PURE__ */ row('GET /api/v1/notifications', {
  created: '1.0.0', changed: '3.5.0', returns: page<Notification>,
  params: (params: Params) => params,
});

/** One notification, behind `notifications({ id })`. */
export const notificationByIdRow = /* @__PURE__ */ row('GET /api/v1/notifications/{id}', {
  fillPath, created: '1.0.0', changed: '3.5.0', returns: json<Notification>,
  params: (id: IdLike) => ({ id: idOf(id) }),
});

/** Dismissing on servers from 2.9.2: the id in the path. */
export const notificationsDismissRow = /* @__PURE__ */ row('POST /api/v1/notifications/{id}/dismiss', {
  fillPath, created: '1.3.0', changed: '2.9.2', returns: nothing,
  params: (id: IdLike) => ({ id: idOf(id) }),
});

/** Dismissing on servers before 2.9.2: the id in the body. */
export const notificationsDismissBefore292Row = /* @__PURE__ */ row('POST /api/v1/notifications/dismiss', {
  created: '1.3.0', changed: '1.3.0', returns: nothing,
  params: (id: IdLike) => ({ id: idOf(id) }),
});

/**
 * How many notifications the user has not read yet: those newer than the `notifications` read
 * marker, counted up to `limit` (100 by default). Filtered ones do not count.
 * @example notificationsUnreadCount(client).subscribe(({ count }) => console.log(count))
 */
export const notificationsUnreadCount = /* @__PURE__ */ endpoint('GET /api/v1/notifications/unread_count', {
  created: '4.3.0', changed: '4.3.0', returns: json<UnreadNotificationsCount>,
  options: 0, params: (options?: NotificationsUnreadCountOptions): Params => {
    const o = optionsOf(options);
    return {
      limit: o.limit,
      types: typeList('types', o.types),
      exclude_types: typeList('exclude_types', o.exclude_types),
      account_id: optionalIdOf(o.account_id, 'account_id'),
    };
  },
});

/**
 * Delete all of the logged-in user's notifications.
 * @example notificationsClear(client).subscribe()
 */
export const notificationsClear = /* @__PURE__ */ endpoint('POST /api/v1/notifications/clear', {
  created: '1.0.0', changed: '1.0.0', returns: nothing,
});

/**
 * One notification, by id.
 * @example notifications(client, { id: '17' }).subscribe((n) => console.log(n.type))
 */
export function notifications(client: MastodonClient, options: NotificationsOptions & { id: IdLike }): Observable<Notification>;
/**
 * The logged-in user's notifications: a {@link Page}, newest first. Types are checked
 * against the documented set before anything is sent.
 * @example notifications(client, { types: ['mention'], limit: 20 }).subscribe((page) => console.log(page.length))
 */
export function notifications(client: MastodonClient, options?: NotificationsOptions): Observable<Page<Notification>>;
export function notifications(client: MastodonClient, options?: NotificationsOptions): Observable<Page<Notification> | Notification> {
  return defer((): Observable<Page<Notification> | Notification> => {
    const reading = readOptions(options);
    const o = optionsOf(reading.options);
    if (o.id !== undefined && o.id !== null) return call(client, notificationByIdRow, [o.id]);
    const types = typeList('types', o.types);
    const excludeTypes = typeList('exclude_types', o.exclude_types);
    const mentionsOnly = o.mentions_only;
    const params = withUnknownOptions({
      ...paginationParams(o),
      account_id: optionalIdOf(o.account_id, 'account_id'),
      types,
      exclude_types: excludeTypes,
      include_filtered: optionalBoolean('include_filtered', o.include_filtered),
      supported_types: typeList('supported_types', o.supported_types),
    }, reading.unknown());
    if (mentionsOnly === undefined || mentionsOnly === null) return call(client, notificationListRow, [params]);
    if (types !== undefined || excludeTypes !== undefined) {
      throw new MastodonIllegalArgumentError('Cannot specify exclude_types/types when mentions_only is present');
    }
    if (!mentionsOnly) return call(client, notificationListRow, [params]);
    return verifyMinimumVersion(client, '3.5.0', { cached: true }).pipe(concatMap((recent) => call(client, notificationListRow, [
      recent ? { ...params, types: ['mention'] } : { ...params, exclude_types: NOTIFICATION_TYPES.filter((t) => t !== 'mention') },
    ])));
  });
}

/**
 * Delete one notification. Servers from 2.9.2 take the id in the path, older ones in the
 * body of `POST /api/v1/notifications/dismiss` (the known version is used).
 *
 * @example notificationsDismiss(client, notification).subscribe()
 */
export const notificationsDismiss = /* @__PURE__ */ byVersion('2.9.2', notificationsDismissRow, notificationsDismissBefore292Row);
