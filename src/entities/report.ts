import type { Account } from './account.js';

/** Why a report was filed. */
export type ReportCategory = 'spam' | 'violation' | 'other' | 'legal';

/** A report of an account to the moderators. @see https://docs.joinmastodon.org/entities/Report/ */
export interface Report {
  /** The report's id. */
  id: string;
  /** Whether a moderator acted on it. */
  action_taken: boolean;
  /** When a moderator acted on it, or null. */
  action_taken_at: Date | null;
  /** Why it was filed: `spam`, `violation` (of `rule_ids`), `legal` (since 4.2) or `other`. */
  category?: ReportCategory;
  /** The reporter's comment. */
  comment: string;
  /** Whether it was forwarded to the reported account's server. */
  forwarded?: boolean;
  /** When it was filed. */
  created_at: Date;
  /** The reported statuses, or null. */
  status_ids: string[] | null;
  /** The server rules broken, for the `violation` category, or null. */
  rule_ids: string[] | null;
  /** The collections attached to it, or null. Since 4.6. */
  collection_ids?: string[] | null;
  /** The reported account. */
  target_account: Account;
}
