import type { MediaAttachment, Visibility } from './status.js';

/** The parameters a scheduled status will be posted with. */
export interface ScheduledStatusParams {
  /** The status text. */
  text: string;
  /** A poll to attach: options, duration in seconds, flags. */
  poll: { options: string[]; expires_in: string | number; multiple?: boolean; hide_totals?: boolean } | null;
  media_ids: string[] | null;
  sensitive: boolean | null;
  spoiler_text: string | null;
  visibility: Visibility | null;
  /** The time it was scheduled for when posted (usually null here). */
  scheduled_at: Date | null;
  language: string | null;
  in_reply_to_id: string | null;
  /** The id of the app that scheduled it. */
  application_id: string | null;
  /** The `Idempotency-Key` it was posted with. */
  idempotency: string | null;
  with_rate_limit: boolean;
}

/**
 * A status that will be posted later.
 * @see https://docs.joinmastodon.org/entities/ScheduledStatus/
 */
export interface ScheduledStatus {
  id: string;
  /** When it will be posted. */
  scheduled_at: Date;
  params: ScheduledStatusParams;
  media_attachments: MediaAttachment[];
}
