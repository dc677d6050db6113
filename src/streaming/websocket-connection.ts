import { from, Observable, type SchedulerAction, type Subscriber, type Subscription } from 'rxjs';
import type { MastodonClient } from '../client/client.js';
import { MastodonNetworkError, MastodonReadTimeout } from '../errors.js';
import { backoffDelay } from './backoff.js';
import { isRetryableStreamError } from './operators.js';
import { apiErrorFor } from '../http/response.js';
import {
  BLIND_WEBSOCKET_STALL_SECONDS, BYTES, DEFAULT_MAX_EVENT_SIZE, HEARTBEAT, OPEN, WEBSOCKET_STALL_SECONDS, streamKey, targetUrl,
  type ConnectionSignal, type ConnectSettings, type Connector, type StreamTarget,
} from './connection.js';
import { decodeSocketFrame } from './decode.js';
import { streamingHost } from './host.js';
import { refusalText } from './refusal.js';
import { statusText } from './status-text.js';
import { defaultWebSocket, sendsHeaders, socketExtras } from './runtime-defaults.js';

/** What the multiplexer reads from a socket's message event (a browser's or undici's `MessageEvent`). */
export interface SocketMessageEvent {
  readonly data: unknown;
}

/** What the multiplexer reads from a socket's close event (a browser's or undici's `CloseEvent`). */
export interface SocketCloseEvent {
  readonly code: number;
  readonly reason: string;
}

/**
 * A handler a socket calls with its event. Declared as a method's type, so that sockets whose
 * handlers take the richer DOM or undici events fit, without the declarations needing the DOM lib.
 */
export type SocketEventHandler<E> = { handle(event: E): void }['handle'];

/** The part of the WebSocket API the multiplexer uses; browsers' and undici's sockets have it. */
export interface WebSocketLike {
  readonly readyState: number;
  onopen: SocketEventHandler<unknown> | null;
  onmessage: SocketEventHandler<SocketMessageEvent> | null;
  onerror: SocketEventHandler<unknown> | null;
  onclose: SocketEventHandler<SocketCloseEvent> | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}

/**
 * A WebSocket constructor: the global one (browsers), undici's, or another with the same shape.
 * Injectable for tests and other runtimes.
 */
export type WebSocketConstructor = new (url: string, protocols?: string | string[]) => WebSocketLike;

/** undici's constructor, which also takes `{ headers }` (see `sendsHeaders`) and a dispatcher of its own. */
type HeaderSocketConstructor = new (url: string, init: { headers: Record<string, string>; dispatcher?: unknown }) => WebSocketLike;

/** The close code of a message too big to take (RFC 6455). */
const MESSAGE_TOO_BIG = 1009;

interface Member {
  readonly target: StreamTarget;
  readonly settings: ConnectSettings;
  readonly key: string;
  readonly subscriber: Subscriber<ConnectionSignal>;
  active: boolean;
  heard: boolean;
}

/** Seconds a socket must stay open, having carried a message or a ping, before its failure starts the waits over. */
const HEALTHY_AFTER_MS = 5000;

const OPEN_STATE = 1;

function keyOf(stream: readonly string[]): string {
  return stream.join('\u0000').toLowerCase();
}

function subscribeMessage(type: 'subscribe' | 'unsubscribe', target: StreamTarget): string {
  return JSON.stringify({ type, stream: target.name, tag: target.tag, list: target.list });
}

/** Sockets whose pings undici reports, to count them as heartbeats. */
const socketsByPing = new WeakMap<object, SocketMultiplexer>();
let pingsWatched = false;

function watchPings(): void {
  if (pingsWatched) return;
  pingsWatched = true;
  const getBuiltin = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process?.getBuiltinModule;
  const channels = getBuiltin?.('node:diagnostics_channel') as typeof import('node:diagnostics_channel') | undefined;
  channels?.subscribe('undici:websocket:ping', (message) => {
    const socket = (message as { websocket?: object }).websocket;
    if (socket) socketsByPing.get(socket)?.heartbeat();
  });
}

/**
 * One WebSocket per client carrying all its streams: the first stream to connect opens it,
 * each stream sends its `subscribe` (and `unsubscribe` when it leaves), events are routed by
 * their `stream` array, and the socket closes when the last stream leaves. The socket has one
 * stall watchdog and one backoff: when it fails or stalls, every stream on it hears the same
 * `reconnecting` signal, and when it is back they all subscribe again together (a stream whose
 * options say not to reconnect, or whose `max_retries` are spent, ends instead). A refused
 * handshake is told apart from a network failure by asking the SSE endpoint of the same stream,
 * so a bad token ends in `MastodonUnauthorizedError`.
 */
