import type { FakeStore } from '../store.js';

/** One open streaming connection of the fake server, as the fault controls see it. */
export interface FakeStreamConnection {
  /** `sse` or `websocket`. */
  readonly transport: 'sse' | 'websocket';
  /** The stream names it carries (`user`, `hashtag:local`...). */
  readonly streams: () => readonly string[];
  /** Events written so far. */
  eventsSent: number;
  /** Stops writing anything (events and heartbeats) while keeping the socket open. */
  stall(): void;
  /** Writes raw text as it is (SSE) or as one text frame (WebSocket). */
  sendRaw(text: string): void;
  /** Cuts the connection without a goodbye. */
  drop(): void;
}

/** The fault plan and the live connections of the fake streaming server. */
export interface FakeStreamingState {
  /** Milliseconds between `:thump` heartbeats (SSE) and pings (WebSocket). Default 15000. */
  heartbeatMs: number;
  /** Cut every connection after it has sent this many events. */
  dropEvery: number | undefined;
  /** Stall the next connection that has sent this many events (once). */
  stallAfter: number | undefined;
  /** Refuse this many coming connection attempts with `refuseStatus`. */
  refuseCount: number;
  refuseStatus: number;
  /** Open connections. */
  readonly connections: Set<FakeStreamConnection>;
  /** Connections opened since the server started. */
  opened: number;
}

/**
 * Steers the fake server's streams: heartbeat interval and faults (drop connections, stall,
 * send garbage, refuse reconnects), so a client's resilience can be tested against real sockets.
 *
 * ## Example
 * ```ts
 * const control = fakeStreaming(server.store);
 * control.dropEvery(500);
 * control.stallAfter(2000);
 * ```
 */
export class FakeStreamingControl {
  constructor(private readonly state: FakeStreamingState) {}

  /** Heartbeats (SSE `:thump`, WebSocket ping) every `ms` milliseconds from now on. */
  heartbeatEvery(ms: number): this {
    this.state.heartbeatMs = ms;
    return this;
  }

  /** Cut every connection after `events` events (`undefined`: never). */
  dropEvery(events: number | undefined): this {
    this.state.dropEvery = events;
    return this;
  }

  /** The next connection to reach `events` events goes silent (no events, no heartbeats), once. */
  stallAfter(events: number): this {
    this.state.stallAfter = events;
    return this;
  }

  /** Refuse the next `count` connection attempts with HTTP `status` (401 for a revoked token, 503...). */
  refuse(count: number, status = 503): this {
    this.state.refuseCount = count;
    this.state.refuseStatus = status;
    return this;
  }

  /** Stalls every open connection now. */
  stallAll(): void {
    for (const connection of this.state.connections) connection.stall();
  }

  /** Cuts every open connection now. */
  dropAll(): void {
    for (const connection of [...this.state.connections]) connection.drop();
  }

  /** Writes `text` raw to every open connection (garbage, half events...). */
  sendRaw(text: string): void {
    for (const connection of this.state.connections) connection.sendRaw(text);
  }

  /** Open connections now. */
  get openConnections(): number {
    return this.state.connections.size;
  }

  /** Connections opened since the server started. */
  get connectionsOpened(): number {
    return this.state.opened;
  }

  /** The open connections, for finer assertions. */
  get connections(): readonly FakeStreamConnection[] {
    return [...this.state.connections];
  }
}

/** The streaming state of a fake server's store. */
export function streamingState(store: FakeStore): FakeStreamingState {
  return store.extension<FakeStreamingState>('streaming', () => ({
    heartbeatMs: 15000, dropEvery: undefined, stallAfter: undefined, refuseCount: 0, refuseStatus: 503,
    connections: new Set(), opened: 0,
  }));
}

/**
 * The fault controls of a fake server's streams.
 * @example fakeStreaming(server.store).dropEvery(500)
 */
export function fakeStreaming(store: FakeStore): FakeStreamingControl {
  return new FakeStreamingControl(streamingState(store));
}

/**
 * Whether the next connection attempt is refused, and with which status; counts it down.
 * @example const refused = takeRefusal(state); if (refused) return { status: refused, json: { error: '...' } };
 */
export function takeRefusal(state: FakeStreamingState): number | undefined {
  if (state.refuseCount <= 0) return undefined;
  state.refuseCount -= 1;
  return state.refuseStatus;
}

/** Counts one event written on `connection` and applies the drop and stall plans to it. */
export function afterEvent(state: FakeStreamingState, connection: FakeStreamConnection): void {
  connection.eventsSent += 1;
  if (state.stallAfter !== undefined && connection.eventsSent >= state.stallAfter) {
    state.stallAfter = undefined;
    connection.stall();
  } else if (state.dropEvery !== undefined && connection.eventsSent % state.dropEvery === 0) {
    connection.drop();
  }
}
