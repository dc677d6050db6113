import { concat, defer, EMPTY, Observable, from, type MonoTypeOperatorFunction, type Subscription } from 'rxjs';
import { concatMap, expand, map, takeWhile, tap } from 'rxjs/operators';
import type { Mastodon } from '../client/mastodon.js';
import type { Params } from '../http/params.js';
import type { Page } from '../pagination/page.js';
import { MastodonMalformedEventError } from '../errors.js';
import type { ConnectionSignal } from './connection.js';
import type { StreamEvent } from './events.js';

/** A REST list that holds what a stream would have sent: the home timeline for `update`s, notifications... */
export interface CatchUpSource {
  /** The event the list's items become. */
  readonly event: 'update' | 'notification';
  /** The REST path (`/api/v1/timelines/home`). */
  readonly path: string;
  readonly params?: Params;
}

const PAGE_SIZE = 40;
const REMEMBERED_IDS = 5000;

/** The string id of a REST item or event payload, if it has one. */
function stringId(item: unknown): string | undefined {
  const id = typeof item === 'object' && item !== null ? (item as { id?: unknown }).id : undefined;
  return typeof id === 'string' && id !== '' ? id : undefined;
}

function newer(a: string, b: string | undefined): boolean {
  return b === undefined || a.length > b.length || (a.length === b.length && a > b);
}

/** The last `capacity` ids added, for membership tests: a Set, and a ring that says which id to forget next. */
class RecentIds {
  private readonly ids = new Set<string>();
  private readonly ring: string[] = [];
  private next = 0;

  constructor(private readonly capacity: number) {}

  /** Adds `id` unless it is there; says whether it was new. */
  add(id: string): boolean {
    if (this.ids.has(id)) return false;
    if (this.ring.length < this.capacity) this.ring.push(id);
    else {
      this.ids.delete(this.ring[this.next]!);
      this.ring[this.next] = id;
      this.next = (this.next + 1) % this.capacity;
    }
    this.ids.add(id);
    return true;
  }
}

/**
 * What a stream remembers across reconnects: the newest id seen per catch-up source, and the
 * recent ids delivered, so nothing is emitted twice.
 */
export class CatchUpState {
  private readonly cursors = new Map<string, string>();
  private readonly seen = { update: new RecentIds(REMEMBERED_IDS), notification: new RecentIds(REMEMBERED_IDS) };
  /** Whether the starting cursors were taken. */
  started = false;

  constructor(readonly sources: readonly CatchUpSource[]) {}

  /** The newest id seen for an event, if any. */
  cursor(event: string): string | undefined {
    return this.cursors.get(event);
  }

  /** Moves an event's cursor forward to `id`. */
  advance(event: string, id: string): void {
    if (newer(id, this.cursors.get(event))) this.cursors.set(event, id);
  }

  /**
   * Whether `event` is new (and remembers it); repeats of updates and notifications are not.
   * An event without a string id is passed on and left out of the bookkeeping.
   */
  accept(event: StreamEvent): boolean {
    if (event.type !== 'update' && event.type !== 'notification') return true;
    const id = stringId(event.payload);
    if (id === undefined) return true;
    if (!this.seen[event.type].add(id)) return false;
    this.advance(event.type, id);
    return true;
  }
}

/**
 * Takes each source's newest id before the first connection, so that what is published
 * between subscribing and the connection opening is caught up too. An empty list starts
 * from `0`: everything it gets later is new.
 */
export function takeStartingCursors(api: Mastodon, state: CatchUpState): Observable<never> {
  return defer(() => {
    if (state.started) return EMPTY;
    return from(state.sources).pipe(
      concatMap((source) => api.apiRequest<Page<unknown>>({
        method: 'GET', path: source.path, params: { ...source.params, limit: 1 }, result: 'page',
      }).pipe(tap((page) => state.advance(source.event, page.length === 0 ? '0' : stringId(page[0]) ?? '0')))),
      tap({ complete: () => { state.started = true; } }),
      concatMap(() => EMPTY),
    );
  });
}

/** A REST item as the event it stands for; one without a string id as a malformed event. */
function caughtUpEvent(event: CatchUpSource['event'], item: unknown, stream: readonly string[]): StreamEvent {
  if (stringId(item) !== undefined) return { type: event, event, stream, payload: item } as StreamEvent;
  let data: string | undefined;
  try {
    data = JSON.stringify(item);
  } catch {
    data = undefined;
  }
  const error = new MastodonMalformedEventError(`Malformed ${JSON.stringify(event)} item caught up through the REST API: missing id (or not a string)`);
  return { type: 'malformed', event, stream, data, error };
}

/**
 * Everything published after the cursors, oldest first: each source read forward from its
 * cursor (`min_id`), following the pages' `prev` links until a short page.
 */
export function fetchMissed(api: Mastodon, state: CatchUpState, stream: readonly string[]): Observable<StreamEvent> {
  return concat(...state.sources.map((source) => defer(() => {
    const cursor = state.cursor(source.event);
    if (cursor === undefined) return EMPTY;
    const first = api.apiRequest<Page<unknown>>({
      method: 'GET', path: source.path, params: { ...source.params, min_id: cursor, limit: PAGE_SIZE }, result: 'page',
    });
    return first.pipe(
      expand((page) => page.length < PAGE_SIZE || !page._pagination_prev
        ? EMPTY
        : api.apiRequest<Page<unknown>>({ method: 'GET', path: page._pagination_prev.url, result: 'page' })),
      takeWhile((page) => page.length > 0),
      concatMap((page) => [...page].reverse()),
      map((item) => caughtUpEvent(source.event, item, stream)),
    );
  })));
}

/**
 * Fills the gap of every (re)connection: when the connection opens, live events are held back
 * while what was missed is fetched through the REST API ({@link fetchMissed}); the missed
 * events come first, oldest first, then the held-back ones; events already delivered are
 * dropped. A failed fetch fails the connection, so it is retried with it.
 *
 * ## Example
 * ```ts
 * connect(target).pipe(catchUp(api, state, ['user']))
 * ```
 */
export function catchUp(api: Mastodon, state: CatchUpState, stream: readonly string[]): MonoTypeOperatorFunction<ConnectionSignal> {
  return (source) => new Observable<ConnectionSignal>((subscriber) => {
    let held: StreamEvent[] | undefined;
    let fetching: Subscription | undefined;
    const emit = (event: StreamEvent): void => {
      if (state.accept(event)) subscriber.next({ kind: 'event', event });
    };
    const subscription = source.subscribe({
      next: (signal) => {
        if (signal.kind === 'event') {
          if (held) held.push(signal.event);
          else if (state.accept(signal.event)) subscriber.next(signal);  // the live path: the signal as it came
          return;
        }
        subscriber.next(signal);
        if (signal.kind !== 'open') return;
        held = [];
        fetching = fetchMissed(api, state, stream).subscribe({
          next: emit,
          error: (error: unknown) => subscriber.error(error),
          complete: () => {
            const release = held ?? [];
            held = undefined;
            release.forEach(emit);
          },
        });
      },
      error: (error: unknown) => subscriber.error(error),
      complete: () => subscriber.complete(),
    });
    return () => {
      subscription.unsubscribe();
      fetching?.unsubscribe();
    };
  });
}
