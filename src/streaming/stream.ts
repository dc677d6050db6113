import {
  BehaviorSubject, Observable, Subject, defer, identity, share, type OperatorFunction, type SchedulerLike,
} from 'rxjs';
import type { MastodonClient } from '../client/client.js';
import type { BackoffConfig } from './backoff.js';
import { CATCH_UP_WAIT_MS, catchUp, CatchUpState, type CatchUpSource } from './catch-up.js';
import {
  DEFAULT_MAX_EVENT_SIZE, SSE_STALL_SECONDS, streamKey, type ConnectionSignal, type ConnectSettings, type Connector, type StreamTarget,
} from './connection.js';
import type { StreamEvent } from './events.js';
import { reconnectWithBackoff, stallTimeout } from './operators.js';

/** Options of every stream method. */
export interface StreamOptions extends BackoffConfig {
  /**
   * Seconds without a byte (heartbeats included) after which the connection counts as stalled:
   * a `MastodonReadTimeout`, and a reconnect. The defaults follow the server's heartbeats: 45
   * over SSE (a comment every 15 s); over WebSocket 90 where the runtime shows the server's
   * pings (every 30 s; undici's socket, Node's default), and 300 where it hides them (browsers,
   * other socket classes), as there only events show the socket lives. Streams sharing one
   * socket watch it with the shortest timeout among them.
   */
  timeout?: number;
  /** `'sse'` (default) or `'websocket'`: one socket per client carrying all its streams. */
  transport?: 'sse' | 'websocket';
  /** Reconnect after failures, with backoff. Default true. */
  reconnect?: boolean;
  /** Reconnect attempts in a row before giving up. Default: no limit. */
  max_retries?: number;
  /**
   * After each (re)connection, fetch what was published meanwhile through the REST API and emit
   * it, in order, before live events; nothing twice. Best-effort: live events wait 5 s at most,
   * and a gap it cannot fill becomes a `gap` event. Default true for the streams that have a
   * REST timeline (user, public, hashtag, list); the direct stream has none.
   */
  catch_up?: boolean;
  /**
   * The longest SSE line or event, or WebSocket message, in bytes. A longer one drops the
   * connection before it is held in memory; the stream reconnects with backoff and reports
   * the `MastodonNetworkError` on `status$`. Default 4 MiB (4194304).
   */
  max_event_size?: number;
  /**
   * What an event that cannot be read does: `'deliver'` (default) emits it as a
   * `type: 'malformed'` event and the stream goes on; `'error'` ends the stream with its
   * `MastodonMalformedEventError`.
   */
  malformed_events?: 'deliver' | 'error';
}

/**
 * Where a stream's connection is; `reconnecting` says which attempt comes and after what wait,
 * `connecting` with `fallback` that the streaming host could not be looked up.
 */
export type StreamStatus =
  | {
    readonly state: 'connecting';
    /** Set when the instance lookup failed and the stream connects to the API host instead: that host and the failure. */
    readonly fallback?: { readonly host: string; readonly error: unknown };
  }
  | { readonly state: 'open' }
  | { readonly state: 'reconnecting'; readonly attempt: number; readonly delay_ms: number; readonly error: unknown }
  | { readonly state: 'closed'; readonly error?: unknown };

/** How a stream is wired: its target, transport, catch-up lists and the client's scheduler. */
export interface StreamWiring {
  readonly api: MastodonClient;
  readonly target: StreamTarget;
  readonly connect: Connector;
  readonly scheduler: SchedulerLike;
  /** REST lists to catch up from; none turns catch-up off. */
  readonly catchUpSources: readonly CatchUpSource[];
  readonly options: StreamOptions;
  /** Numbers in [0, 1) for the backoff jitter (tests). */
  readonly random?: () => number;
}

/**
 * A hot stream of {@link StreamEvent}s: one connection shared by every subscriber, opened by
 * the first and closed when the last leaves; a later subscriber opens a new one. It reconnects
 * with backoff after failures and stalls and catches up what it missed. `status$` tells where
 * the connection is; `heartbeat$` ticks with each heartbeat.
 *
 * ## Example
 * ```ts
 * const home = api.streamUser();
 * home.status$.subscribe((s) => s.state === 'reconnecting' && console.log(`reconnecting in ${s.delay_ms} ms`));
 * home.pipe(filter((e) => e.type === 'update')).subscribe((e) => console.log(e.payload.content));
 * ```
 */
