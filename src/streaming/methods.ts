import { concatMap, map, throwError, type Observable } from 'rxjs';
import type { MastodonClient } from '../client/client.js';
import { MastodonIllegalArgumentError } from '../errors.js';
import type { IdLike } from '../ids.js';
import type { Connector } from './connection.js';
import { streamingBaseUrl } from './host.js';
import { sseConnectorOf } from './sse-connection.js';
import { MastodonStream, type StreamOptions } from './stream.js';
import {
  directPlan, hashtagPlan, listPlan, notificationPlan, publicPlan, userPlan, type PublicStreamFilter, type StreamPlan,
} from './targets.js';
import { socketConnector } from './websocket-connection.js';
import { attachListener, StreamListener, type StreamHandle } from './listener.js';
import { streamHealthRow } from './routes.js';
import { fetchResult } from '../http/transport.js';

export * from './routes.js';

function checkOptions(options: StreamOptions): void {
  if (typeof options !== 'object' || options === null) throw new MastodonIllegalArgumentError('Options must be an object');
  if (options.transport !== undefined && options.transport !== 'sse' && options.transport !== 'websocket') {
    throw new MastodonIllegalArgumentError(`Invalid transport ${JSON.stringify(options.transport)}; must be one of sse, websocket`);
  }
  if (options.timeout !== undefined && !(options.timeout > 0)) throw new MastodonIllegalArgumentError('timeout must be a positive number of seconds');
  if (options.max_event_size !== undefined && !(Number.isInteger(options.max_event_size) && options.max_event_size > 0)) {
    throw new MastodonIllegalArgumentError('max_event_size must be a positive whole number of bytes');
  }
  if (options.malformed_events !== undefined && options.malformed_events !== 'deliver' && options.malformed_events !== 'error') {
    throw new MastodonIllegalArgumentError('malformed_events must be deliver or error');
  }
}

function connectorFor(api: MastodonClient, options: StreamOptions): Connector {
  if (options.transport === 'websocket') return socketConnector(api);
  return sseConnectorOf(api);
}

/**
 * Builds the stream of a plan; an argument that can never work fails the stream when it is
 * subscribed, never the call.
 */
function openStream(api: MastodonClient, plan: () => StreamPlan, options: StreamOptions = {}): MastodonStream {
  try {
    checkOptions(options);
    const { target, catchUp } = plan();
    return new MastodonStream({ api, target, connect: connectorFor(api, options), scheduler: api.scheduler, catchUpSources: catchUp, options });
  } catch (error) {
    return new MastodonStream({
      api, target: { name: 'invalid', path: '', query: {} }, connect: () => throwError(() => error),
      scheduler: api.scheduler, catchUpSources: [], options: { reconnect: false },
    });
  }
}

/**
 * Mastodon.py's options of a stream method called with a listener.
 */
export interface ListenerStreamOptions {
  /** Accepted for ported code: nothing blocks here, so a listener always runs asynchronously. */
  run_async?: boolean;
  /** Seconds without a byte after which the connection counts as stalled. Default: 45 over SSE (see {@link StreamOptions}). */
  timeout?: number;
  /** Reconnect after failures instead of ending at the first one. Default false. */
  reconnect_async?: boolean;
  /** Seconds between reconnect attempts. Default 5. */
  reconnect_async_wait_sec?: number;
}

function listenerStreamOptions(options: ListenerStreamOptions | undefined): StreamOptions {
  const o = options ?? {};
  const wait = o.reconnect_async_wait_sec ?? 5;
  return { timeout: o.timeout, reconnect: o.reconnect_async === true, initial_delay: wait, max_delay: wait, jitter: 0 };
}

/** A stream, or with a listener (Mastodon.py's style) the listener attached to it and its handle. */
function streamOrHandle<O extends object>(
  first: StreamListener | (StreamOptions & O) | undefined,
  listenerOptions: (ListenerStreamOptions & O) | undefined,
  open: (options: StreamOptions & Partial<O>) => MastodonStream,
): MastodonStream | StreamHandle {
  if (!(first instanceof StreamListener)) return open(first ?? ({} as StreamOptions & O));
  return attachListener(open({ ...listenerOptions, ...listenerStreamOptions(listenerOptions) } as StreamOptions & Partial<O>), first);
}

/**
 * The user's stream: home timeline statuses, notifications, deletes, edits, announcements,
 * filter changes. Catches up the home timeline and notifications after reconnects. With a
 * {@link StreamListener} first (Mastodon.py's style), attaches it and returns its handle.
 *
 * @example streamUser(client).subscribe((e) => e.type === 'notification' && console.log(e.payload.type))
 */
export function streamUser(client: MastodonClient, options?: StreamOptions): MastodonStream;
export function streamUser(client: MastodonClient, listener: StreamListener, options?: ListenerStreamOptions): StreamHandle;
export function streamUser(client: MastodonClient, first?: StreamListener | StreamOptions, options?: ListenerStreamOptions): MastodonStream | StreamHandle {
  return streamOrHandle(first, options, (o) => openStream(client, userPlan, o));
}

