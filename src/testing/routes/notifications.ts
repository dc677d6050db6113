import { bool, FakeHttpError, list, str, userOf, type FakeRequest, type FakeRoutes } from './types.js';
import { pageReply } from '../paginate.js';
import type { FakeNotification, FakeStore } from '../store.js';
import { notificationJson } from '../notifications-state.js';
import { lastReadId } from './preferences.js';
import { userRoute } from './scoped.js';

function ownNotification(req: FakeRequest, store: FakeStore, id: string | undefined): FakeNotification {
  const me = userOf(req).account.id;
  const found = store.notifications.find((n) => n.id === id && n.recipientId === me);
  if (!found) throw new FakeHttpError(404, 'Record not found');
  return found;
}

function remove(store: FakeStore, notification: FakeNotification): void {
  store.notifications.splice(store.notifications.indexOf(notification), 1);
}

function compareIds(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

/**
 * The request user's notifications that its `types`, `exclude_types`, `account_id` and
 * `include_filtered` select, newest first: what the v1 and v2 lists and unread counts read.
 */
export function selectedNotifications(req: FakeRequest, store: FakeStore): FakeNotification[] {
  const me = userOf(req).account.id;
  const types = list(req.params, 'types');
  const excluded = list(req.params, 'exclude_types');
  const from = str(req.params, 'account_id');
  const withFiltered = bool(req.params, 'include_filtered');
  return store.notifications.filter((n) => n.recipientId === me
    && (withFiltered || !n.filtered)
    && (types.length === 0 || types.includes(n.type))
    && !excluded.includes(n.type)
    && (from === undefined || n.account.id === from)).reverse();
}

/** The selected notifications newer than the user's notifications marker. */
export function unreadNotifications(req: FakeRequest, store: FakeStore): FakeNotification[] {
  const marker = lastReadId(store, userOf(req).account.id, 'notifications');
  return selectedNotifications(req, store).filter((n) => marker === undefined || compareIds(n.id, marker) > 0);
}

/** A `limit` parameter within Mastodon's bounds. */
export function limitOf(req: FakeRequest, fallback: number, max: number): number {
  const requested = Number(str(req.params, 'limit') ?? fallback);
  return Math.min(Math.max(Number.isFinite(requested) ? Math.trunc(requested) : fallback, 1), max);
}

/** Notifications of the logged-in user: list, one, unread count, clear, dismiss (both forms). */
export const notificationRoutes: FakeRoutes = {
  'GET /api/v1/notifications': userRoute('read:notifications', (req, { store }) => {
    const reply = pageReply(req, selectedNotifications(req, store), { defaultLimit: 40, maxLimit: 80, next: 'always' });
    return { ...reply, json: (reply.json as FakeNotification[]).map((n) => notificationJson(store, n)) };
  }),
  'GET /api/v1/notifications/{id}': userRoute('read:notifications', (req, { store }) => ({
    json: notificationJson(store, ownNotification(req, store, req.pathParams['id'])),
  })),
  'GET /api/v1/notifications/unread_count': userRoute('read:notifications', (req, { store }) => ({
    json: { count: Math.min(unreadNotifications(req, store).length, limitOf(req, 100, 1000)) },
  })),
  'POST /api/v1/notifications/clear': userRoute('write:notifications', (req, { store }) => {
    const me = userOf(req).account.id;
    for (const n of store.notifications.filter((x) => x.recipientId === me)) remove(store, n);
    return { json: {} };
  }),
  'POST /api/v1/notifications/{id}/dismiss': userRoute('write:notifications', (req, { store }) => {
    remove(store, ownNotification(req, store, req.pathParams['id']));
    return { json: {} };
  }),
  // The form of servers before 2.9.2: the id in the body.
  'POST /api/v1/notifications/dismiss': userRoute('write:notifications', (req, { store }) => {
    remove(store, ownNotification(req, store, str(req.params, 'id')));
    return { json: {} };
  }),
};
