import type { Account } from './account.js';
import type { Status } from './status.js';

/** What to do with notifications from a kind of sender: keep them, file them as requests, or never create them. */
export type NotificationFilterAction = 'accept' | 'filter' | 'drop';

/** How many filtered notifications wait. */
export interface NotificationPolicySummary {
  /** From how many accounts (capped at 100). */
  pending_requests_count: number;
  /** How many notifications in all (may be approximate). */
  pending_notifications_count: number;
}

/** Which notifications the logged-in user has filtered, by kind of sender. Since 4.3. @see https://docs.joinmastodon.org/entities/NotificationPolicy/ */
export interface NotificationPolicy {
  /** From accounts the user does not follow. */
  for_not_following: NotificationFilterAction;
  /** From accounts that do not follow the user. */
  for_not_followers: NotificationFilterAction;
  /** From accounts created in the last 30 days. */
  for_new_accounts: NotificationFilterAction;
  /** From private mentions the user did not start (accounts the user follows pass). */
  for_private_mentions: NotificationFilterAction;
  /** From accounts moderators limited. */
  for_limited_accounts: NotificationFilterAction;
  /** What waits in the filtered requests. */
  summary: NotificationPolicySummary;
}

/** The notification policy as the deprecated v1 endpoint shows it (booleans; `NotificationPolicy` replaced it). Since 4.3. @see https://docs.joinmastodon.org/entities/V1_NotificationPolicy/ */
export interface NotificationPolicyV1 {
  /** Whether notifications from accounts the user does not follow are filtered. */
  filter_not_following: boolean;
  /** Whether notifications from accounts that do not follow the user are filtered. */
  filter_not_followers: boolean;
  /** Whether notifications from accounts created in the last 30 days are filtered. */
  filter_new_accounts: boolean;
  /** Whether unsolicited private mentions are filtered. */
  filter_private_mentions: boolean;
  /** What waits in the filtered requests. */
  summary: NotificationPolicySummary;
}

/** The filtered notifications from one account, waiting to be accepted or dismissed. Since 4.3. @see https://docs.joinmastodon.org/entities/NotificationRequest/ */
export interface NotificationRequest {
  /** The request's id. */
  id: string;
  /** When the first filtered notification from the account was created. */
  created_at: Date;
  /** When the request last changed. */
  updated_at: Date;
  /** The account whose notifications were filtered. */
  account: Account;
  /** How many were filtered (a number as a string, as the server sends it). */
  notifications_count: string;
  /** The newest status among them, or null. */
  last_status?: Status | null;
}