export class SocketMultiplexer {
  private socket: WebSocketLike | undefined;
  /** Lets go of the connection under the socket. */
  private release: () => void = () => undefined;
  private opening: Subscription | undefined;
  private waiting: Subscription | undefined;
  private watchdog: Subscription | undefined;
  /** Failed attempts in a row, the socket's backoff. */
  private attempt = 0;
  private readonly members = new Set<Member>();
  /** The members as an array, kept until one joins or leaves: each event walks it without a copy. */
  private roster: readonly Member[] | undefined;
  /** The last stream array an event named, and its key: a busy stream names the same one again and again. */
  private lastStream: readonly string[] = [];
  private lastKey = '';
  /** When the socket last carried anything (a message, a ping), for the watchdog. */
  private lastSeen = 0;
  /** When it opened, and whether it carried anything: a socket that proved healthy. */
  private openedAt: number | undefined;
  private carried = false;

  constructor(
    private readonly api: MastodonClient,
    private readonly WebSocketCtor: WebSocketConstructor,
    private readonly fetchImpl: (input: string, init?: RequestInit) => Promise<Response> = (input, init) => fetch(input, init),
  ) {}

  /** Streams on the socket now. */
  get size(): number {
    return this.members.size;
  }

  /** The {@link Connector} of this socket: it reconnects by itself. */
  readonly connect: Connector = Object.assign(
    (target: StreamTarget, settings: ConnectSettings = { maxEventSize: DEFAULT_MAX_EVENT_SIZE }) => new Observable<ConnectionSignal>((subscriber) => {
      const member: Member = { target, settings, key: keyOf(streamKey(target)), subscriber, active: false, heard: false };
      this.members.add(member);
      this.roster = undefined;
      if (this.socket?.readyState === OPEN_STATE) this.activate(member);
      else this.ensureSocket();
      return () => this.leave(member);
    }),
    { recovers: true },
  );

  /** Counts a server ping as a heartbeat of every stream on the socket. */
  heartbeat(): void {
    this.seen();
    for (const member of this.members) member.subscriber.next(HEARTBEAT);
  }

  private seen(): void {
    this.lastSeen = this.api.scheduler.now();
    this.carried = true;
  }

  private ensureSocket(): void {
    if (this.socket || this.opening || this.waiting) return;
    const opening = streamingHost(this.api).subscribe({
      next: (host) => {
        this.opening = undefined;
        if (this.members.size === 0) return;
        if (host.fallback !== undefined) {
          const signal: ConnectionSignal = { kind: 'fallback', host: host.base, error: host.fallback };
          for (const member of this.members) member.subscriber.next(signal);
        }
        try {
          this.openSocket(host.base);
        } catch (error) {
          // A constructor that refuses the URL or the options: the streams' error, not the host's.
          this.failAll(error);
        }
      },
      error: (error: unknown) => {
        this.opening = undefined;
        this.failAll(error);
      },
    });
    // A host already known answers at once: then there is nothing under way to remember.
    if (!opening.closed) this.opening = opening;
  }

  /** Seconds without a message or ping before the socket counts as stalled: the shortest any stream on it asks. */
  private stallMs(): number {
    const fallback = sendsHeaders(this.WebSocketCtor) ? WEBSOCKET_STALL_SECONDS : BLIND_WEBSOCKET_STALL_SECONDS;
    return Math.min(...[...this.members].map((member) => member.settings.timeout ?? fallback)) * 1000;
  }

  private watch(socket: WebSocketLike): void {
    const scheduler = this.api.scheduler;
    const limit = this.stallMs();
    this.lastSeen = scheduler.now();
    const multiplexer = this;
    this.watchdog = scheduler.schedule(function (this: SchedulerAction<undefined>) {
      if (multiplexer.socket !== socket) return;
      const quiet = scheduler.now() - multiplexer.lastSeen;
      if (quiet < limit) this.schedule(undefined, limit - quiet);
      else multiplexer.socketFailed(new MastodonReadTimeout(`No data from the streaming socket for ${limit / 1000} s`));
    }, limit);
  }

