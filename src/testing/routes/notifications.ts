import { FakeHttpError, list, str, userOf, type FakeRequest, type FakeRoutes } from './types.js';
import { pageReply } from '../paginate.js';
import type { FakeNotification, FakeStore } from '../store.js';
import { statusView } from './status-state.js';

/** A notification as its recipient sees it, the status it is about included (as the recipient sees it). */
export function notificationJson(store: FakeStore, n: FakeNotification): Record<string, unknown> {
  const { recipientId, status, ...rest } = n;
  return status ? { ...rest, status: statusView(store, status, recipientId) } : rest;
}

function ownNotification(req: FakeRequest, store: FakeStore, id: string | undefined): FakeNotification {
  const me = userOf(req).account.id;
  const found = store.notifications.find((n) => n.id === id && n.recipientId === me);
  if (!found) throw new FakeHttpError(404, 'Record not found');
  return found;
}

function remove(store: FakeStore, notification: FakeNotification): void {
  store.notifications.splice(store.notifications.indexOf(notification), 1);
}

/** Notifications of the logged-in user: list, one, clear, dismiss (both forms). */
export const notificationRoutes: FakeRoutes = {
  'GET /api/v1/notifications': {
    auth: 'user',
    handle: (req, { store }) => {
      const me = userOf(req).account.id;
      const types = list(req.params, 'types');
      const excluded = list(req.params, 'exclude_types');
      const from = str(req.params, 'account_id');
      const mine = store.notifications.filter((n) => n.recipientId === me
        && (types.length === 0 || types.includes(n.type))
        && !excluded.includes(n.type)
        && (from === undefined || n.account.id === from));
      return pageReply(req, mine.reverse().map((n) => notificationJson(store, n)), { next: 'always' });
    },
  },
  'GET /api/v1/notifications/{id}': {
    auth: 'user',
    handle: (req, { store }) => ({ json: notificationJson(store, ownNotification(req, store, req.pathParams['id'])) }),
  },
  'POST /api/v1/notifications/clear': {
    auth: 'user',
    handle: (req, { store }) => {
      const me = userOf(req).account.id;
      for (const n of store.notifications.filter((x) => x.recipientId === me)) remove(store, n);
      return { json: {} };
    },
  },
  'POST /api/v1/notifications/{id}/dismiss': {
    auth: 'user',
    handle: (req, { store }) => {
      remove(store, ownNotification(req, store, req.pathParams['id']));
      return { json: {} };
    },
  },
  // The form of servers before 2.9.2: the id in the body.
  'POST /api/v1/notifications/dismiss': {
    auth: 'user',
    handle: (req, { store }) => {
      remove(store, ownNotification(req, store, str(req.params, 'id')));
      return { json: {} };
    },
  },
};
