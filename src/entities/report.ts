import type { Account } from './account.js';

/** Why a report was filed. */
export type ReportCategory = 'spam' | 'violation' | 'other' | 'legal';

/** A report of an account to the moderators. @see https://docs.joinmastodon.org/entities/Report/ */
export interface Report {
  id: string;
  /** Whether a moderator acted on it. */
  action_taken: boolean;
  /** When a moderator acted on it, or null. */
  action_taken_at: Date | null;
  /** Why it was filed (3.5+). */
  category?: ReportCategory;
  /** The reporter's comment. */
  comment: string;
  /** Whether it was forwarded to the reported account's server. */
  forwarded?: boolean;
  created_at: Date;
  /** The reported statuses, or null. */
  status_ids: string[] | null;
  /** The server rules broken, for the `violation` category, or null. */
  rule_ids: string[] | null;
  /** The reported account. */
  target_account: Account;
}