  private openSocket(baseUrl: string): void {
    const url = `${baseUrl.replace(/^http/, 'ws')}/api/v1/streaming`;
    const token = this.api.access_token;
    const isUndici = sendsHeaders(this.WebSocketCtor);
    // Several streams may share the socket: it takes the largest message any of them takes.
    const maxEventSize = Math.max(...[...this.members].map((member) => member.settings.maxEventSize));
    const tooBig = (): Error => new MastodonNetworkError(`A message of the streaming socket exceeded ${maxEventSize} bytes (max_event_size)`);
    const headers = { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(this.api.user_agent ? { 'user-agent': this.api.user_agent } : {}) };
    const extras = socketExtras(this.WebSocketCtor, maxEventSize);
    const socket = isUndici ? new (this.WebSocketCtor as unknown as HeaderSocketConstructor)(url, { headers, ...extras.init })
      : token ? new this.WebSocketCtor(url, token) : new this.WebSocketCtor(url);
    this.socket = socket;
    this.release = extras.release;
    this.openedAt = undefined;
    this.carried = false;
    socketsByPing.set(socket, this);
    this.watch(socket);
    socket.onopen = () => {
      this.openedAt = this.api.scheduler.now();
      for (const member of this.members) this.activate(member);
    };
    socket.onmessage = (message) => {
      try {
        const text = String(message.data);
        // Runtimes without a limit of their own have buffered it already; it goes no further.
        if (text.length > maxEventSize) this.socketFailed(tooBig());
        else this.receive(text);
      } catch (error) {
        // Nothing a server sends may throw into the socket's event dispatch.
        this.failAll(error);
      }
    };
    socket.onerror = () => undefined;
    socket.onclose = (event) => {
      if (this.socket !== socket) return;
      if (event.code === MESSAGE_TOO_BIG) {
        this.socketFailed(tooBig());
      } else if (this.openedAt !== undefined) {
        this.socketFailed(new MastodonNetworkError(`Streaming socket closed (${event.code}${event.reason ? ` ${event.reason}` : ''})`));
      } else {
        this.closeSocket();
        const first = [...this.members][0];
        if (!first) return;
        // Until the probe answers, the socket counts as opening: no other attempt starts.
        this.opening = from(this.whyRefused(baseUrl, first.target)).subscribe((error) => {
          this.opening = undefined;
          this.socketFailed(error);
        });
      }
    };
  }

  /**
   * The socket failed: what retrying can cure reconnects every stream on it after one wait of
   * the socket's backoff (the options of its first stream say how long); the rest ends them.
   */
  private socketFailed(error: unknown): void {
    const scheduler = this.api.scheduler;
    const healthy = this.carried && this.openedAt !== undefined && scheduler.now() - this.openedAt >= HEALTHY_AFTER_MS;
    this.closeSocket();
    if (!isRetryableStreamError(error)) {
      this.failAll(error);
      return;
    }
    if (healthy) this.attempt = 0;
    this.attempt += 1;
    const owner = [...this.members][0];
    if (!owner) return;
    const backoff = owner.settings.reconnect ?? { enabled: true };
    const delay_ms = backoffDelay(this.attempt, backoff, backoff.random);
    const signal: ConnectionSignal = { kind: 'reconnecting', attempt: this.attempt, delay_ms, error };
    for (const member of [...this.members]) {
      member.active = false;
      const reconnect = member.settings.reconnect ?? { enabled: true };
      if (!reconnect.enabled || this.attempt > (reconnect.max_retries ?? Infinity)) {
        this.members.delete(member);
        this.roster = undefined;
        member.subscriber.error(error);
      } else {
        member.subscriber.next(signal);
      }
    }
    if (this.members.size === 0) {
      this.shutdown();
      return;
    }
    this.waiting = scheduler.schedule(() => {
      this.waiting = undefined;
      this.ensureSocket();
    }, delay_ms);
  }

  /**
   * Asks the SSE endpoint of the same stream why the socket was refused: its 4xx, or a network
   * error. It follows no redirect: another origin's answer says nothing about this server.
   */
  private async whyRefused(baseUrl: string, target: StreamTarget): Promise<Error> {
    const url = targetUrl(baseUrl, target);
    const abort = new AbortController();
    try {
      const token = this.api.access_token;
      const response = await this.fetchImpl(url.href, {
        headers: token ? { authorization: `Bearer ${token}` } : {}, signal: abort.signal, redirect: 'manual',
      });
      if (response.status >= 400 && response.status < 600) {
        return apiErrorFor({ status: response.status, statusText: statusText(response.status, response.statusText), headers: {}, body: await refusalText(response.body) });
      }
    } catch {
      // The probe failing too says nothing more than the socket did.
    } finally {
      abort.abort();
    }
    return new MastodonNetworkError('The streaming WebSocket could not be opened');
  }

