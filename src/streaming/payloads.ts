import type { Account } from '../entities/account.js';
import type { Status } from '../entities/status.js';

/** A notification as the streaming API sends it. @see https://docs.joinmastodon.org/entities/Notification/ */
export interface StreamNotification {
  id: string;
  /** `mention`, `status`, `reblog`, `follow`, `follow_request`, `favourite`, `poll`, `update`, ... */
  type: string;
  created_at: Date;
  account: Account;
  status?: Status | null;
  group_key?: string;
  [field: string]: unknown;
}

/** A direct conversation. @see https://docs.joinmastodon.org/entities/Conversation/ */
export interface StreamConversation {
  id: string;
  unread: boolean;
  accounts: Account[];
  last_status: Status | null;
}

/** A server announcement. @see https://docs.joinmastodon.org/entities/Announcement/ */
export interface StreamAnnouncement {
  id: string;
  /** HTML. */
  content: string;
  starts_at: Date | null;
  ends_at: Date | null;
  all_day: boolean;
  published_at: Date;
  updated_at: Date;
  read?: boolean;
  [field: string]: unknown;
}

/** A reaction count change on an announcement. */
export interface AnnouncementReaction {
  name: string;
  count: number;
  announcement_id: string;
}
