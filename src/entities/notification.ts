import type { Account } from './account.js';
import type { Collection } from './collection.js';
import type { Report } from './report.js';
import type { Status } from './status.js';

/**
 * What a notification is about: `mention`, `status` (a followed account posted), `reblog`,
 * `follow`, `follow_request`, `favourite`, `poll` (ended), `update` (a boosted status was
 * edited), `admin.sign_up`, `admin.report`, `severed_relationships` and `moderation_warning`
 * (4.3), `quote` and `quoted_update` (a status the user quoted was edited; 4.5),
 * `added_to_collection` and `collection_update` (4.6).
 */
export type NotificationType =
  | 'follow' | 'follow_request' | 'favourite' | 'reblog' | 'mention' | 'poll' | 'update' | 'status'
  | 'admin.sign_up' | 'admin.report' | 'severed_relationships' | 'moderation_warning' | 'quote' | 'quoted_update'
  | 'added_to_collection' | 'collection_update';

/**
 * Text a server offers for a notification type the client may not know, when the client
 * names the types it supports. Since 4.6.
 * @see https://docs.joinmastodon.org/entities/NotificationFallback/
 */
export interface NotificationFallback {
  /** A localised title, such as "Alice added you to a collection". */
  title: string;
  /** A localised line suggesting the web app for this notification, or null. */
  summary?: string | null;
  /** Localised details to show when the notification is opened, or null. */
  details?: string | null;
}

/** Why follow relationships were cut: a moderator's domain block, the user's domain block, or an account suspension. */
export type RelationshipSeveranceEventType = 'domain_block' | 'user_domain_block' | 'account_suspension';

/**
 * A moderation or block event that removed some of the user's follow relationships. Since 4.3.
 * @see https://docs.joinmastodon.org/entities/RelationshipSeveranceEvent/
 */
export interface RelationshipSeveranceEvent {
  /** The event's id. */
  id: string;
  /** What cut the relationships. */
  type: RelationshipSeveranceEventType | (string & {});
  /** Whether the list of cut relationships is no longer available (purged). */
  purged: boolean;
  /** The blocked domain or suspended account's handle. */
  target_name: string;
  /** How many followers the user lost. */
  followers_count: number;
  /** How many accounts the user no longer follows. */
  following_count: number;
  /** When it happened. */
  created_at: Date;
}

/** What a moderator did to an account. */
export type AccountWarningAction =
  | 'none' | 'disable' | 'mark_statuses_as_sensitive' | 'delete_statuses' | 'sensitive' | 'silence' | 'suspend';

/** Where an appeal stands. */
export type AppealState = 'approved' | 'rejected' | 'pending';

/** An appeal against a moderation decision. Since 4.3. @see https://docs.joinmastodon.org/entities/Appeal/ */
export interface Appeal {
  /** What the user wrote to the moderators. */
  text: string;
  /** Whether moderators approved or rejected it, or have not decided yet. */
  state: AppealState | (string & {});
}

/** A moderation decision against an account, sent to its user. Since 4.3. @see https://docs.joinmastodon.org/entities/AccountWarning/ */
export interface AccountWarning {
  /** The warning's id. */
  id: string;
  /** What was done to the account. */
  action: AccountWarningAction | (string & {});
  /** The moderator's message. */
  text: string;
  /** The statuses concerned (for `mark_statuses_as_sensitive` and `delete_statuses`), or null. */
  status_ids: string[] | null;
  /** The account the decision is about (in a notification: the user's own). */
  target_account: Account;
  /** The user's appeal, or null. */
  appeal: Appeal | null;
  /** When the decision was taken. */
  created_at: Date;
}

/** Something that happened to the logged-in user. @see https://docs.joinmastodon.org/entities/Notification/ */
export interface Notification {
  /** The notification's id. */
  id: string;
  /** What happened; newer servers may send types this list does not know yet. */
  type: NotificationType | (string & {});
  /** Shared by notifications that group together (`ungrouped-{id}` for one alone); treat it as opaque. Since 4.3. */
  group_key?: string;
  /**
   * Present, and true, when the user's notification policy filtered it: such notifications come
   * only when asked for with `include_filtered`. Since 4.3 (the server sends it; the docs do not list it).
   */
  filtered?: boolean;
  /** When it happened. */
  created_at: Date;
  /** The account that caused it (who followed, favourited, mentioned...). */
  account: Account;
  /** The status concerned, for `favourite`, `reblog`, `mention`, `poll`, `update`, `status`, `quote` and `quoted_update` (the user's quote of the edited status). */
  status?: Status | null;
  /** The report concerned, for `admin.report`. */
  report?: Report | null;
  /** The event that cut follow relationships, for `severed_relationships`. Since 4.3. */
  event?: RelationshipSeveranceEvent | null;
  /** The moderation decision, for `moderation_warning`. Since 4.3. */
  moderation_warning?: AccountWarning | null;
  /** The collection concerned, for `added_to_collection` and `collection_update`. Since 4.6. */
  collection?: Collection | null;
  /** Text to show for a type the client did not say it supports. Since 4.6. */
  fallback?: NotificationFallback | null;
}