  private activate(member: Member): void {
    if (member.active) return;
    member.active = true;
    const already = [...this.members].some((other) => other !== member && other.active && other.key === member.key);
    if (!already) this.socket?.send(subscribeMessage('subscribe', member.target));
    member.subscriber.next(OPEN);
  }

  private receive(text: string): void {
    this.seen();
    const frame = decodeSocketFrame(text);
    if (frame.kind === 'error') {
      for (const member of this.members) member.subscriber.next(BYTES);
      this.refuse(frame.error, frame.status);
      return;
    }
    // One signal for all the streams the event is for (a frame that names no stream, garbage,
    // reaches every stream as a malformed event); the others hear that bytes came.
    const signal: ConnectionSignal = { kind: 'event', event: frame.event };
    const key = this.keyOf(frame.event.stream);
    this.roster ??= [...this.members];
    for (const member of this.roster) {  // a snapshot: those who join while it is handed out do not get it
      if (key === undefined || member.key === key) {
        member.heard = true;
        member.subscriber.next(signal);
      } else {
        member.subscriber.next(BYTES);
      }
    }
  }

  private keyOf(stream: readonly string[]): string | undefined {
    if (stream.length === 0) return undefined;
    const last = this.lastStream;
    if (stream.length !== last.length || stream.some((part, i) => part !== last[i])) {
      this.lastStream = stream;
      this.lastKey = keyOf(stream);
    }
    return this.lastKey;
  }

  /**
   * An error frame answers a subscribe but does not say which: it goes to the streams its
   * message is about (lists, tags), else to those that have heard nothing yet.
   */
  private refuse(message: string, status: number | undefined): void {
    const about = /list/i.test(message) ? 'list' : /tag/i.test(message) ? 'hashtag' : undefined;
    const concerned = [...this.members].filter((member) => about ? member.target.name.startsWith(about) : !member.heard);
    const code = status ?? 400;
    // Read as a refused SSE request reads: the status, its standard text, the server's message.
    const error = apiErrorFor({ status: code, statusText: statusText(code), headers: {}, body: JSON.stringify({ error: message, status }) });
    for (const member of concerned) member.subscriber.error(error);
  }

  private leave(member: Member): void {
    if (!this.members.delete(member)) return;
    this.roster = undefined;
    const socket = this.socket;
    const still = [...this.members].some((other) => other.key === member.key && other.active);
    if (member.active && !still && socket?.readyState === OPEN_STATE) socket.send(subscribeMessage('unsubscribe', member.target));
    if (this.members.size === 0) this.shutdown();
  }

  /** Closes the socket (not the streams on it), its watchdog with it. */
  private closeSocket(): void {
    this.watchdog?.unsubscribe();
    this.watchdog = undefined;
    const socket = this.socket;
    this.socket = undefined;
    if (socket) {
      socket.onclose = null;
      socket.onmessage = null;
      socket.close(1000);
      this.release();
    }
  }

  /** Closes everything: the socket, a lookup or probe under way, a reconnect wait; the backoff starts over. */
  private shutdown(): void {
    this.opening?.unsubscribe();
    this.opening = undefined;
    this.waiting?.unsubscribe();
    this.waiting = undefined;
    this.attempt = 0;
    this.closeSocket();
  }

  private failAll(error: unknown): void {
    this.shutdown();
    const members = [...this.members];
    this.members.clear();
    this.roster = undefined;
    for (const member of members) member.subscriber.error(error);
  }
}

const multiplexers = new WeakMap<MastodonClient, SocketMultiplexer>();

/**
 * Sets the WebSocket constructor a client's streams use (before its first WebSocket stream).
 * @example useWebSocket(api, MyWebSocket)
 */
export function useWebSocket(api: MastodonClient, WebSocketCtor: WebSocketConstructor): void {
  multiplexers.set(api, new SocketMultiplexer(api, WebSocketCtor));
}

/**
 * The WebSocket {@link Connector} of a client: its one multiplexed socket.
 * @example socketConnector(api)({ name: 'user', path: '/api/v1/streaming/user', query: {} })
 */
export function socketConnector(api: MastodonClient): Connector {
  watchPings();
  let multiplexer = multiplexers.get(api);
  if (!multiplexer) {
    multiplexer = new SocketMultiplexer(api, defaultWebSocket());
    multiplexers.set(api, multiplexer);
  }
  return multiplexer.connect;
}
