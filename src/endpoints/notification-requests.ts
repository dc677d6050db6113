import { defer, type Observable } from 'rxjs';
import { map } from 'rxjs/operators';
import { call } from '../client/call.js';
import type { MastodonClient } from '../client/client.js';
import { endpoint, json, nothing, page, row } from './define.js';
import { oneOf, optionsOf, pageParams } from './common.js';
import { answerField } from './notification-params.js';
import type { NotificationFilterAction, NotificationPolicy, NotificationRequest } from '../entities/notification-policy.js';
import { MastodonIllegalArgumentError } from '../errors.js';
import type { Params } from '../http/params.js';
import { idOf, idsOf, type IdLike } from '../ids.js';
import type { Page } from '../pagination/page.js';
import { fillPath } from '../http/fill-path.js';

// The notification policy (Mastodon 4.3) and the requests it files: notifications from kinds of
// senders the user filters wait, one request per sender, until accepted or dismissed.

/** Options of `updateNotificationsPolicy`: `accept`, `filter` or `drop` for each kind of sender; only what is given changes. */
export interface UpdateNotificationsPolicyOptions {
  /** Accounts the user does not follow. */
  for_not_following?: NotificationFilterAction;
  /** Accounts that do not follow the user. */
  for_not_followers?: NotificationFilterAction;
  /** Accounts created in the last 30 days. */
  for_new_accounts?: NotificationFilterAction;
  /** Private mentions the user did not start, from accounts the user does not follow. */
  for_private_mentions?: NotificationFilterAction;
  /** Accounts moderators limited. */
  for_limited_accounts?: NotificationFilterAction;
}

const FILTER_ACTIONS: readonly NotificationFilterAction[] = ['accept', 'filter', 'drop'];
const POLICY_FIELDS = ['for_not_following', 'for_not_followers', 'for_new_accounts', 'for_private_mentions', 'for_limited_accounts'] as const;

const byId = (id: IdLike): Params => ({ id: idOf(id) });

function requestIds(ids: IdLike | readonly IdLike[]): Params {
  const list = idsOf(ids, 'ids');
  if (list.length === 0) throw new MastodonIllegalArgumentError('ids must name at least one notification request');
  return { id: list };
}

/**
 * The logged-in user's notification policy: what happens to notifications from each kind of
 * sender, and how many filtered ones wait.
 * @example notificationsPolicy(client).subscribe((p) => console.log(p.for_private_mentions, p.summary.pending_requests_count))
 */
export const notificationsPolicy = /* @__PURE__ */ endpoint('GET /api/v2/notifications/policy', {
  created: '4.3.0', changed: '4.3.0', returns: json<NotificationPolicy>,
});

/**
 * Change the notification policy: `accept`, `filter` (into notification requests) or `drop`
 * for each kind of sender given. Emits the policy.
 * @example updateNotificationsPolicy(client, { for_new_accounts: 'filter', for_limited_accounts: 'drop' }).subscribe((p) => console.log(p.for_new_accounts))
 */
export const updateNotificationsPolicy = /* @__PURE__ */ endpoint('PATCH /api/v2/notifications/policy', {
  created: '4.3.0', changed: '4.3.0', returns: json<NotificationPolicy>,
  options: 0, params: (options?: UpdateNotificationsPolicyOptions): Params => {
    const o = optionsOf(options);
    return Object.fromEntries(POLICY_FIELDS.map((field) => [field, o[field] === undefined ? undefined : oneOf(field, o[field], FILTER_ACTIONS)]));
  },
});

/**
 * The notification requests: one per account whose mentions the policy filtered. Emits one
 * {@link Page}, newest first.
 * @example notificationRequests(client, { limit: 40 }).subscribe((page) => console.log(page.map((r) => r.account.acct)))
 */
export const notificationRequests = /* @__PURE__ */ endpoint('GET /api/v1/notifications/requests', {
  created: '4.3.0', changed: '4.3.0', returns: page<NotificationRequest>, options: 0, params: pageParams,
});

/**
 * One notification request, by id.
 * @example notificationRequest(client, '112456967201894256').subscribe((r) => console.log(r.notifications_count))
 */
export const notificationRequest = /* @__PURE__ */ endpoint('GET /api/v1/notifications/requests/{id}', {
  fillPath, created: '4.3.0', changed: '4.3.0', returns: json<NotificationRequest>, params: byId,
});

/**
 * Accept a request: the account's filtered notifications are merged into the list (in the
 * background: see `notificationsMerged`), and its notifications are never filtered again.
 * @example acceptNotificationRequest(client, request).subscribe()
 */
export const acceptNotificationRequest = /* @__PURE__ */ endpoint('POST /api/v1/notifications/requests/{id}/accept', {
  fillPath, created: '4.3.0', changed: '4.3.0', returns: nothing, params: byId,
});

/**
 * Dismiss a request: its filtered notifications are deleted.
 * @example dismissNotificationRequest(client, request).subscribe()
 */
export const dismissNotificationRequest = /* @__PURE__ */ endpoint('POST /api/v1/notifications/requests/{id}/dismiss', {
  fillPath, created: '4.3.0', changed: '4.3.0', returns: nothing, params: byId,
});

/**
 * Accept several requests at once (sent as `id[]`).
 * @example acceptMultipleNotificationRequests(client, [first, second]).subscribe()
 */
export const acceptMultipleNotificationRequests = /* @__PURE__ */ endpoint('POST /api/v1/notifications/requests/accept', {
  created: '4.3.0', changed: '4.3.0', returns: nothing,
  params: (ids: IdLike | readonly IdLike[]) => requestIds(ids),
});

/**
 * Dismiss several requests at once (sent as `id[]`).
 * @example dismissMultipleNotificationRequests(client, [first, second]).subscribe()
 */
export const dismissMultipleNotificationRequests = /* @__PURE__ */ endpoint('POST /api/v1/notifications/requests/dismiss', {
  created: '4.3.0', changed: '4.3.0', returns: nothing,
  params: (ids: IdLike | readonly IdLike[]) => requestIds(ids),
});

/** The answer behind `notificationsMerged()`: the server's `{"merged": boolean}`. */
export const notificationsMergedRow = /* @__PURE__ */ row('GET /api/v1/notifications/requests/merged', {
  created: '4.3.0', changed: '4.3.0', returns: json<{ merged: boolean }>,
});

/**
 * Whether the requests the user accepted have been merged into the notification list yet:
 * emits `true` once they are (then refetch the notifications), as Mastodon.py returns it. The
 * user stream also says so with a `notifications_merged` event.
 * @example notificationsMerged(client).subscribe((merged) => console.log(merged))
 */
export function notificationsMerged(client: MastodonClient): Observable<boolean> {
  return defer(() => call(client, notificationsMergedRow, []).pipe(map((answer) => answerField(answer, 'merged', 'boolean'))));
}
