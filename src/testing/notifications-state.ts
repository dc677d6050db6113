import type { FakeAccount, FakeNotification, FakeStatus, FakeStore } from './store.js';
import { hiddenByFilter } from './filters-state.js';
import { fakeAdmin } from './routes/admin-state.js';
import { blocks, followId, follows, muteOf } from './routes/social.js';
import { statusState, statusView } from './routes/status-state.js';

/** What a notification policy does with notifications from one kind of sender. */
export type FakePolicyAction = 'accept' | 'filter' | 'drop';

/** A user's notification policy, by kind of sender. */
export interface FakeNotificationPolicy {
  for_not_following: FakePolicyAction;
  for_not_followers: FakePolicyAction;
  for_new_accounts: FakePolicyAction;
  for_private_mentions: FakePolicyAction;
  for_limited_accounts: FakePolicyAction;
}

/** The policy fields, in the order Mastodon weighs them. */
export const POLICY_FIELDS: readonly (keyof FakeNotificationPolicy)[] = [
  'for_not_following', 'for_not_followers', 'for_new_accounts', 'for_private_mentions', 'for_limited_accounts',
];

/** A notification request: the filtered mentions from one account to one user. */
export interface FakeNotificationRequest {
  id: string;
  recipientId: string;
  senderId: string;
  created_at: string;
  updated_at: string;
  /** The newest filtered mention's status. */
  lastStatusId: string | null;
}

/** The notification policies, requests and permissions of a fake server. */
export interface FakeNotificationsState {
  /** Policies by account; an account without one has Mastodon's defaults. */
  readonly policies: Map<string, FakeNotificationPolicy>;
  /** Every pending request, oldest first. */
  readonly requests: FakeNotificationRequest[];
  /** recipient → senders whose notifications the recipient accepted: never filtered or dropped again. */
  readonly permissions: Map<string, Set<string>>;
  /**
   * When true, accepted requests wait to be merged until {@link releaseMerges}, so that a test can
   * see `notifications/requests/merged` answer false; merges run at once otherwise.
   */
  holdMerges: boolean;
  /** Merges waiting while `holdMerges` is true: recipient and sender. */
  readonly pendingMerges: { recipientId: string; senderId: string }[];
}

/** Mastodon's policy for a user who never set one (4.3): private mentions and limited accounts filtered. */
export const DEFAULT_POLICY: Readonly<FakeNotificationPolicy> = {
  for_not_following: 'accept', for_not_followers: 'accept', for_new_accounts: 'accept',
  for_private_mentions: 'filter', for_limited_accounts: 'filter',
};

const NEW_ACCOUNT_MS = 30 * 24 * 3600 * 1000;
/** A follower of fewer days than this counts as not following yet, as in Mastodon. */
const NEW_FOLLOWER_MS = 3 * 24 * 3600 * 1000;

/** Types a policy may filter; the others always come through. */
const FILTERABLE_TYPES = ['mention', 'reblog', 'follow', 'follow_request', 'favourite', 'quote'];

/**
 * The notification policies, requests and permissions of a fake server: change them to set up
 * a test (a policy, merges held back).
 * @example fakeNotifications(server.store).policies.set(alice.id, { ...DEFAULT_POLICY, for_new_accounts: 'filter' });
 */
export function fakeNotifications(store: FakeStore): FakeNotificationsState {
  return store.extension<FakeNotificationsState>('notification-policy', () => ({
    policies: new Map(), requests: [], permissions: new Map(), holdMerges: false, pendingMerges: [],
  }));
}

/** The policy of `accountId`: theirs, or Mastodon's defaults. */
export function policyOf(store: FakeStore, accountId: string): FakeNotificationPolicy {
  return fakeNotifications(store).policies.get(accountId) ?? { ...DEFAULT_POLICY };
}

/**
 * Whether `followerId` has followed `followedId` for three days or more. The follow's id is a
 * snowflake of when it was made (a follow set up straight in `store.follows` gets one now).
 */
