import type { Account } from './account.js';
import type { Report } from './report.js';
import type { Status } from './status.js';

/**
 * What a notification is about: `follow`, `follow_request`, `favourite`, `reblog`, `mention`,
 * `poll` (ended), `update` (a boosted status was edited), `status` (a followed account posted),
 * `admin.sign_up`, `admin.report`, and types of newer servers.
 */
export type NotificationType =
  | 'follow' | 'follow_request' | 'favourite' | 'reblog' | 'mention' | 'poll' | 'update' | 'status'
  | 'admin.sign_up' | 'admin.report' | 'severed_relationships' | 'moderation_warning' | 'quote' | 'quoted_update';

/** Something that happened to the logged-in user. @see https://docs.joinmastodon.org/entities/Notification/ */
export interface Notification {
  id: string;
  /** What happened; newer servers may send types this list does not know yet. */
  type: NotificationType | (string & {});
  created_at: Date;
  /** The account that caused it (who followed, favourited, mentioned...). */
  account: Account;
  /** The status concerned, for `favourite`, `reblog`, `mention`, `poll`, `update` and `status`. */
  status?: Status | null;
  /** The report concerned, for `admin.report`. */
  report?: Report | null;
}
