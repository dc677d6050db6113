import {
  AsyncSubject, concat, defer, EMPTY, Observable, from, throwError, timer,
  type MonoTypeOperatorFunction, type SchedulerLike, type Subscription,
} from 'rxjs';
import { catchError, concatMap, expand, ignoreElements, map, retry, takeWhile, tap } from 'rxjs/operators';
import type { MastodonClient } from '../client/client.js';
import type { Params } from '../http/params.js';
import type { Page } from '../pagination/page.js';
import { MastodonMalformedEventError, MastodonReadTimeout } from '../errors.js';
import { backoffDelay, type BackoffConfig } from './backoff.js';
import type { ConnectionSignal } from './connection.js';
import type { GapEvent, StreamEvent } from './events.js';
import { isRetryableStreamError } from './operators.js';
import { fetchResult } from '../http/transport.js';

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

/**
 * The last `capacity` ids added, for membership tests. Ids mostly come in order, so the common
 * case costs one comparison and one store: an id newer than every one before cannot be a
 * repeat. Only an older one (a repeat, or an event that came late) is looked for, newest first.
 */
class RecentIds {
  private readonly ring: string[] = [];
  private next = 0;
  private newest: string | undefined;

  constructor(private readonly capacity: number) {}

  /** Adds `id` unless it is there; says whether it was new. */
  add(id: string): boolean {
    if (newer(id, this.newest)) this.newest = id;
    else if (this.has(id)) return false;
    if (this.ring.length < this.capacity) this.ring.push(id);
    else {
      this.ring[this.next] = id;
      this.next = (this.next + 1) % this.capacity;
    }
    return true;
  }

  private has(id: string): boolean {
    const { ring } = this;
    // The slot written last is just before `next` once the ring is full, else at the end.
    const last = ring.length < this.capacity ? ring.length - 1 : (this.next + this.capacity - 1) % this.capacity;
    for (let i = last; i >= 0; i--) if (ring[i] === id) return true;
    for (let i = ring.length - 1; i > last; i--) if (ring[i] === id) return true;
    return false;
  }
}

/**
 * What a stream remembers across reconnects: the newest id seen per catch-up source, and the
 * recent ids delivered, so nothing is emitted twice.
 */
export class CatchUpState {
  private readonly cursors = new Map<string, string>();
  private readonly seen = { update: new RecentIds(REMEMBERED_IDS), notification: new RecentIds(REMEMBERED_IDS) };
  /** Done (with no value) once the starting cursors were asked for, whether they came or not. */
  private readonly starting = new AsyncSubject<void>();
  private startingError: unknown;
  private asked = false;

  constructor(readonly sources: readonly CatchUpSource[]) {}

  /**
   * Asks for each source's newest id, when the stream starts and beside its first connection
   * rather than before it: where the first catch-up starts, so that what is published until
   * that connection opens (or, over a WebSocket, until the server has the subscription) is
   * caught up too. Best-effort: a source it cannot ask has no cursor, and its catch-up reports
   * a gap.
   */
  begin(api: MastodonClient): void {
    if (this.asked) return;
    this.asked = true;
    takeStartingCursors(api, this).subscribe({
      error: (error: unknown) => {
        this.startingError = error;
        this.starting.complete();
      },
      complete: () => this.starting.complete(),
    });
  }

  /** Completes once the starting cursors were asked for (at once if {@link begin} was never called). */
  started(): Observable<never> {
    return this.asked ? this.starting.pipe(ignoreElements()) : EMPTY;
  }

