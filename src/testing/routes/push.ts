import type { ParsedParams, ParsedValue } from '../params.js';
import type { FakeStore } from '../store.js';
import { FakeHttpError, type FakeRequest, type FakeRoutes } from './types.js';

/** A push subscription as the fake server keeps it: one per access token. */
export interface FakePushSubscription {
  /** A small serial number, as Mastodon's; the API sends it as a JSON number. */
  id: string;
  endpoint: string;
  p256dh: string;
  auth: string;
  alerts: Record<string, boolean>;
  policy: string;
  /** Standard Web Push rather than Mastodon's earlier draft (`subscription[standard]`, 4.4.0+). */
  standard: boolean;
}

const ALERTS = [
  'follow', 'favourite', 'reblog', 'mention', 'poll', 'follow_request', 'status', 'update', 'admin.sign_up', 'admin.report', 'quote',
  'quoted_update',
];
const POLICIES = ['all', 'none', 'follower', 'followed'];
/** A fixed P-256 public key the fake server shows as its own (its VAPID key). */
export const SERVER_KEY = 'BHbaZoDpTM1DFjAELelcIqWMMCXLKayvxGl7bPWlqmggF2tb8t6kiEj8qKrZE1PfF4RxaT46AilrYUDIWgMFmz0=';

/**
 * The push subscriptions of a fake server, by access token.
 * @example fakePushSubscriptions(server.store).get(token)?.endpoint
 */
export function fakePushSubscriptions(store: FakeStore): Map<string, FakePushSubscription> {
  return store.extension('push', () => new Map<string, FakePushSubscription>());
}

function objectOf(value: ParsedValue | undefined): ParsedParams {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : {};
}

function tokenOf(req: FakeRequest): string {
  if (!req.token) throw new FakeHttpError(401, 'The access token is invalid');
  return req.token.token;
}

function readData(req: FakeRequest): { alerts: Record<string, boolean>; policy: string } {
  const data = objectOf(req.body['data']);
  const alerts: Record<string, boolean> = {};
  for (const [name, value] of Object.entries(objectOf(data['alerts']))) {
    if (ALERTS.includes(name) && typeof value === 'string') alerts[name] = ['1', 'true'].includes(value);
  }
  const policy = typeof data['policy'] === 'string' ? data['policy'] : 'all';
  if (!POLICIES.includes(policy)) throw new FakeHttpError(422, 'Validation failed: Policy is not included in the list');
  return { alerts, policy };
}

/** The serial ids of subscriptions (Mastodon's are database ids, sent as JSON numbers). */
function pushState(store: FakeStore): { lastId: number } {
  return store.extension('push-ids', () => ({ lastId: 0 }));
}

/** A subscription as Mastodon serves it: its id a JSON number, as Mastodon sends it. */
function json(subscription: FakePushSubscription): Record<string, unknown> {
  const { id, endpoint, alerts, policy, standard } = subscription;
  return { id: Number(id), endpoint, standard, alerts, policy, server_key: SERVER_KEY };
}

function current(req: FakeRequest, store: FakeStore): FakePushSubscription {
  const subscription = fakePushSubscriptions(store).get(tokenOf(req));
  if (!subscription) throw new FakeHttpError(404, 'Not Found');
  return subscription;
}

/** Web Push subscriptions. */
export const pushRoutes: FakeRoutes = {
  'GET /api/v1/push/subscription': { auth: 'app', handle: (req, { store }) => ({ json: json(current(req, store)) }) },
  'POST /api/v1/push/subscription': {
    auth: 'app',
    handle: (req, { store }) => {
      const subscription = objectOf(req.body['subscription']);
      const keys = objectOf(subscription['keys']);
      const endpoint = subscription['endpoint'];
      if (typeof endpoint !== 'string' || !endpoint.startsWith('https://')) {
        throw new FakeHttpError(422, 'Validation failed: Endpoint is invalid');
      }
      if (typeof keys['p256dh'] !== 'string' || typeof keys['auth'] !== 'string') {
        throw new FakeHttpError(422, "Validation failed: Key p256dh can't be blank, Key auth can't be blank");
      }
      const created: FakePushSubscription = {
        id: String(++pushState(store).lastId), endpoint, p256dh: keys['p256dh'], auth: keys['auth'], ...readData(req),
        standard: ['1', 'true'].includes(typeof subscription['standard'] === 'string' ? subscription['standard'] : ''),
      };
      fakePushSubscriptions(store).set(tokenOf(req), created);
      return { json: json(created) };
    },
  },
  'PUT /api/v1/push/subscription': {
    auth: 'app',
    handle: (req, { store }) => {
      const subscription = current(req, store);
      Object.assign(subscription, readData(req));
      return { json: json(subscription) };
    },
  },
  'DELETE /api/v1/push/subscription': {
    auth: 'app',
    handle: (req, { store }) => {
      fakePushSubscriptions(store).delete(tokenOf(req));
      return { json: {} };
    },
  },
};
