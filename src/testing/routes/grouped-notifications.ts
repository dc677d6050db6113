import { FakeHttpError, list, str, userOf, type FakeReply, type FakeRequest, type FakeRoutes } from './types.js';
import type { FakeAccount, FakeNotification, FakeStore } from '../store.js';
import { statusView } from './status-state.js';
import { limitOf, selectedNotifications, unreadNotifications } from './notifications.js';
import { userRoute } from './scoped.js';

// Grouped notifications (API v2, Mastodon 4.3): one group per group key on each page.

const SAMPLE_ACCOUNTS_SIZE = 8;
const CURSORS = ['max_id', 'since_id', 'min_id'];

function compareIds(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

/** The key a notification is grouped under: its own, unless its type is not among `grouped_types`. */
function keyOf(notification: FakeNotification, groupedTypes: readonly string[]): string {
  const grouped = !notification.group_key.startsWith('ungrouped-') && (groupedTypes.length === 0 || groupedTypes.includes(notification.type));
  return grouped ? notification.group_key : `ungrouped-${notification.id}`;
}

/** The notifications of a group of `me`, newest first. */
function membersOf(store: FakeStore, me: string, key: string): FakeNotification[] {
  const members = key.startsWith('ungrouped-')
    ? store.notifications.filter((n) => n.recipientId === me && n.id === key.slice('ungrouped-'.length))
    : store.notifications.filter((n) => n.recipientId === me && !n.filtered && n.group_key === key);
  return members.sort((a, b) => compareIds(b.id, a.id));
}

/** One group; on a page, counted up to the page's newest notification and with the page's bounds. */
interface Group {
  readonly json: Record<string, unknown>;
  readonly accounts: FakeAccount[];
  readonly representative: FakeNotification;
}

function groupOf(store: FakeStore, me: string, representative: FakeNotification, key: string, range?: { min: string; max: string }): Group {
  const members = key.startsWith('ungrouped-') ? [representative] : membersOf(store, me, key);
  const counted = range ? members.filter((n) => compareIds(n.id, range.max) <= 0) : members;
  const newest = counted[0] ?? representative;
  const accounts = [...new Map(counted.slice(0, SAMPLE_ACCOUNTS_SIZE).map((n) => [n.account.id, n.account])).values()];
  const inPage = range ? counted.filter((n) => compareIds(n.id, range.min) >= 0) : [];
  const json: Record<string, unknown> = {
    group_key: key, notifications_count: counted.length, type: representative.type, most_recent_notification_id: newest.id,
    ...(range ? { page_min_id: inPage[inPage.length - 1]?.id ?? newest.id, page_max_id: newest.id, latest_page_notification_at: newest.created_at } : {}),
    sample_account_ids: accounts.map((a) => a.id),
    ...(representative.status ? { status_id: representative.status.id } : {}),
  };
  return { json, accounts, representative };
}

function partialAccount(account: FakeAccount): Record<string, unknown> {
  const { id, acct, url, avatar, avatar_static, locked, bot } = account;
  return { id, acct, url, avatar, avatar_static, locked, bot };
}

/**
 * A `GroupedNotificationsResults`: the groups, their statuses as `me` sees them, and their
 * accounts, in full or (`partial_avatars`) the newest of each group in full and the rest partial.
 */
function resultsJson(store: FakeStore, me: string, groups: readonly Group[], partial: boolean): Record<string, unknown> {
  const unique = (accounts: FakeAccount[]): FakeAccount[] => [...new Map(accounts.map((a) => [a.id, a])).values()];
  const full = unique(partial ? groups.flatMap((g) => g.accounts.slice(0, 1)) : groups.flatMap((g) => g.accounts));
  const rest = unique(groups.flatMap((g) => g.accounts.slice(1))).filter((a) => !full.some((f) => f.id === a.id));
  const statuses = [...new Map(groups.flatMap((g) => (g.representative.status ? [[g.representative.status.id, g.representative.status] as const] : []))).values()];
  return {
    accounts: full,
    ...(partial ? { partial_accounts: rest.map(partialAccount) } : {}),
    statuses: statuses.map((s) => statusView(store, s, me)),
    notification_groups: groups.map((g) => g.json),
  };
}

/**
 * The representatives of one page of groups: within the cursors, the newest notification of
 * each group key (the oldest, reading forward from `min_id`), up to `limit` groups, newest first.
 */
function pageRepresentatives(req: FakeRequest, store: FakeStore, groupedTypes: readonly string[]): { notification: FakeNotification; key: string }[] {
  const maxId = str(req.params, 'max_id');
  const sinceId = str(req.params, 'since_id');
  const minId = str(req.params, 'min_id');
  const window = selectedNotifications(req, store).filter((n) => (maxId === undefined || compareIds(n.id, maxId) < 0)
    && (sinceId === undefined || compareIds(n.id, sinceId) > 0) && (minId === undefined || compareIds(n.id, minId) > 0));
  const limit = limitOf(req, 40, 80);
  const chosen = new Map<string, FakeNotification>();
  for (const notification of minId === undefined ? window : [...window].reverse()) {
    const key = keyOf(notification, groupedTypes);
    if (chosen.has(key)) continue;
    if (chosen.size === limit) break;
    chosen.set(key, notification);
  }
  return [...chosen].map(([key, notification]) => ({ key, notification })).sort((a, b) => compareIds(b.notification.id, a.notification.id));
}

function linkFor(req: FakeRequest, cursor: string, id: string): string {
  const url = new URL(req.url.href);
  for (const name of CURSORS) url.searchParams.delete(name);
  url.searchParams.set(cursor, id);
  return url.href;
}

function groupsPage(req: FakeRequest, store: FakeStore): FakeReply {
  const me = userOf(req).account.id;
  const groupedTypes = list(req.params, 'grouped_types');
  const page = pageRepresentatives(req, store, groupedTypes);
  const range = page.length === 0 ? undefined : { min: page[page.length - 1]!.notification.id, max: page[0]!.notification.id };
  const groups = page.map(({ notification, key }) => groupOf(store, me, notification, key, range));
  const headers: Record<string, string> = range
    ? { link: `<${linkFor(req, 'max_id', range.min)}>; rel="next", <${linkFor(req, 'min_id', range.max)}>; rel="prev"` }
    : {};
  return { json: resultsJson(store, me, groups, (str(req.params, 'expand_accounts') ?? 'full') === 'partial_avatars'), headers };
}

function ownGroup(req: FakeRequest, store: FakeStore): FakeNotification[] {
  const members = membersOf(store, userOf(req).account.id, req.pathParams['group_key'] ?? '');
  if (members.length === 0) throw new FakeHttpError(404, 'Record not found');
  return members;
}

export const groupedNotificationRoutes: FakeRoutes = {
  'GET /api/v2/notifications': userRoute('read:notifications', (req, { store }) => groupsPage(req, store)),
  'GET /api/v2/notifications/unread_count': userRoute('read:notifications', (req, { store }) => {
    const groupedTypes = list(req.params, 'grouped_types');
    const keys = new Set(unreadNotifications(req, store).map((n) => keyOf(n, groupedTypes)));
    return { json: { count: Math.min(keys.size, limitOf(req, 100, 1000)) } };
  }),
  'GET /api/v2/notifications/{group_key}': userRoute('read:notifications', (req, { store }) => {
    const me = userOf(req).account.id;
    const [newest] = ownGroup(req, store);
    return { json: resultsJson(store, me, [groupOf(store, me, newest!, req.pathParams['group_key']!)], false) };
  }),
  'POST /api/v2/notifications/{group_key}/dismiss': userRoute('write:notifications', (req, { store }) => {
    const members = new Set(membersOf(store, userOf(req).account.id, req.pathParams['group_key'] ?? ''));
    store.notifications.splice(0, store.notifications.length, ...store.notifications.filter((n) => !members.has(n)));
    return { json: {} };
  }),
  'GET /api/v2/notifications/{group_key}/accounts': userRoute('write:notifications', (req, { store }) => ({
    json: membersOf(store, userOf(req).account.id, req.pathParams['group_key'] ?? '').map((n) => n.account),
  })),
};
