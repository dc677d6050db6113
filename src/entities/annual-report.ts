import type { Account } from './account.js';
import type { Status } from './status.js';

/** A playful label for how the user posted over the year. */
export type AnnualReportArchetype = 'lurker' | 'booster' | 'pollster' | 'replier' | 'oracle';

/** Activity in one month of the report's year. */
export interface AnnualReportMonth {
  /** The month, 1 to 12. */
  month: number;
  /** Posts written that month. */
  statuses: number;
  /** Accounts the user followed that month (absent in some reports). */
  following?: number;
  /** Followers gained that month. */
  followers: number;
}

/** A name and how often it came up. */
export interface AnnualReportCount {
  /** A hashtag or app name. */
  name: string;
  /** How many times. */
  count: number;
}

/** An account and how often the user interacted with it. */
export interface AnnualReportAccountCount {
  /** The account's id (the account itself is in `WrappedAnnualReports.accounts`). */
  account_id: string;
  /** How many times. */
  count: number;
}

/**
 * The figures of a year in review. Their shape depends on the report's `schema_version`: the
 * fields marked "schema 1" are gone from later reports.
 */
export interface AnnualReportData {
  /** The user's posting style. */
  archetype: AnnualReportArchetype | (string & {});
  /** The user's posts that were boosted, favourited and replied to most, by id (each may be null). */
  top_statuses?: {
    /** The most boosted post. */
    by_reblogs: string | null;
    /** The most favourited post. */
    by_favourites: string | null;
    /** The post with the most replies. */
    by_replies: string | null;
  } | null;
  /** Posts and follows by month. */
  time_series?: AnnualReportMonth[] | null;
  /** The hashtags the user used most. */
  top_hashtags?: AnnualReportCount[] | null;
  /** Posts by kind (schema 1). */
  type_distribution?: {
    /** All posts. */
    total: number;
    /** Boosts. */
    reblogs: number;
    /** Replies to others. */
    replies: number;
    /** Posts that are neither. */
    standalone: number;
  };
  /** The apps the user posted with most (schema 1). */
  most_used_apps?: AnnualReportCount[];
  /** The accounts the user replied to most (schema 1). */
  commonly_interacted_with_accounts?: AnnualReportAccountCount[];
  /** The accounts the user boosted most (schema 1). */
  most_reblogged_accounts?: AnnualReportAccountCount[];
  /** Where the user stands among the server's accounts, in percent (schema 1). */
  percentiles?: {
    /** By followers gained. */
    followers?: number;
    /** By posts written. */
    statuses?: number;
  };
}

/** A user's year in review ("Wrapstodon"). Since 4.3. @see https://docs.joinmastodon.org/entities/AnnualReport/ */
export interface AnnualReport {
  /** The year it covers. */
  year: number;
  /** The account it is about. */
  account_id?: string | null;
  /** The figures, shaped by `schema_version`. */
  data?: AnnualReportData | null;
  /** How to read `data`. */
  schema_version?: number | null;
  /** A shareable page of the report, or null. */
  share_url?: string | null;
}

/** Annual reports with the accounts and statuses they refer to, as the annual report endpoints return them. Since 4.3. @see https://docs.joinmastodon.org/methods/annual_reports/ */
export interface WrappedAnnualReports {
  /** The reports. */
  annual_reports: AnnualReport[];
  /** Accounts the reports refer to. */
  accounts: Account[];
  /** Statuses the reports refer to. */
  statuses: Status[];
}

/** Whether a report for a year is `available`, being made (`generating`), can be asked for (`eligible`) or cannot (`ineligible`). */
export type AnnualReportState = 'available' | 'generating' | 'eligible' | 'ineligible';

/** What `GET /api/v1/annual_reports/{year}/state` returns. Since 4.6. @see https://docs.joinmastodon.org/methods/annual_reports/ */
export interface AnnualReportStateResult {
  /** Where the report stands; newer servers may send states this list does not know yet. */
  state: AnnualReportState | (string & {});
}
