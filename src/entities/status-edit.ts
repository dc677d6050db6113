import type { Account, CustomEmoji } from './account.js';
import type { MediaAttachment } from './status.js';

/**
 * One revision of a status, as its edit history lists it.
 * @see https://docs.joinmastodon.org/entities/StatusEdit/
 */
export interface StatusEdit {
  /** HTML content of this revision. */
  content: string;
  spoiler_text: string;
  sensitive: boolean;
  /** When this revision was made (the first: when the status was posted). */
  created_at: Date;
  account: Account;
  /** The poll's options in this revision, if it had a poll. */
  poll?: { options: { title: string }[] } | null;
  media_attachments: MediaAttachment[];
  emojis: CustomEmoji[];
}

/**
 * The source of a status, as `statusUpdate` takes it.
 * @see https://docs.joinmastodon.org/entities/StatusSource/
 */
export interface StatusSource {
  id: string;
  /** The plain text the status was written as. */
  text: string;
  spoiler_text: string;
}
