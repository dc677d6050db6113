import type { Account, CustomEmoji } from './account.js';
import type { Quote, ShallowQuote } from './quote.js';
import type { MediaAttachment } from './status.js';

/** A poll's answers as they were in one revision of a status. */
export interface StatusEditPoll {
  /** The answers, in order. */
  options: {
    /** The answer's text. */
    title: string;
  }[];
}

/**
 * One revision of a status, as its edit history lists it.
 * @see https://docs.joinmastodon.org/entities/StatusEdit/
 */
export interface StatusEdit {
  /** HTML content of this revision. */
  content: string;
  /** The content warning of this revision, or `''`. */
  spoiler_text: string;
  /** Whether this revision was marked sensitive. */
  sensitive: boolean;
  /** When this revision was made (the first: when the status was posted). */
  created_at: Date;
  /** The author. */
  account: Account;
  /** The poll's options in this revision, if it had a poll (edits of a poll's options reset it, so they count as one). */
  poll?: StatusEditPoll | null;
  /** The attachments as they were in this revision. */
  media_attachments: MediaAttachment[];
  /** Custom emoji used in this revision. */
  emojis: CustomEmoji[];
  /** The quoted post in this revision, or null. Since 4.5. */
  quote?: Quote | ShallowQuote | null;
}

/**
 * The source of a status, as `statusUpdate` takes it.
 * @see https://docs.joinmastodon.org/entities/StatusSource/
 */
export interface StatusSource {
  /** The status's id. */
  id: string;
  /** The plain text the status was written as. */
  text: string;
  /** The content warning as written, or `''`. */
  spoiler_text: string;
}