function followedForThreeDays(store: FakeStore, followerId: string, followedId: string): boolean {
  if (!follows(store, followerId, followedId)) return false;
  const id = followId(store, followerId, followedId);
  const since = /^\d+$/.test(id) ? Number(BigInt(id) >> 16n) : Date.now();
  return Date.now() - since >= NEW_FOLLOWER_MS;
}

/**
 * Which kinds of sender `sender` is for `recipient`, by policy field, as Mastodon's NotifyService
 * reads them: new accounts and limited ones only when the recipient does not follow them, and a
 * follower of fewer than three days not yet a follower.
 */
function senderKinds(store: FakeStore, type: string, recipientId: string, sender: FakeAccount, status: FakeStatus | undefined): Set<keyof FakeNotificationPolicy> {
  const kinds = new Set<keyof FakeNotificationPolicy>();
  const notFollowing = !follows(store, recipientId, sender.id);
  if (notFollowing) kinds.add('for_not_following');
  if (!followedForThreeDays(store, sender.id, recipientId)) kinds.add('for_not_followers');
  if (notFollowing && Date.now() - Date.parse(sender.created_at) < NEW_ACCOUNT_MS) kinds.add('for_new_accounts');
  const inResponse = status?.['in_reply_to_account_id'] === recipientId;
  if (notFollowing && type === 'mention' && status?.visibility === 'direct' && !inResponse) kinds.add('for_private_mentions');
  if (notFollowing && fakeAdmin(store).moderation.get(sender.id)?.silenced) kinds.add('for_limited_accounts');
  return kinds;
}

/** How far up a staff role stands; a user without one stands below every staff role. */
const ROLE_POSITIONS: Readonly<Record<string, number>> = { Moderator: 10, Admin: 100, Owner: 1000 };

/** Whether `sender` holds a staff role above the recipient's: their mentions pass blocks, mutes and the policy. */
function fromStaff(store: FakeStore, recipientId: string, sender: FakeAccount): boolean {
  const moderation = fakeAdmin(store).moderation;
  const position = (id: string): number => ROLE_POSITIONS[moderation.get(id)?.role ?? ''] ?? -1;
  return position(sender.id) > position(recipientId);
}

/**
 * Whether Mastodon would make no notification at all, whatever the policy: blocks, mutes,
 * muted threads, hide filters; a staff member's mention passes them all.
 */
function dismissed(store: FakeStore, type: string, recipientId: string, sender: FakeAccount, status: FakeStatus | undefined): boolean {
  if (recipientId === sender.id && type !== 'poll') return true;
  if (type === 'mention' && fromStaff(store, recipientId, sender)) return false;
  if (blocks(store, recipientId, sender.id) || muteOf(store, recipientId, sender.id)?.notifications) return true;
  if (status && (statusState(store).muted.get(recipientId)?.has(status.id) ?? false)) return true;
  return type === 'mention' && status !== undefined && hiddenByFilter(store, recipientId, status, 'notifications');
}

/**
 * What Mastodon's NotifyService does with a new notification: none when the recipient blocks or
 * mutes the sender, muted the thread, or a hide filter of the notifications context matches the
 * mention; none either when the policy drops this kind of sender; kept out of sight (filtered)
 * when the policy filters it, a filtered mention making or updating the sender's notification
 * request; otherwise a notification, streamed. Senders whose request the recipient accepted pass,
 * and so do mentions by staff whose role stands above the recipient's.
 *
 * ## Example
 * ```ts
 * deliverNotification(server.store, 'mention', bob.id, alice, status);  // undefined when dropped
 * ```
 */
