import type { Account, PartialAccountWithAvatar } from './account.js';
import type { AccountWarning, NotificationFallback, NotificationType, RelationshipSeveranceEvent } from './notification.js';
import type { Report } from './report.js';
import type { Status } from './status.js';

/**
 * Notifications of one kind about one thing, grouped (such as every favourite of one status).
 * Accounts and statuses are referenced by id; their entities come in the enclosing
 * `GroupedNotificationsResults`. Since 4.3.
 * @see https://docs.joinmastodon.org/entities/GroupedNotificationsResults/#NotificationGroup
 */
export interface NotificationGroup {
  /** Identifies the group; treat it as opaque. */
  group_key: string;
  /** How many notifications the group holds. */
  notifications_count: number;
  /** What happened; newer servers may send types this list does not know yet. */
  type: NotificationType | (string & {});
  /** The newest notification of the group. */
  most_recent_notification_id: string;
  /** The oldest notification of the group on this page (when paginating). */
  page_min_id?: string;
  /** The newest notification of the group on this page (when paginating). */
  page_max_id?: string;
  /** When the newest notification of the group on this page was created (when paginating). */
  latest_page_notification_at?: Date;
  /** Some of the accounts that most recently caused notifications of the group. */
  sample_account_ids: string[];
  /** The status concerned, for the status-related types. */
  status_id?: string | null;
  /** The report concerned, for `admin.report`. */
  report?: Report | null;
  /** The event that cut follow relationships, for `severed_relationships`. */
  event?: RelationshipSeveranceEvent | null;
  /** The moderation decision, for `moderation_warning`. */
  moderation_warning?: AccountWarning | null;
  /** Text to show for a type the client did not say it supports. Since 4.6. */
  fallback?: NotificationFallback | null;
}

/**
 * A page of grouped notifications with the accounts and statuses they refer to. Since 4.3.
 * @see https://docs.joinmastodon.org/entities/GroupedNotificationsResults/
 */
export interface GroupedNotificationsResults {
  /** Accounts the groups refer to. */
  accounts: Account[];
  /** Reduced accounts, when asked for with `expand_accounts: 'partial_avatars'`. */
  partial_accounts?: PartialAccountWithAvatar[];
  /** Statuses the groups refer to. */
  statuses: Status[];
  /** The groups, newest first. */
  notification_groups: NotificationGroup[];
}

/** How many notifications (or groups) are unread, capped by the server. Since 4.3. @see https://docs.joinmastodon.org/methods/grouped_notifications/#unread-group-count */
export interface UnreadNotificationsCount {
  /** The capped count. */
  count: number;
}