export class MastodonStream extends Observable<StreamEvent> {
  /** The connection's lifecycle; replays the current state to new subscribers. */
  readonly status$: Observable<StreamStatus>;
  /** Ticks on every heartbeat (SSE comment lines, WebSocket pings where visible). */
  readonly heartbeat$: Observable<void>;
  /** The stream's name (`user`, `hashtag`...) and its tag or list, as the WebSocket API tags events. */
  readonly stream: readonly string[];

  /** @internal Streams are made by the client's stream methods (`api.streamUser()`…). */
  constructor(wiring: StreamWiring) {
    const status = new BehaviorSubject<StreamStatus>({ state: 'closed' });
    const heartbeats = new Subject<void>();
    const shared = sharedEvents(wiring, status, heartbeats);
    super((subscriber) => shared.subscribe(subscriber));
    this.status$ = status.asObservable();
    this.heartbeat$ = heartbeats.asObservable();
    this.stream = streamKey(wiring.target);
  }
}

/**
 * Seconds a connection must stay open, having delivered an event or a heartbeat, before its
 * failure starts the backoff over: a server that accepts and closes at once sees the waits grow.
 */
const HEALTHY_AFTER = 5;

function sharedEvents(wiring: StreamWiring, status: BehaviorSubject<StreamStatus>, heartbeats: Subject<void>): Observable<StreamEvent> {
  const { api, target, connect, scheduler, options } = wiring;
  const stream = streamKey(target);
  const catchingUp = options.catch_up !== false && wiring.catchUpSources.length > 0;
  const recovers = connect.recovers === true;
  const settings: ConnectSettings = {
    maxEventSize: options.max_event_size ?? DEFAULT_MAX_EVENT_SIZE,
    timeout: options.timeout,
    reconnect: { ...options, enabled: options.reconnect !== false, random: wiring.random },
  };

  return defer(() => {
    const state = new CatchUpState(wiring.catchUpSources);
    if (catchingUp) state.begin(api);
    const connection = defer(() => {
      status.next({ state: 'connecting' });
      return connect(target, settings);
    }).pipe(
      // A connector that recovers by itself watches for stalls and reconnects; the stream only listens.
      recovers ? identity : stallTimeout<ConnectionSignal>(options.timeout ?? SSE_STALL_SECONDS, scheduler),
      catchingUp ? catchUp({ ...options, api, state, stream, scheduler, random: wiring.random, waitMs: CATCH_UP_WAIT_MS }) : identity,
    );
    return connection.pipe(
      options.reconnect === false || recovers ? identity : reconnectWithBackoff<ConnectionSignal>({
        ...options,
        scheduler,
        random: wiring.random,
        healthy_after: HEALTHY_AFTER,
        isOpen: (signal) => signal.kind === 'open',
        isHealthy: (signal) => signal.kind === 'event' || signal.kind === 'heartbeat',
        onReconnecting: (attempt, delay_ms, error) => status.next({ state: 'reconnecting', attempt, delay_ms, error }),
      }),
      deliver(status, heartbeats, options.malformed_events === 'error'),
    );
  }).pipe(share());
}

/**
 * The last step of every stream, one layer for what each signal means: an event goes on (a
 * malformed one ends the stream when `failOnMalformed`), `open` and heartbeats go to `status$`
 * and `heartbeat$`, bytes go nowhere; an error or the end of the stream closes `status$`.
 */
function deliver(
  status: BehaviorSubject<StreamStatus>, heartbeats: Subject<void>, failOnMalformed: boolean,
): OperatorFunction<ConnectionSignal, StreamEvent> {
  return (source) => new Observable<StreamEvent>((subscriber) => {
    const fail = (error: unknown): void => {
      status.next({ state: 'closed', error });
      subscriber.error(error);
    };
    const subscription = source.subscribe({
      next: (signal) => {
        if (signal.kind === 'event') {
          if (failOnMalformed && signal.event.type === 'malformed') fail(signal.event.error);
          else subscriber.next(signal.event);
        } else if (signal.kind === 'open') status.next({ state: 'open' });
        else if (signal.kind === 'fallback') status.next({ state: 'connecting', fallback: { host: signal.host, error: signal.error } });
        else if (signal.kind === 'reconnecting') {
          status.next({ state: 'reconnecting', attempt: signal.attempt, delay_ms: signal.delay_ms, error: signal.error });
        }
        else if (signal.kind === 'heartbeat') heartbeats.next();
      },
      error: fail,
      complete: () => subscriber.complete(),
    });
    return () => {
      subscription.unsubscribe();
      if (status.value.state !== 'closed') status.next({ state: 'closed' });
    };
  });
}