export function deliverNotification(store: FakeStore, type: string, recipientId: string, sender: FakeAccount, status?: FakeStatus): FakeNotification | undefined {
  if (dismissed(store, type, recipientId, sender, status)) return undefined;
  let filtered = false;
  const permitted = fakeNotifications(store).permissions.get(recipientId)?.has(sender.id) ?? false;
  const staffMention = type === 'mention' && fromStaff(store, recipientId, sender);
  if (FILTERABLE_TYPES.includes(type) && !permitted && !staffMention) {
    const policy = policyOf(store, recipientId);
    const actions = [...senderKinds(store, type, recipientId, sender, status)].map((kind) => policy[kind]);
    if (actions.includes('drop')) return undefined;
    filtered = actions.includes('filter');
  }
  const notification = store.addNotification(type, recipientId, sender, status, { filtered });
  if (filtered && type === 'mention' && status) recordRequest(store, recipientId, sender.id, status.id, notification.created_at);
  return notification;
}

function recordRequest(store: FakeStore, recipientId: string, senderId: string, statusId: string, at: string): void {
  const state = fakeNotifications(store);
  const existing = state.requests.find((r) => r.recipientId === recipientId && r.senderId === senderId);
  if (existing) {
    existing.lastStatusId = statusId;
    existing.updated_at = at;
    return;
  }
  state.requests.push({ id: store.nextId(), recipientId, senderId, created_at: at, updated_at: at, lastStatusId: statusId });
}

/** The filtered notifications from `senderId` to `recipientId`. */
export function filteredFrom(store: FakeStore, recipientId: string, senderId: string): FakeNotification[] {
  return store.notifications.filter((n) => n.filtered && n.recipientId === recipientId && n.account.id === senderId);
}

/** Moves the filtered notifications from a sender into the recipient's list, and tells their streams. */
function merge(store: FakeStore, recipientId: string, senderId: string): void {
  for (const notification of filteredFrom(store, recipientId, senderId)) notification.filtered = false;
  store.notify({ type: 'notifications.merged', accountId: recipientId });
}

/**
 * Accepts a request as Mastodon does: the sender's notifications are never filtered again, the
 * filtered ones are merged into the list (at once, or when merges are released), and the
 * request goes.
 */
export function acceptRequest(store: FakeStore, request: FakeNotificationRequest): void {
  const state = fakeNotifications(store);
  let permitted = state.permissions.get(request.recipientId);
  if (!permitted) state.permissions.set(request.recipientId, permitted = new Set());
  permitted.add(request.senderId);
  state.requests.splice(state.requests.indexOf(request), 1);
  if (state.holdMerges) state.pendingMerges.push({ recipientId: request.recipientId, senderId: request.senderId });
  else merge(store, request.recipientId, request.senderId);
}

/** Dismisses a request: its filtered notifications are deleted, and the request goes. */
export function dismissRequest(store: FakeStore, request: FakeNotificationRequest): void {
  const state = fakeNotifications(store);
  for (const notification of filteredFrom(store, request.recipientId, request.senderId)) {
    store.notifications.splice(store.notifications.indexOf(notification), 1);
  }
  state.requests.splice(state.requests.indexOf(request), 1);
}

/**
 * Runs the merges that `holdMerges` kept waiting.
 * @example releaseMerges(server.store)
 */
export function releaseMerges(store: FakeStore): void {
  const state = fakeNotifications(store);
  for (const { recipientId, senderId } of state.pendingMerges.splice(0)) merge(store, recipientId, senderId);
}

/** Whether every accepted request of `recipientId` has been merged. */
export function mergedFor(store: FakeStore, recipientId: string): boolean {
  return !fakeNotifications(store).pendingMerges.some((m) => m.recipientId === recipientId);
}

/** A notification as the API shows it to its recipient: its status as they see it, `filtered` only when true. */
export function notificationJson(store: FakeStore, notification: FakeNotification): Record<string, unknown> {
  const { recipientId, status, filtered, ...shown } = notification;
  return {
    ...shown,
    ...(status ? { status: statusView(store, status, recipientId) } : {}),
    ...(filtered ? { filtered: true } : {}),
  };
}
