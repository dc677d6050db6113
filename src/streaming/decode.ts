import { MastodonMalformedEventError } from '../errors.js';
import { reviveEntities } from '../entities/revive.js';
import type { KnownEventName, MalformedEvent, StreamEvent } from './events.js';

type PayloadKind = 'entity' | 'identified' | 'id' | 'none' | 'ignored';

/**
 * How each known event carries its payload: a JSON object (`identified`: one that must carry
 * a string `id`), a bare id string, nothing, or meaningless text.
 */
const PAYLOAD_KINDS: Readonly<Record<KnownEventName, PayloadKind>> = {
  'update': 'identified',
  'status.update': 'identified',
  'notification': 'identified',
  'conversation': 'identified',
  'announcement': 'identified',
  'announcement.reaction': 'entity',
  'delete': 'id',
  'announcement.delete': 'id',
  'filters_changed': 'none',
  'notifications_merged': 'ignored',
};

/** The same table as a Map: one lookup per event tells whether the name is known and how its payload comes. */
const KINDS: ReadonlyMap<string, PayloadKind> = new Map(Object.entries(PAYLOAD_KINDS));

/** What `JSON.parse` gives, or this marker when the text is not JSON. */
const NOT_JSON: unique symbol = Symbol('not JSON');

function malformed(event: string, data: string | undefined, stream: readonly string[], why: string): MalformedEvent {
  const excerpt = data !== undefined && data.length > 200 ? `${data.slice(0, 200)}…` : data;
  const error = new MastodonMalformedEventError(`Malformed ${JSON.stringify(event)} event: ${why} (data: ${JSON.stringify(excerpt)})`);
  return { type: 'malformed', event, stream, data, error };
}

function parseJson(data: string): unknown {
  try {
    return JSON.parse(data) as unknown;
  } catch {
    return NOT_JSON;
  }
}

/** What reviving gives, or why it could not (a payload nested too deeply overflows, say). */
function revived(parsed: unknown): { ok: true; value: unknown } | { ok: false; why: string } {
  try {
    return { ok: true, value: reviveEntities(parsed) };
  } catch (error) {
    return { ok: false, why: `the payload cannot be read (${error instanceof Error ? error.message : String(error)})` };
  }
}

/**
 * Turns one wire event (its name and its `data` text, or the WebSocket `payload`) into a typed
 * {@link StreamEvent}. Entity payloads are parsed with dates revived as REST responses are;
 * `delete` and `announcement.delete` ids stay the exact strings sent; `filters_changed`
 * carries nothing; unknown events come through as `type: 'unknown'`. A payload that cannot
 * be read becomes a `type: 'malformed'` event carrying a `MastodonMalformedEventError`.
 *
 * ## Example
 * ```ts
 * decodeEvent('delete', '109252111498807689', ['public'])
 * // { type: 'delete', event: 'delete', stream: ['public'], payload: '109252111498807689' }
 * ```
 */
export function decodeEvent(event: string, data: string | undefined, stream: readonly string[]): StreamEvent {
  const kind = KINDS.get(event);
  if (kind === undefined) {
    if (data === undefined) return { type: 'unknown', event, stream, data, payload: undefined };
    const parsed = parseJson(data);
    if (parsed === NOT_JSON) return { type: 'unknown', event, stream, data, payload: data };
    const payload = revived(parsed);
    return payload.ok ? { type: 'unknown', event, stream, data, payload: payload.value } : malformed(event, data, stream, payload.why);
  }
  switch (kind) {
    case 'none':
      return { type: 'filters_changed', event, stream, payload: undefined };
    case 'ignored':
      return { type: 'notifications_merged', event, stream, payload: data ?? '' };
    case 'id': {
      const id = data?.trim();
      if (!id) return malformed(event, data, stream, 'missing id');
      return { type: event as 'delete' | 'announcement.delete', event, stream, payload: id };
    }
    case 'entity':
    case 'identified': {
      if (data === undefined) return malformed(event, data, stream, 'missing data');
      const parsed = parseJson(data);
      if (parsed === NOT_JSON) return malformed(event, data, stream, 'data is not JSON');
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
        return malformed(event, data, stream, 'data is not a JSON object');
      }
      const payload = revived(parsed);
      if (!payload.ok) return malformed(event, data, stream, payload.why);
      // Ids sent as numbers are strings by now; anything else is no id.
      const id = (payload.value as { id?: unknown }).id;
      if (kind === 'identified' && (typeof id !== 'string' || id === '')) {
        return malformed(event, data, stream, 'missing id (or not a string)');
      }
      // The entity types are the server's JSON with dates revived; the server is trusted for the rest of the shape.
      return { type: event, event, stream, payload: payload.value } as StreamEvent;
    }
  }
}

/**
 * Reads one WebSocket text frame of the multiplexed API: an event (`{stream, event, payload}`,
 * the payload itself JSON-encoded text), or an error answer to a subscribe
 * (`{error, status}`). A frame that is not JSON is a malformed event.
 *
 * ## Example
 * ```ts
 * decodeSocketFrame('{"stream":["public"],"event":"delete","payload":"109"}')
 * // { kind: 'event', event: { type: 'delete', payload: '109', stream: ['public'], ... } }
 * ```
 */
export function decodeSocketFrame(frame: string): SocketFrame {
  try {
    return readFrame(frame);
  } catch (error) {
    // A hostile frame (`{"error":{"toString":1}}`, a stream name that is no string...) is an unreadable one.
    return { kind: 'event', event: malformed('(frame)', frame, [], `the frame cannot be read (${error instanceof Error ? error.message : String(error)})`) };
  }
}

function readFrame(frame: string): SocketFrame {
  const parsed = parseJson(frame);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return { kind: 'event', event: malformed('(frame)', frame, [], 'the WebSocket frame is not a JSON object') };
  }
  const value = parsed as { stream?: unknown; event?: unknown; payload?: unknown; error?: unknown; status?: unknown };
  if (typeof value.event !== 'string') {
    if (value.error !== undefined) {
      const error = typeof value.error === 'string' ? value.error : JSON.stringify(value.error);
      return { kind: 'error', error, status: typeof value.status === 'number' ? value.status : undefined };
    }
    return { kind: 'event', event: malformed('(frame)', frame, [], 'the frame has no event name') };
  }
  const stream = Array.isArray(value.stream) ? value.stream.map(String) : [];
  let payload: string | undefined;
  try {
    payload = value.payload === undefined || value.payload === null ? undefined
      : typeof value.payload === 'string' ? value.payload : JSON.stringify(value.payload);
  } catch {
    // JSON.stringify recurses: a payload nested thousands deep overflows the stack.
    return { kind: 'event', event: malformed(value.event, frame, stream, 'the payload is nested too deeply to read') };
  }
  return { kind: 'event', event: decodeEvent(value.event, payload, stream) };
}

/** What a WebSocket frame of the multiplexed API says. */
export type SocketFrame =
  | { readonly kind: 'event'; readonly event: StreamEvent }
  | { readonly kind: 'error'; readonly error: string; readonly status: number | undefined };