/**
 * The user's notifications, and nothing else of the user's stream (`user:notification`).
 * Catches up notifications after reconnects. With a {@link StreamListener} first, attaches it
 * and returns its handle.
 *
 * @example streamNotifications(client).subscribe((e) => e.type === 'notification' && console.log(e.payload.type))
 */
export function streamNotifications(client: MastodonClient, options?: StreamOptions): MastodonStream;
export function streamNotifications(client: MastodonClient, listener: StreamListener, options?: ListenerStreamOptions): StreamHandle;
export function streamNotifications(client: MastodonClient, first?: StreamListener | StreamOptions, options?: ListenerStreamOptions): MastodonStream | StreamHandle {
  return streamOrHandle(first, options, (o) => openStream(client, notificationPlan, o));
}

/**
 * Public statuses: all known ones, or only `local` or `remote` ones, optionally `only_media`.
 * With a {@link StreamListener} first, attaches it and returns its handle.
 *
 * @example streamPublic(client, { local: true, only_media: true }).subscribe(console.log)
 */
export function streamPublic(client: MastodonClient, options?: StreamOptions & PublicStreamFilter): MastodonStream;
export function streamPublic(client: MastodonClient, listener: StreamListener, options?: ListenerStreamOptions & PublicStreamFilter): StreamHandle;
export function streamPublic(client: MastodonClient, first?: StreamListener | (StreamOptions & PublicStreamFilter), options?: ListenerStreamOptions & PublicStreamFilter): MastodonStream | StreamHandle {
  return streamOrHandle(first, options, (o) => openStream(client, () => publicPlan(o), o));
}

/**
 * Public statuses of this server: `streamPublic({ local: true })`. With a
 * {@link StreamListener} first, attaches it and returns its handle.
 *
 * @example streamLocal(client).subscribe(console.log)
 */
export function streamLocal(client: MastodonClient, options?: StreamOptions & { only_media?: boolean }): MastodonStream;
export function streamLocal(client: MastodonClient, listener: StreamListener, options?: ListenerStreamOptions & { only_media?: boolean }): StreamHandle;
export function streamLocal(client: MastodonClient, first?: StreamListener | (StreamOptions & { only_media?: boolean }), options?: ListenerStreamOptions & { only_media?: boolean }): MastodonStream | StreamHandle {
  return streamOrHandle(first, options, (o) => openStream(client, () => publicPlan({ only_media: o.only_media, local: true }), o));
}

/**
 * Public statuses with a hashtag (without the `#`), of this server only with `local`. With a
 * {@link StreamListener} after the tag, attaches it and returns its handle.
 *
 * @example streamHashtag(client, 'cats', { local: true }).subscribe(console.log)
 */
export function streamHashtag(client: MastodonClient, tag: string, options?: StreamOptions & { local?: boolean }): MastodonStream;
export function streamHashtag(client: MastodonClient, tag: string, listener: StreamListener, options?: ListenerStreamOptions & { local?: boolean }): StreamHandle;
export function streamHashtag(client: MastodonClient, tag: string, first?: StreamListener | (StreamOptions & { local?: boolean }), options?: ListenerStreamOptions & { local?: boolean }): MastodonStream | StreamHandle {
  return streamOrHandle(first, options, (o) => openStream(client, () => hashtagPlan(tag, o.local === true), o));
}

/**
 * Statuses of the members of one of the user's lists. With a {@link StreamListener} after the
 * id, attaches it and returns its handle.
 *
 * @example streamList(client, list).subscribe(console.log)
 */
export function streamList(client: MastodonClient, id: IdLike, options?: StreamOptions): MastodonStream;
export function streamList(client: MastodonClient, id: IdLike, listener: StreamListener, options?: ListenerStreamOptions): StreamHandle;
export function streamList(client: MastodonClient, id: IdLike, first?: StreamListener | StreamOptions, options?: ListenerStreamOptions): MastodonStream | StreamHandle {
  return streamOrHandle(first, options, (o) => openStream(client, () => listPlan(id), o));
}

/**
 * The user's direct conversations (`conversation` events). With a {@link StreamListener}
 * first, attaches it and returns its handle.
 *
 * @example streamDirect(client).subscribe((e) => e.type === 'conversation' && console.log(e.payload.last_status))
 */
export function streamDirect(client: MastodonClient, options?: StreamOptions): MastodonStream;
export function streamDirect(client: MastodonClient, listener: StreamListener, options?: ListenerStreamOptions): StreamHandle;
export function streamDirect(client: MastodonClient, first?: StreamListener | StreamOptions, options?: ListenerStreamOptions): MastodonStream | StreamHandle {
  return streamOrHandle(first, options, (o) => openStream(client, directPlan, o));
}

/**
 * Whether the streaming server answers its health check (`OK`).
 *
 * @example streamHealthy(client).subscribe((ok) => console.log(ok ? 'streaming up' : 'streaming down'))
 */
export function streamHealthy(client: MastodonClient): Observable<boolean> {
  return streamingBaseUrl(client).pipe(
    concatMap((base) => fetchResult<string>(client, { method: streamHealthRow.method, path: `${base}${streamHealthRow.path}`, result: 'text', token: null })),
    map((body) => ['OK', 'success'].includes(body.trim())),
  );
}
