import type { CustomEmoji } from './account.js';
import type { Mention, StatusTag } from './status.js';

/** An emoji reaction to an announcement. @see https://docs.joinmastodon.org/entities/Reaction/ */
export interface AnnouncementReaction {
  /** A unicode emoji, or the shortcode of a custom emoji. */
  name: string;
  /** How many users reacted with it. */
  count: number;
  /** Whether the logged-in user is one of them. */
  me?: boolean;
  /** The image of a custom emoji. */
  url?: string;
  /** The still image of a custom emoji. */
  static_url?: string;
}

/** A status linked in an announcement. */
export interface AnnouncementStatus {
  /** The status's id. */
  id: string;
  /** The status's page. */
  url: string;
}

/** An announcement by the server's staff. @see https://docs.joinmastodon.org/entities/Announcement/ */
export interface Announcement {
  /** The announcement's id. */
  id: string;
  /** The text, as HTML. */
  content: string;
  /** When the announced event starts, or null. */
  starts_at: Date | null;
  /** When the announced event ends, or null. */
  ends_at: Date | null;
  /** Whether the event lasts whole days (then only the dates of `starts_at`/`ends_at` count). */
  all_day: boolean;
  /** When it was published. */
  published_at: Date;
  /** When it last changed. */
  updated_at: Date;
  /** Whether the logged-in user dismissed it. */
  read?: boolean;
  /** Accounts mentioned in the text. */
  mentions: Mention[];
  /** Statuses linked in the text. */
  statuses: AnnouncementStatus[];
  /** Hashtags used in the text. */
  tags: StatusTag[];
  /** Custom emoji used in the text. */
  emojis: CustomEmoji[];
  /** Reactions so far. */
  reactions: AnnouncementReaction[];
}
