import { Subscription } from 'rxjs';
import type { Status } from '../entities/status.js';
import type { StreamEvent, StreamGap } from './events.js';
import type { StreamAnnouncementReaction, StreamAnnouncement, StreamConversation, StreamNotification } from './payloads.js';
import type { MastodonStream } from './stream.js';

/**
 * Mastodon.py-style callbacks for a stream: subclass and override the `on_…` methods you need
 * (an event `status.update` goes to `on_status_update`: dots become underscores). A method
 * named after an event this library does not know works too; other events go to
 * `on_unknown_event`. Attach it with {@link attachListener}.
 *
 * ## Example
 * ```ts
 * class Printer extends StreamListener {
 *   override on_update(status: Status): void { console.log(status.content); }
 * }
 * const handle = attachListener(api.streamUser(), new Printer());
 * ```
 */
export class StreamListener {
  /** A new status. */
  on_update(_status: Status): void {}
  /** A new notification. */
  on_notification(_notification: StreamNotification): void {}
  /** A status was deleted: its id, as a string. */
  on_delete(_status_id: string): void {}
  /** A direct conversation was updated. */
  on_conversation(_conversation: StreamConversation): void {}
  /** A status was edited. */
  on_status_update(_status: Status): void {}
  /** The user's filters changed. */
  on_filters_changed(): void {}
  /** An announcement was published. */
  on_announcement(_announcement: StreamAnnouncement): void {}
  /** An announcement's reactions changed. */
  on_announcement_reaction(_reaction: StreamAnnouncementReaction): void {}
  /** An announcement was deleted: its id. */
  on_announcement_delete(_announcement_id: string): void {}
  /** Catch-up could not fill what the stream missed while away: refresh that timeline (a notice of this library). */
  on_gap(_gap: StreamGap): void {}
  /** An event with no handler here: its name and payload. */
  on_unknown_event(_name: string, _unknown_event?: unknown): void {}
  /** The connection failed (network, stall, refused, malformed event): the error. */
  on_abort(_err: unknown): void {}
  /** A heartbeat arrived. */
  handle_heartbeat(): void {}
}

/** One callback of a {@link CallbackStreamListener}: it receives the event's payload. */
export type Handler<T> = ((value: T) => void) | undefined;

/** The callbacks of a {@link CallbackStreamListener}, as Mastodon.py names them. */
export interface CallbackStreamListenerOptions {
  update_handler?: Handler<Status>;
  /** Updates by local accounts (an `acct` without `@`) also go here. */
  local_update_handler?: Handler<Status>;
  delete_handler?: Handler<string>;
  notification_handler?: Handler<StreamNotification>;
  conversation_handler?: Handler<StreamConversation>;
  unknown_event_handler?: ((name: string, unknown_event?: unknown) => void) | undefined;
  status_update_handler?: Handler<Status>;
  filters_changed_handler?: (() => void) | undefined;
  announcement_handler?: Handler<StreamAnnouncement>;
  announcement_reaction_handler?: Handler<StreamAnnouncementReaction>;
  announcement_delete_handler?: Handler<string>;
  /** Called when catch-up could not fill a gap (a notice of this library, not Mastodon.py's). */
  gap_handler?: Handler<StreamGap>;
  /** Called when the connection fails. */
  abort_handler?: Handler<unknown>;
  heartbeat_handler?: (() => void) | undefined;
}

/**
 * A {@link StreamListener} made of callbacks, one per event.
 *
 * @example attachListener(api.streamPublic(), new CallbackStreamListener({ update_handler: (s) => console.log(s.id) }))
 */
export class CallbackStreamListener extends StreamListener {
  constructor(private readonly handlers: CallbackStreamListenerOptions = {}) {
    super();
  }

  override on_update(status: Status): void {
    this.handlers.update_handler?.(status);
    if (!status.account.acct.includes('@')) this.handlers.local_update_handler?.(status);
  }
  override on_notification(notification: StreamNotification): void { this.handlers.notification_handler?.(notification); }
  override on_delete(status_id: string): void { this.handlers.delete_handler?.(status_id); }
  override on_conversation(conversation: StreamConversation): void { this.handlers.conversation_handler?.(conversation); }
  override on_status_update(status: Status): void { this.handlers.status_update_handler?.(status); }
  override on_filters_changed(): void { this.handlers.filters_changed_handler?.(); }
  override on_announcement(announcement: StreamAnnouncement): void { this.handlers.announcement_handler?.(announcement); }
  override on_announcement_reaction(reaction: StreamAnnouncementReaction): void { this.handlers.announcement_reaction_handler?.(reaction); }
  override on_announcement_delete(id: string): void { this.handlers.announcement_delete_handler?.(id); }
  override on_gap(gap: StreamGap): void { this.handlers.gap_handler?.(gap); }
  override on_unknown_event(name: string, unknown_event?: unknown): void { this.handlers.unknown_event_handler?.(name, unknown_event); }
  override on_abort(err: unknown): void { this.handlers.abort_handler?.(err); }
  override handle_heartbeat(): void { this.handlers.heartbeat_handler?.(); }
}

/** A running listener, as Mastodon.py's `run_async` handle. */
export interface StreamHandle {
  /** Stops listening and closes the connection (if no one else listens). */
  close(): void;
  /** Whether the listener still runs (not closed, not ended by an error). */
  is_alive(): boolean;
  /** Whether the connection is open now (not connecting or waiting to reconnect). */
  is_receiving(): boolean;
}

/** Calls the listener's handler for one event. */
export function dispatchToListener(listener: StreamListener, event: StreamEvent): void {
  if (event.type === 'malformed') {
    listener.on_abort(event.error);
    return;
  }
  const name = event.event;
  const handler = (listener as unknown as Record<string, unknown>)[`on_${name.replace(/\./g, '_')}`];
  if (typeof handler !== 'function' || name === 'unknown_event' || name === 'abort') {
    listener.on_unknown_event(name, event.payload);
  } else if (event.type === 'filters_changed') {
    (handler as () => void).call(listener);
  } else {
    (handler as (payload: unknown) => void).call(listener, event.payload);
  }
}

/**
 * Runs a {@link StreamListener} on a stream, as Mastodon.py's `run_async=True` does, and
 * returns its handle. Reconnecting is the stream's: `api.streamUser()` reconnects with backoff
 * (`reconnect_async=True`; `{ initial_delay: 5, max_delay: 5, jitter: 0 }` waits a fixed 5 s
 * like `reconnect_async_wait_sec=5`); `api.streamUser({ reconnect: false })` stops at the
 * first failure. Each failure reaches `on_abort`.
 *
 * ## Example
 * ```ts
 * const handle = attachListener(api.streamUser(), new CallbackStreamListener({ notification_handler: console.log }));
 * // later
 * if (handle.is_alive()) handle.close();
 * ```
 */
export function attachListener(stream: MastodonStream, listener: StreamListener): StreamHandle {
  let receiving = false;
  const subscription = new Subscription();
  subscription.add(stream.status$.subscribe((status) => {
    receiving = status.state === 'open';
    if (status.state === 'reconnecting') listener.on_abort(status.error);
  }));
  subscription.add(stream.heartbeat$.subscribe(() => listener.handle_heartbeat()));
  subscription.add(stream.subscribe({
    next: (event) => dispatchToListener(listener, event),
    error: (error: unknown) => {
      listener.on_abort(error);
      subscription.unsubscribe();
    },
    complete: () => subscription.unsubscribe(),
  }));
  return {
    close: () => subscription.unsubscribe(),
    is_alive: () => !subscription.closed,
    is_receiving: () => !subscription.closed && receiving,
  };
}
