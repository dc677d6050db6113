import type { FakeAccount, FakeStatus, FakeStore } from '../store.js';
import { canSee, inner, social } from './social.js';
import { FakeHttpError, type FakeRequest } from './types.js';
import { filterResults } from '../filters-state.js';

/** A scheduled status as the fake keeps it: the API's JSON and its owner. */
export interface FakeScheduledStatus {
  readonly ownerId: string;
  json: Record<string, unknown>;
}

/** What users did to statuses: favourites, boosts, bookmarks, pins, mutes, votes, edits, schedules. */
export interface StatusState {
  /** account → status → favourite id (the cursor of the favourites page). */
  readonly favourites: Map<string, Map<string, string>>;
  /** account → status → bookmark id. */
  readonly bookmarks: Map<string, Map<string, string>>;
  /** `account>status` → the boost's status id. */
  readonly reblogs: Map<string, string>;
  /** account → statuses whose thread is muted. */
  readonly muted: Map<string, Set<string>>;
  /** account → own statuses pinned to the profile. */
  readonly pinned: Map<string, Set<string>>;
  /** poll id → voter → chosen option indices. */
  readonly votes: Map<string, Map<string, number[]>>;
  /** status id → revisions, the original first (only once edited). */
  readonly history: Map<string, Record<string, unknown>[]>;
  /** scheduled status id → scheduled status. */
  readonly scheduled: Map<string, FakeScheduledStatus>;
}

/** The status interactions of a fake server. */
export function statusState(store: FakeStore): StatusState {
  return store.extension<StatusState>('status-interactions', () => ({
    favourites: new Map(), bookmarks: new Map(), reblogs: new Map(), muted: new Map(),
    pinned: new Map(), votes: new Map(), history: new Map(), scheduled: new Map(),
  }));
}

/** A poll as `viewer` sees it: with their votes, and `expired` as of now. */
export function pollView(store: FakeStore, poll: unknown, viewer: string | undefined): unknown {
  if (typeof poll !== 'object' || poll === null) return null;
  const record = poll as Record<string, unknown>;
  const own = viewer === undefined ? undefined : statusState(store).votes.get(String(record['id']))?.get(viewer);
  const expiresAt = typeof record['expires_at'] === 'string' ? Date.parse(record['expires_at']) : Number.NaN;
  return { ...record, expired: expiresAt <= Date.now(), voted: own !== undefined, own_votes: own ?? [] };
}

/**
 * A status as `viewer` sees it: favourited, reblogged, bookmarked, muted and pinned for them,
 * and `filtered` by the filters of theirs that match it.
 */
export function statusView(store: FakeStore, status: FakeStatus, viewer: string | undefined): Record<string, unknown> {
  const state = statusState(store);
  const id = status.id;
  const reblog = status['reblog'] as FakeStatus | null | undefined;
  return {
    ...status,
    reblog: reblog ? statusView(store, reblog, viewer) : null,
    favourited: viewer !== undefined && (state.favourites.get(viewer)?.has(id) ?? false),
    reblogged: viewer !== undefined && state.reblogs.has(`${viewer}>${id}`),
    bookmarked: viewer !== undefined && (state.bookmarks.get(viewer)?.has(id) ?? false),
    muted: viewer !== undefined && (state.muted.get(viewer)?.has(id) ?? false),
    pinned: viewer !== undefined && viewer === status.account.id && (state.pinned.get(viewer)?.has(id) ?? false),
    poll: pollView(store, status['poll'], viewer),
    filtered: viewer === undefined ? [] : filterResults(store, viewer, status),
  };
}

/** The statuses as the request's user sees them. */
export function statusesView(store: FakeStore, request: FakeRequest, statuses: readonly FakeStatus[]): Record<string, unknown>[] {
  const viewer = request.user?.account.id;
  return statuses.map((status) => statusView(store, status, viewer));
}

/** The status of the request's `{id}` that its user may see, else a 404. */
export function visibleStatus(store: FakeStore, request: FakeRequest, id = request.pathParams['id']): FakeStatus {
  const status = id === undefined ? undefined : store.statusById.get(id);
  if (!status || !canSee(store, status, request.user?.account.id)) throw new FakeHttpError(404, 'Record not found');
  return status;
}

/** Whether `viewer` hides `account` (blocks or mutes it). */
export function hides(store: FakeStore, viewer: string | undefined, account: FakeAccount): boolean {
  if (viewer === undefined) return false;
  const state = social(store);
  return (state.blocks.get(viewer)?.has(account.id) ?? false) || (state.mutes.get(viewer)?.has(account.id) ?? false);
}

/** Records that `accountId` did something to a status, with a fresh record id (for cursors). */
export function mark(store: FakeStore, records: Map<string, Map<string, string>>, accountId: string, statusId: string): boolean {
  const mine = inner(records, accountId);
  if (mine.has(statusId)) return false;
  mine.set(statusId, store.nextId());
  return true;
}
