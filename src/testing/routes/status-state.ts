import type { FakeAccount, FakeStatus, FakeStore } from '../store.js';
import { quoteFields } from './quotes.js';
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

/** A poll as `viewer` sees it: `expired` as of now, and for a signed-in viewer their votes. */
export function pollView(store: FakeStore, poll: unknown, viewer: string | undefined): unknown {
  if (typeof poll !== 'object' || poll === null) return null;
  const { voted: _voted, own_votes: _own, ...record } = poll as Record<string, unknown>;
  const expiresAt = typeof record['expires_at'] === 'string' ? Date.parse(record['expires_at']) : Number.NaN;
  const shown: Record<string, unknown> = { ...record, expired: expiresAt <= Date.now() };
  if (viewer === undefined) return shown;
  const own = statusState(store).votes.get(String(record['id']))?.get(viewer);
  return { ...shown, voted: own !== undefined, own_votes: own ?? [] };
}

/** Options of {@link statusView}. */
export interface StatusViewOptions {
  /**
   * The source text in place of the content (`text` instead of `content`), as Mastodon answers
   * a delete, so that the status can be drafted again.
   */
  readonly source?: boolean;
  /** Inside another status's quote: its own quote shows only the quoted status's id. */
  readonly nested?: boolean;
}

/** Whether `viewer` may pin `status`: their own, not a boost, not direct (what `pinned` is shown for). */
function pinnable(status: FakeStatus, viewer: string): boolean {
  return status.account.id === viewer && !status['reblog'] && ['public', 'unlisted', 'private'].includes(status.visibility);
}

/**
 * A status as `viewer` sees it, as Mastodon's status serializer renders it: for a signed-in
 * viewer, whether they favourited, boosted, bookmarked and muted it (and pinned it, on their
 * own pinnable statuses), which filters it matched, and their poll votes; for nobody, none of
 * these. The boosted status is rendered the same way, and its quote (only the quoted status's
 * id when `nested` in another quote).
 */
export function statusView(store: FakeStore, status: FakeStatus, viewer: string | undefined, options: StatusViewOptions = {}): Record<string, unknown> {
  const state = statusState(store);
  const id = status.id;
  const reblog = status['reblog'] as FakeStatus | null | undefined;
  const { content, ...facts } = status;
  const json: Record<string, unknown> = options.source ? { ...facts, text: store.sourceText.get(id) ?? '' } : { ...facts, content };
  if (viewer !== undefined) {
    json['favourited'] = state.favourites.get(viewer)?.has(id) ?? false;
    json['reblogged'] = state.reblogs.has(`${viewer}>${id}`);
    json['muted'] = state.muted.get(viewer)?.has(id) ?? false;
    json['bookmarked'] = state.bookmarks.get(viewer)?.has(id) ?? false;
    if (pinnable(status, viewer)) json['pinned'] = state.pinned.get(viewer)?.has(id) ?? false;
    json['filtered'] = filterResults(store, viewer, status);
  }
  json['reblog'] = reblog ? statusView(store, reblog, viewer, options) : null;
  json['poll'] = pollView(store, status['poll'], viewer);
  return Object.assign(json, quoteFields(store, status, viewer, options.nested ?? false, (quoted) => statusView(store, quoted, viewer, { nested: true })));
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
