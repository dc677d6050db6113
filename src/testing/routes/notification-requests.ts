import { FakeHttpError, list, str, userOf, type FakeRequest, type FakeRoutes } from './types.js';
import { pageReply } from '../paginate.js';
import type { FakeStore } from '../store.js';
import { statusView } from './status-state.js';
import {
  acceptRequest, dismissRequest, fakeNotifications, filteredFrom, mergedFor, policyOf, POLICY_FIELDS,
  type FakeNotificationRequest, type FakePolicyAction,
} from '../notifications-state.js';
import { userRoute } from './scoped.js';

// The notification policy and the requests it files (Mastodon 4.3).

const ACTIONS: readonly FakePolicyAction[] = ['accept', 'filter', 'drop'];
/** Mastodon counts pending requests up to this many. */
const MAX_MEANINGFUL_COUNT = 100;

function requestsOf(store: FakeStore, me: string): FakeNotificationRequest[] {
  return fakeNotifications(store).requests.filter((r) => r.recipientId === me);
}

function requestJson(store: FakeStore, request: FakeNotificationRequest): Record<string, unknown> {
  const status = request.lastStatusId === null ? undefined : store.statusById.get(request.lastStatusId);
  return {
    id: request.id, created_at: request.created_at, updated_at: request.updated_at,
    notifications_count: String(filteredFrom(store, request.recipientId, request.senderId).length),
    account: store.accountById(request.senderId),
    last_status: status ? statusView(store, status, request.recipientId) : null,
  };
}

function policyJson(store: FakeStore, me: string): Record<string, unknown> {
  const pending = requestsOf(store, me).slice(0, MAX_MEANINGFUL_COUNT);
  return {
    ...policyOf(store, me),
    summary: {
      pending_requests_count: pending.length,
      pending_notifications_count: pending.reduce((sum, r) => sum + filteredFrom(store, me, r.senderId).length, 0),
    },
  };
}

function ownRequest(req: FakeRequest, store: FakeStore): FakeNotificationRequest {
  const found = requestsOf(store, userOf(req).account.id).find((r) => r.id === req.pathParams['id']);
  if (!found) throw new FakeHttpError(404, 'Record not found');
  return found;
}

/** The user's requests named by `id[]`; ids of no request of theirs are passed over, as Mastodon does. */
function namedRequests(req: FakeRequest, store: FakeStore): FakeNotificationRequest[] {
  const ids = list(req.params, 'id');
  return requestsOf(store, userOf(req).account.id).filter((r) => ids.includes(r.id));
}

export const notificationRequestRoutes: FakeRoutes = {
  'GET /api/v2/notifications/policy': userRoute('read:notifications', (req, { store }) => ({ json: policyJson(store, userOf(req).account.id) })),
  'PATCH /api/v2/notifications/policy': userRoute('write:notifications', (req, { store }) => {
    const me = userOf(req).account.id;
    const policy = policyOf(store, me);
    for (const field of POLICY_FIELDS) {
      const value = str(req.params, field);
      if (value === undefined) continue;
      if (!ACTIONS.includes(value as FakePolicyAction)) throw new FakeHttpError(422, `Validation failed: ${field} is not included in the list`);
      policy[field] = value as FakePolicyAction;
    }
    fakeNotifications(store).policies.set(me, policy);
    return { json: policyJson(store, me) };
  }),

  'GET /api/v1/notifications/requests': userRoute('read:notifications', (req, { store }) => {
    const reply = pageReply(req, [...requestsOf(store, userOf(req).account.id)].reverse(), { defaultLimit: 40, maxLimit: 80 });
    return { ...reply, json: (reply.json as FakeNotificationRequest[]).map((r) => requestJson(store, r)) };
  }),
  'GET /api/v1/notifications/requests/merged': userRoute('read:notifications', (req, { store }) => ({
    json: { merged: mergedFor(store, userOf(req).account.id) },
  })),
  'GET /api/v1/notifications/requests/{id}': userRoute('read:notifications', (req, { store }) => ({ json: requestJson(store, ownRequest(req, store)) })),
  'POST /api/v1/notifications/requests/{id}/accept': userRoute('write:notifications', (req, { store }) => {
    acceptRequest(store, ownRequest(req, store));
    return { json: {} };
  }),
  'POST /api/v1/notifications/requests/{id}/dismiss': userRoute('write:notifications', (req, { store }) => {
    dismissRequest(store, ownRequest(req, store));
    return { json: {} };
  }),
  'POST /api/v1/notifications/requests/accept': userRoute('write:notifications', (req, { store }) => {
    for (const request of namedRequests(req, store)) acceptRequest(store, request);
    return { json: {} };
  }),
  'POST /api/v1/notifications/requests/dismiss': userRoute('write:notifications', (req, { store }) => {
    for (const request of namedRequests(req, store)) dismissRequest(store, request);
    return { json: {} };
  }),
};
