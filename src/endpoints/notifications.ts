import { defer, type Observable } from 'rxjs';
import { concatMap } from 'rxjs/operators';
import { endpoint, json, nothing, page } from './define.js';
import { oneOf, optionsOf, paginationParams, type PaginationOptions } from './common.js';
import type { Mastodon } from '../client/mastodon.js';
import type { Notification, NotificationType } from '../entities/notification.js';
import { MastodonIllegalArgumentError } from '../errors.js';
import type { Params } from '../http/params.js';
import { idOf, optionalIdOf, type IdLike } from '../ids.js';
import type { Page } from '../pagination/page.js';

/** The notification types the API documents; `types` and `exclude_types` must be among them. */
export const NOTIFICATION_TYPES: readonly NotificationType[] = [
  'follow', 'follow_request', 'favourite', 'reblog', 'mention', 'poll', 'update', 'status',
  'admin.sign_up', 'admin.report', 'severed_relationships', 'moderation_warning', 'quote', 'quoted_update',
];

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
}

function typeList(name: string, values: readonly string[] | undefined): string[] | undefined {
  if (values === undefined || values === null) return undefined;
  if (!Array.isArray(values)) throw new MastodonIllegalArgumentError(`${name} must be a list of notification types`);
  return values.map((value: unknown) => oneOf(name, value, NOTIFICATION_TYPES));
}

const notificationList = endpoint('GET /api/v1/notifications', {
  created: '1.0.0', changed: '3.5.0', returns: page<Notification>(),
  params: (params: Params) => params,
});

const notificationById = endpoint('GET /api/v1/notifications/{id}', {
  created: '1.0.0', changed: '3.5.0', returns: json<Notification>(),
  params: (id: string) => ({ id }),
});

const dismissByPath = endpoint('POST /api/v1/notifications/{id}/dismiss', {
  created: '1.3.0', changed: '2.9.2', returns: nothing(),
  params: (id: string) => ({ id }),
});

const dismissByForm = endpoint('POST /api/v1/notifications/dismiss', {
  created: '1.3.0', changed: '1.3.0', returns: nothing(),
  params: (id: string) => ({ id }),
});

/** Notifications: the table part. */
export const notifications = {
  /**
   * Delete all of the logged-in user's notifications.
   * @example api.notificationsClear().subscribe()
   */
  notificationsClear: endpoint('POST /api/v1/notifications/clear', {
    created: '1.0.0', changed: '1.0.0', returns: nothing(),
  }),
};

/** How `notifications` and `notificationsDismiss` look to callers. */
export interface NotificationMethods {
  /**
   * One notification, by id.
   * @example api.notifications({ id: '17' }).subscribe((n) => console.log(n.type))
   */
  notifications(options: NotificationsOptions & { id: IdLike }): Observable<Notification>;
  /**
   * A page of the logged-in user's notifications, newest first.
   * @example api.notifications({ types: ['mention'], limit: 20 }).subscribe((page) => console.log(page.length))
   */
  notifications(options?: NotificationsOptions): Observable<Page<Notification>>;
}

/** Notifications: calls whose form depends on the arguments or the server's version. */
export const notificationExtras = {
  /**
   * The logged-in user's notifications: a {@link Page}, or one notification when `id` is
   * given. Types are checked against the documented set before anything is sent.
   *
   * @example api.notifications({ exclude_types: ['follow'], limit: 20 }).subscribe((page) => console.log(page.length))
   */
  notifications(this: Mastodon, options?: NotificationsOptions): Observable<Page<Notification> | Notification> {
    return defer((): Observable<Page<Notification> | Notification> => {
      const o = optionsOf(options);
      if (o.id !== undefined && o.id !== null) return this.callEndpoint<Notification>(notificationById, [idOf(o.id)]);
      const types = typeList('types', o.types);
      const excludeTypes = typeList('exclude_types', o.exclude_types);
      const params: Params = {
        ...paginationParams(o),
        account_id: optionalIdOf(o.account_id, 'account_id'),
        types,
        exclude_types: excludeTypes,
      };
      if (o.mentions_only === undefined || o.mentions_only === null) return this.callEndpoint(notificationList, [params]);
      if (types !== undefined || excludeTypes !== undefined) {
        throw new MastodonIllegalArgumentError('Cannot specify exclude_types/types when mentions_only is present');
      }
      if (!o.mentions_only) return this.callEndpoint(notificationList, [params]);
      return this.verifyMinimumVersion('3.5.0', { cached: true }).pipe(concatMap((recent) => this.callEndpoint<Page<Notification>>(notificationList, [
        recent ? { ...params, types: ['mention'] } : { ...params, exclude_types: NOTIFICATION_TYPES.filter((t) => t !== 'mention') },
      ])));
    });
  },

  /**
   * Delete one notification. Servers from 2.9.2 take the id in the path, older ones in the
   * body of `POST /api/v1/notifications/dismiss` (the known version is used).
   *
   * @example api.notificationsDismiss(notification).subscribe()
   */
  notificationsDismiss(this: Mastodon, id: IdLike): Observable<void> {
    return defer(() => {
      const notificationId = idOf(id);
      return this.verifyMinimumVersion('2.9.2', { cached: true }).pipe(
        concatMap((recent) => this.callEndpoint<void>(recent ? dismissByPath : dismissByForm, [notificationId])),
      );
    });
  },
};
