import type { QuotePolicy } from './quote.js';
import type { MediaAttachment, Visibility } from './status.js';

/** The parameters a scheduled status will be posted with. */
export interface ScheduledStatusParams {
  /** The status text. */
  text: string;
  /** A poll to attach: options, duration in seconds, flags. */
  poll: {
    /** The answers. */
    options: string[];
    /** How long voting lasts, in seconds (some servers send a string). */
    expires_in: string | number;
    /** Whether several answers may be chosen. */
    multiple?: boolean;
    /** Whether totals stay hidden until voting ends. */
    hide_totals?: boolean;
  } | null;
  /** Media to attach, or null. */
  media_ids: string[] | null;
  /** Whether to mark it sensitive, or null. */
  sensitive: boolean | null;
  /** A content warning, or null. */
  spoiler_text: string | null;
  /** Its visibility, or null for the user's default. */
  visibility: Visibility | null;
  /** The time it was scheduled for when posted (usually null here). */
  scheduled_at: Date | null;
  /** Its language (ISO 639-1), or null. */
  language: string | null;
  /** The status it replies to, or null. */
  in_reply_to_id: string | null;
  /** The status it will quote, or null. Since 4.4. */
  quoted_status_id?: string | null;
  /** Who may quote it, or null for the user's default. Since 4.5. */
  quote_approval_policy?: QuotePolicy | null;
  /** Accounts to notify of mentions (an internal detail of some servers), or null. */
  allowed_mentions?: string[] | null;
  /** The id of the app that scheduled it. */
  application_id: string | null;
  /** The `Idempotency-Key` it was posted with. */
  idempotency: string | null;
  /** Whether posting it counts towards the rate limit (a detail kept for compatibility). */
  with_rate_limit: boolean;
}

/**
 * A status that will be posted later.
 * @see https://docs.joinmastodon.org/entities/ScheduledStatus/
 */
export interface ScheduledStatus {
  /** The scheduled status's id (not the id the status gets once posted). */
  id: string;
  /** When it will be posted. */
  scheduled_at: Date;
  /** What it will be posted with. */
  params: ScheduledStatusParams;
  /** The files it will carry. */
  media_attachments: MediaAttachment[];
}
