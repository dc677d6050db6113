import type { MastodonMalformedEventError } from '../errors.js';
import type { Status } from '../entities/status.js';
import type { StreamAnnouncementReaction, StreamAnnouncement, StreamConversation, StreamNotification } from './payloads.js';

interface EventBase<T extends string> {
  /** The discriminant: the event name for known events, `'unknown'` or `'malformed'` otherwise. */
  readonly type: T;
  /** The event name as the server sent it (`status.update`). */
  readonly event: string;
  /**
   * Which subscription the event belongs to, as the WebSocket API names it (`['hashtag', 'cats']`).
   * Streams over SSE carry the name of their one stream.
   */
  readonly stream: readonly string[];
}

/** A new status in the timeline. */
export interface UpdateEvent extends EventBase<'update'> { readonly payload: Status }
/** A status was deleted: its id, kept as the exact string the server sent. */
export interface DeleteEvent extends EventBase<'delete'> { readonly payload: string }
/** A new notification. */
export interface NotificationEvent extends EventBase<'notification'> { readonly payload: StreamNotification }
/** The user's filters changed; refetch them. Carries nothing. */
export interface FiltersChangedEvent extends EventBase<'filters_changed'> { readonly payload: undefined }
/** A direct conversation was updated. */
export interface ConversationEvent extends EventBase<'conversation'> { readonly payload: StreamConversation }
/** An announcement was published. */
export interface AnnouncementEvent extends EventBase<'announcement'> { readonly payload: StreamAnnouncement }
/** An announcement's reactions changed. */
export interface AnnouncementReactionEvent extends EventBase<'announcement.reaction'> { readonly payload: StreamAnnouncementReaction }
/** An announcement was deleted: its id, as a string. */
export interface AnnouncementDeleteEvent extends EventBase<'announcement.delete'> { readonly payload: string }
/** A status was edited: the new version. */
export interface StatusUpdateEvent extends EventBase<'status.update'> { readonly payload: Status }
/** Notifications were merged on the server; refetch them. The payload means nothing. */
export interface NotificationsMergedEvent extends EventBase<'notifications_merged'> { readonly payload: string }
/**
 * An event this library does not know (yet): delivered with its raw `data` and, when the data
 * is JSON, the parsed payload (dates revived).
 */
export interface UnknownEvent extends EventBase<'unknown'> {
  readonly payload: unknown;
  readonly data: string | undefined;
}
/**
 * An event that could not be read (bad JSON for an entity event, a missing field). Delivered
 * in place of the event unless the stream was asked to fail on it (`malformed_events: 'error'`).
 */
export interface MalformedEvent extends EventBase<'malformed'> {
  readonly error: MastodonMalformedEventError;
  readonly data: string | undefined;
}

/** What a {@link GapEvent} knows about the events that may be missing. */
export interface StreamGap {
  /** The kind of event that may be missing: `update`s (a timeline) or `notification`s. */
  readonly kind: 'update' | 'notification';
  /** The newest id the stream had delivered of that kind before the gap, if any. */
  readonly last_id_before: string | undefined;
  /** The first id of that kind delivered live after the gap, if one had come when the notice was given. */
  readonly first_id_after: string | undefined;
  /** Why the REST API could not fill it: its error, a `MastodonReadTimeout` when it took too long. */
  readonly error: unknown;
}

/**
 * A notice from the library, not the server: after a (re)connection, catch-up could not fetch
 * what was published while the stream was away, so events of `payload.kind` may be missing
 * between `last_id_before` and `first_id_after`. Refresh that timeline (or those
 * notifications) through the REST API to fill it. Its `event` is `'gap'`.
 */
export interface GapEvent extends EventBase<'gap'> { readonly payload: StreamGap }

/** Every event a stream emits, discriminated by `type`. */
export type StreamEvent =
  | UpdateEvent | DeleteEvent | NotificationEvent | FiltersChangedEvent | ConversationEvent
  | AnnouncementEvent | AnnouncementReactionEvent | AnnouncementDeleteEvent | StatusUpdateEvent
  | NotificationsMergedEvent | UnknownEvent | MalformedEvent | GapEvent;

/** The event names the library knows: the `type` of their events. */
export type KnownEventName = Exclude<StreamEvent['type'], 'unknown' | 'malformed' | 'gap'>;

/** The event of a given `type`. */
export type StreamEventOf<T extends StreamEvent['type']> = Extract<StreamEvent, { type: T }>;