  /** Why an event has no cursor: the error of the starting ask, if it failed. */
  noCursorError(event: string): unknown {
    return this.startingError ?? new MastodonReadTimeout(`No starting point to catch ${event} events up from`);
  }

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
export function takeStartingCursors(api: MastodonClient, state: CatchUpState): Observable<never> {
  return from(state.sources).pipe(
    concatMap((source) => fetchResult<Page<unknown>>(api, {
      method: 'GET', path: source.path, params: { ...source.params, limit: 1 }, result: 'page',
    }).pipe(tap((page) => state.advance(source.event, page.length === 0 ? '0' : stringId(page[0]) ?? '0')))),
    ignoreElements(),
  );
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
 * Everything a source published after its cursor, oldest first: read forward from the cursor
 * (`min_id`), following the pages' `prev` links until a short page.
 */
export function fetchMissed(api: MastodonClient, state: CatchUpState, stream: readonly string[], source: CatchUpSource): Observable<StreamEvent> {
  return defer(() => {
    const cursor = state.cursor(source.event);
    if (cursor === undefined) return EMPTY;
    const first = fetchResult<Page<unknown>>(api, {
      method: 'GET', path: source.path, params: { ...source.params, min_id: cursor, limit: PAGE_SIZE }, result: 'page',
    });
    return first.pipe(
      expand((page) => page.length < PAGE_SIZE || !page._pagination_prev
        ? EMPTY
        : fetchResult<Page<unknown>>(api, { method: 'GET', path: page._pagination_prev.url, result: 'page' })),
      takeWhile((page) => page.length > 0),
      concatMap((page) => [...page].reverse()),
      map((item) => caughtUpEvent(source.event, item, stream)),
    );
  });
}

/** How {@link catchUp} fills gaps. */
export interface CatchUpConfig extends BackoffConfig {
  readonly api: MastodonClient;
  readonly state: CatchUpState;
  /** The stream's name, for the events and notices it emits. */
  readonly stream: readonly string[];
  /** Where the waits happen. */
  readonly scheduler: SchedulerLike;
  /** The longest live events are held back while catching up, in ms; then the stream goes live. */
  readonly waitMs: number;
  /** The most live events held back while catching up; one more and the stream goes live. */
  readonly maxHeld?: number;
  /** Numbers in [0, 1) for the jitter of retry waits. */
  readonly random?: () => number;
}

/** The default of {@link CatchUpConfig.waitMs}: live events wait at most 5 s for catch-up. */
export const CATCH_UP_WAIT_MS = 5000;

/**
 * The default of {@link CatchUpConfig.maxHeld}: at most 1,000 live events wait for catch-up, so
 * that a flood while a REST read is slow cannot grow the held events without bound.
 */
export const CATCH_UP_MAX_HELD = 1000;

/**
 * Fills the gap of every (re)connection, best-effort: when the connection opens, live events
 * are held back while what was missed is fetched through the REST API ({@link fetchMissed}),
 * oldest first, failed reads retried after the stream's backoff waits; then the held-back
 * events follow, and nothing is delivered twice. Live events wait `waitMs` at most, and no more
 * than `maxHeld` of them wait: a source that failed for good, or is not done by then, gets a
 * {@link GapEvent} notice (with the last id before, if one came the first id after, and its last
 * failure, or a `MastodonReadTimeout` when it just took too long), and the stream goes live. A connection lost while catching up
 * lets go of the held events of the kinds it reads (the next catch-up fetches them, or notices
 * the gap) and delivers the others. Catch-up never fails,
 * stalls or reconnects the connection. The first connection catches up from the starting
 * cursors ({@link CatchUpState.begin}).
 *
 * ## Example
 * ```ts
 * connect(target).pipe(catchUp({ api, state, stream: ['user'], scheduler: asyncScheduler, waitMs: 5000 }))
 * ```
 */
export function catchUp(config: CatchUpConfig): MonoTypeOperatorFunction<ConnectionSignal> {
  const { state, stream, scheduler } = config;
  const maxHeld = config.maxHeld ?? CATCH_UP_MAX_HELD;
  return (source) => new Observable<ConnectionSignal>((subscriber) => {
    let held: StreamEvent[] | undefined;
    let fetching: Subscription | undefined;
    let deadline: Subscription | undefined;
    const emit = (event: StreamEvent): void => {
      if (state.accept(event)) subscriber.next({ kind: 'event', event });
    };

    /**
     * Delivers the held events, after a notice for each source not filled. When the connection
     * was lost (`interrupted`), the held events of the kinds catch-up reads are let go instead,
     * cursors unmoved: the next connection's catch-up fetches them, in order, or notices the gap.
     */
    const goLive = (unfilled: ReadonlyMap<CatchUpSource['event'], unknown>, before: ReadonlyMap<string, string | undefined>, interrupted: boolean): void => {
      fetching?.unsubscribe();
      deadline?.unsubscribe();
      const release = held ?? [];
      held = undefined;
      if (interrupted) {
        for (const event of release) if (!state.sources.some((source) => source.event === event.type)) emit(event);
        return;
      }
      for (const [kind, error] of unfilled) {
        const after = release.find((event) => event.type === kind && stringId(event.payload) !== undefined);
        const gap: GapEvent = {
          type: 'gap', event: 'gap', stream,
          payload: { kind, last_id_before: before.get(kind), first_id_after: after && stringId((after as { payload: unknown }).payload), error },
        };
        subscriber.next({ kind: 'event', event: gap });
      }
      release.forEach(emit);
    };

    /** Ends the catch-up of this connection: what is not filled by now (with `error` for what is still running) gets a notice. */
    let finish: ((error: unknown, interrupted?: boolean) => void) | undefined;
    /** More live events came than may wait: catch-up ends as at its deadline. */
    let overflow = (): void => undefined;
    const start = (): void => {
      held = [];
      const before = new Map(state.sources.map((s) => [s.event, state.cursor(s.event)] as const));
      // Until a source is done, it is unfilled: by the deadline, by its error.
      const unfilled = new Map<CatchUpSource['event'], unknown>(state.sources.map((s) => [s.event, undefined]));
      // The last failure of a source still retrying: what its notice says if the deadline comes first.
      const lastFailure = new Map<CatchUpSource['event'], unknown>();
      const fill = concat(...state.sources.map((source) => readSource(config, source, (error) => lastFailure.set(source.event, error)).pipe(
        tap({ complete: () => unfilled.delete(source.event) }),
        catchError((error: unknown) => {
          unfilled.set(source.event, error);
          return EMPTY;
        }),
      )));
      finish = (error, interrupted = false) => {
        finish = undefined;
        for (const [kind, why] of unfilled) if (why === undefined) unfilled.set(kind, error);
        goLive(unfilled, before, interrupted);
      };
      const giveUp = (late: MastodonReadTimeout): void => {
        for (const [kind, why] of unfilled) if (why === undefined) unfilled.set(kind, lastFailure.get(kind) ?? late);
        finish?.(late);
      };
      overflow = () => giveUp(new MastodonReadTimeout(`Catch-up was not done when ${maxHeld} live events were waiting; the stream went live`));
      deadline = scheduler.schedule(() => giveUp(new MastodonReadTimeout(`Catch-up took longer than ${config.waitMs / 1000} s; the stream went live`)), config.waitMs);
      fetching = concat(state.started(), fill).subscribe({ next: emit, complete: () => finish?.(undefined) });
    };

    /** The connection is lost: its catch-up ends. */
    const lost = (error: unknown): void => finish?.(error, true);

    const subscription = source.subscribe({
      next: (signal) => {
        if (signal.kind === 'event') {
          if (held) {
            held.push(signal.event);
            if (held.length > maxHeld) overflow();
          }
          else if (state.accept(signal.event)) subscriber.next(signal);  // the live path: the signal as it came
          return;
        }
        if (signal.kind === 'reconnecting') lost(signal.error);  // a connector that reconnects by itself lost its connection
        subscriber.next(signal);
        if (signal.kind === 'open' && !held) start();
      },
      error: (error: unknown) => {
        lost(error);
        subscriber.error(error);
      },
      complete: () => subscriber.complete(),
    });
    return () => {
      subscription.unsubscribe();
      fetching?.unsubscribe();
      deadline?.unsubscribe();
    };
  });
}

/**
 * What one source missed since its cursor, failed reads retried after the backoff waits
 * (a refusal that retrying cannot cure, a 404 say, ends it at once); no cursor is an error.
 */
function readSource(config: CatchUpConfig, source: CatchUpSource, onRetry: (error: unknown) => void): Observable<StreamEvent> {
  const { api, state, stream, scheduler } = config;
  return defer(() => state.cursor(source.event) === undefined
    ? throwError(() => state.noCursorError(source.event))
    : fetchMissed(api, state, stream, source).pipe(retry({
      delay: (error: unknown, attempt: number) => {
        if (!isRetryableStreamError(error)) return throwError(() => error);
        onRetry(error);
        return timer(backoffDelay(attempt, config, config.random), scheduler);
      },
    })));
}
