import type { FakeAccount, FakeStatus, FakeStore } from '../store.js';
import { FakeHttpError } from './types.js';

/** A record with its own id, which pages use as their cursor (as Mastodon does for follows, mutes...). */
export interface Dated<T> {
  readonly id: string;
  readonly value: T;
}

interface MuteRecord {
  readonly id: string;
  readonly notifications: boolean;
  /** Epoch milliseconds, or null for ever. */
  readonly expiresAt: number | null;
}

/** How a follow was asked for: boosts shown, posts notified, and only some languages (or all: null). */
export interface FollowOptions {
  readonly reblogs: boolean;
  readonly notify: boolean;
  readonly languages?: readonly string[] | null;
}

/** Who follows, blocks, mutes, features and notes whom: the fake's social graph beside `store.follows`. */
export interface SocialState {
  /** `follower>followed` → the follow's id (the cursor of following/followers pages). */
  readonly followIds: Map<string, string>;
  /** `follower>followed` → the follow's options. */
  readonly followOptions: Map<string, FollowOptions>;
  /** target → requester → request id. */
  readonly requests: Map<string, Map<string, string>>;
  /** blocker → blocked → block id. */
  readonly blocks: Map<string, Map<string, string>>;
  /** muter → muted → mute. */
  readonly mutes: Map<string, Map<string, MuteRecord>>;
  /** user → featured accounts, in order. */
  readonly endorsements: Map<string, Set<string>>;
  /** `user>account` → private note. */
  readonly notes: Map<string, string>;
  /** user → blocked domain → block id. */
  readonly domainBlocks: Map<string, Map<string, string>>;
  /** user → accounts no longer suggested. */
  readonly dismissed: Map<string, Set<string>>;
}

/** The social graph of a fake server. */
export function social(store: FakeStore): SocialState {
  return store.extension<SocialState>('social', () => ({
    followIds: new Map(), followOptions: new Map(), requests: new Map(), blocks: new Map(),
    mutes: new Map(), endorsements: new Map(), notes: new Map(), domainBlocks: new Map(), dismissed: new Map(),
  }));
}

/** The inner map of `outer` under `key`, made on first use. */
export function inner<K, V>(outer: Map<string, Map<K, V>>, key: string): Map<K, V> {
  let map = outer.get(key);
  if (!map) outer.set(key, map = new Map());
  return map;
}

/** An account of the fake server by id, else a 404. */
export function accountOr404(store: FakeStore, id: string | undefined): FakeAccount {
  const account = id === undefined ? undefined : store.accountById(id);
  if (!account) throw new FakeHttpError(404, 'Record not found');
  return account;
}

export function follows(store: FakeStore, follower: string, followed: string): boolean {
  return store.follows.get(follower)?.has(followed) ?? false;
}

export function blocks(store: FakeStore, blocker: string, blocked: string): boolean {
  return social(store).blocks.get(blocker)?.has(blocked) ?? false;
}

/** The mute of `muted` by `muter`, unless it has run out. */
export function muteOf(store: FakeStore, muter: string, muted: string): MuteRecord | undefined {
  const mutes = social(store).mutes.get(muter);
  const mute = mutes?.get(muted);
  if (mute?.expiresAt !== null && mute !== undefined && mute.expiresAt <= Date.now()) {
    mutes!.delete(muted);
    return undefined;
  }
  return mute;
}

function domainOf(store: FakeStore, account: FakeAccount): string {
  const at = account.acct.indexOf('@');
  return at >= 0 ? account.acct.slice(at + 1) : new URL(store.baseUrl).host;
}

/** The relationship of `me` with `other`, as the API shows it. */
export function relationshipJson(store: FakeStore, me: string, other: string): Record<string, unknown> {
  const state = social(store);
  const key = `${me}>${other}`;
  const following = follows(store, me, other);
  const mute = muteOf(store, me, other);
  const account = store.accountById(other);
  return {
    id: other,
    following,
    showing_reblogs: following ? state.followOptions.get(key)?.reblogs ?? true : (state.requests.get(other)?.has(me) ?? false),
    notifying: following ? state.followOptions.get(key)?.notify ?? false : false,
    languages: following || state.requests.get(other)?.has(me) ? state.followOptions.get(key)?.languages ?? null : null,
    followed_by: follows(store, other, me),
    blocking: blocks(store, me, other),
    blocked_by: blocks(store, other, me),
    muting: mute !== undefined,
    muting_notifications: mute?.notifications ?? false,
    requested: state.requests.get(other)?.has(me) ?? false,
    domain_blocking: account !== undefined && (state.domainBlocks.get(me)?.has(domainOf(store, account)) ?? false),
    endorsed: state.endorsements.get(me)?.has(other) ?? false,
    note: state.notes.get(key) ?? '',
  };
}

/** Makes `follower` follow `followed` (no request), keeping counts and the follow's options. */
export function addFollow(store: FakeStore, follower: string, followed: string, options: FollowOptions): void {
  const state = social(store);
  const key = `${follower}>${followed}`;
  state.followOptions.set(key, options);
  if (follows(store, follower, followed)) return;
  let set = store.follows.get(follower);
  if (!set) store.follows.set(follower, set = new Set());
  set.add(followed);
  state.followIds.set(key, store.nextId());
  const a = store.accountById(follower);
  const b = store.accountById(followed);
  if (a) a.following_count += 1;
  if (b) b.followers_count += 1;
}

/**
 * Ends a follow, if there is one; also takes the followed account off the follower's
 * endorsements, and tells the listeners (`follow.removed`: lists drop the account).
 */
export function removeFollow(store: FakeStore, follower: string, followed: string): void {
  const state = social(store);
  if (!follows(store, follower, followed)) return;
  store.follows.get(follower)!.delete(followed);
  state.followIds.delete(`${follower}>${followed}`);
  state.endorsements.get(follower)?.delete(followed);
  const a = store.accountById(follower);
  const b = store.accountById(followed);
  if (a) a.following_count -= 1;
  if (b) b.followers_count -= 1;
  store.notify({ type: 'follow.removed', follower, followed });
}

/** The id of a follow edge (its cursor), made for edges that were set up directly in `store.follows`. */
export function followId(store: FakeStore, follower: string, followed: string): string {
  const state = social(store);
  const key = `${follower}>${followed}`;
  let id = state.followIds.get(key);
  if (!id) state.followIds.set(key, id = store.nextId());
  return id;
}

/**
 * The id of `user`'s endorsement of `account` (the cursor of the endorsements page): made on
 * first use, and anew with `renew` (a new endorsement is the latest).
 */
export function endorsementId(store: FakeStore, user: string, account: string, renew = false): string {
  const ids = store.extension('endorsement-ids', () => new Map<string, string>());
  const key = `${user}>${account}`;
  let id = ids.get(key);
  if (id === undefined || renew) ids.set(key, id = store.nextId());
  return id;
}

/** Whether `viewer` may see `status`: public and unlisted to all, private to followers, direct to those mentioned. */
export function canSee(store: FakeStore, status: FakeStatus, viewer: string | undefined): boolean {
  const author = status.account.id;
  if (viewer === author) return true;
  if (viewer !== undefined && blocks(store, author, viewer)) return false;
  switch (status.visibility) {
    case 'public':
    case 'unlisted':
      return true;
    case 'private':
      return viewer !== undefined && (follows(store, viewer, author) || mentions(status, viewer));
    default:
      return viewer !== undefined && mentions(status, viewer);
  }
}

/**
 * Whether a status goes into `viewer`'s home feed, as Mastodon's fan-out puts it there: their
 * own statuses, direct ones included; those of the accounts they follow; of direct statuses,
 * only those that mention them.
 */
export function inHomeFeed(store: FakeStore, viewer: string, status: FakeStatus): boolean {
  const author = status.account.id;
  if (author === viewer) return true;
  return follows(store, viewer, author) && (status.visibility !== 'direct' || mentions(status, viewer));
}

function mentions(status: FakeStatus, accountId: string): boolean {
  return Array.isArray(status['mentions']) && (status['mentions'] as { id: string }[]).some((m) => m.id === accountId);
}
