import type { Account } from './account.js';
import type { Rule } from './instance-info.js';
import type { ReportCategory } from './report.js';
import type { PreviewCard, Status } from './status.js';

/**
 * A user role as the admin API shows it. Mastodon 4.0 sends `id` and `permissions` as
 * numbers, later versions as strings; the id arrives as a string like every id, the
 * permissions as the server sent them.
 * @see https://docs.joinmastodon.org/entities/Role/
 */
export interface Admin_Role {
  /** The role's id. */
  id: string;
  /** The role's name. */
  name: string;
  /** A CSS colour, or `''`. */
  color: string;
  /** Rank among roles: higher outranks lower. */
  position?: number;
  /** A bit field of the role's permissions. */
  permissions: string | number;
  /** Whether the role is shown as a badge on profiles. */
  highlighted: boolean;
  /** When the role was made. */
  created_at?: Date;
  /** When the role last changed. */
  updated_at?: Date;
}

/** An IP address a local user signed in from. @see https://docs.joinmastodon.org/entities/Admin_Ip/ */
export interface Admin_Ip {
  /** IPv4 or IPv6 address. */
  ip: string;
  /** When it was last used. */
  used_at: Date;
}

/**
 * An account as moderators see it: the public account and its user's private details.
 * @see https://docs.joinmastodon.org/entities/Admin_Account/
 */
export interface Admin_Account {
  /** The account's id; a string. */
  id: string;
  /** Username, without the leading `@` and without the domain. */
  username: string;
  /** The account's server, or null for local accounts. */
  domain: string | null;
  /** When the account was created. */
  created_at: Date;
  /** The e-mail address of a local user. */
  email: string | null;
  /** The most recent IP address of a local user, or null. */
  ip: string | null;
  /** Every IP address a local user signed in from. */
  ips?: Admin_Ip[];
  /** The user's role (Mastodon 4.0+; a plain string before 4.0). */
  role: Admin_Role | string | null;
  /** Whether a local user confirmed their e-mail address. */
  confirmed: boolean;
  /** Whether the account is suspended. */
  suspended: boolean;
  /** Whether the account is silenced (limited). */
  silenced: boolean;
  /** Whether the account's media is forced to be sensitive. */
  sensitized?: boolean;
  /** Whether a local user's login is disabled. */
  disabled: boolean;
  /** Whether a local user's sign-up was approved. */
  approved: boolean;
  /** The interface language of a local user. */
  locale: string | null;
  /** What a local user wrote when asking to join, for servers that approve sign-ups. */
  invite_request: string | null;
  /** The id of the account that invited this user, when invited. */
  invited_by_account_id?: string | null;
  /** The id of the app that created this user, when an app did (through `createAccount`). */
  created_by_application_id?: string | null;
  /** The public account. */
  account: Account;
}

/** A rule of the server, as attached to a report. */
export type Admin_ReportRule = Rule;

/**
 * A report as moderators see it.
 * @see https://docs.joinmastodon.org/entities/Admin_Report/
 */
export interface Admin_Report {
  /** The report's id; a string. */
  id: string;
  /** Whether a moderator acted on (resolved) the report. */
  action_taken: boolean;
  /** When the report was resolved, or null. */
  action_taken_at: Date | null;
  /** `spam`, `violation`, `legal` (since 4.2) or `other`. */
  category: ReportCategory | (string & {});
  /** What the reporter wrote. */
  comment: string;
  /** Whether the report was forwarded to the reported account's server. */
  forwarded: boolean;
  /** When the report was filed. */
  created_at: Date;
  /** When the report last changed. */
  updated_at: Date;
  /** Who filed the report. */
  account: Admin_Account;
  /** Who is reported. */
  target_account: Admin_Account;
  /** The moderator the report is assigned to, or null. */
  assigned_account: Admin_Account | null;
  /** The moderator who resolved the report, or null. */
  action_taken_by_account: Admin_Account | null;
  /** The reported statuses. */
  statuses: Status[];
  /** The server rules the report says were broken. */
  rules: Admin_ReportRule[];
}

/**
 * A domain block, with its moderation details.
 * @see https://docs.joinmastodon.org/entities/Admin_DomainBlock/
 */
export interface Admin_DomainBlock {
  /** The block's id; a string. */
  id: string;
  /** The blocked domain. */
  domain: string;
  /** SHA-256 of the domain (Mastodon 4.1+). */
  digest?: string;
  /** When the block was made. */
  created_at: Date;
  /** `silence`, `suspend` or `noop` (media and reports only). */
  severity: Admin_DomainBlockSeverity;
  /** Whether media from the domain is not downloaded. */
  reject_media: boolean;
  /** Whether reports from the domain are ignored. */
  reject_reports: boolean;
  /** A note for moderators only. */
  private_comment: string | null;
  /** A note shown to users. */
  public_comment: string | null;
  /** Whether the domain is partly hidden in public lists. */
  obfuscate: boolean;
}

/** How hard a domain block is. */
export type Admin_DomainBlockSeverity = 'silence' | 'suspend' | 'noop';

/** One day of a hashtag's use. */
export interface Admin_TagHistory {
  /** The day (epoch seconds on the wire), as a `Date`. */
  day: Date;
  /** Posts using the tag that day, as a numeric string. */
  uses: string;
  /** Accounts using the tag that day, as a numeric string. */
  accounts: string;
}

/**
 * A hashtag as moderators see it (trends and admin tags).
 * @see https://docs.joinmastodon.org/entities/Tag/#admin
 */
export interface Admin_Tag {
  /** The tag's id (admin view only). */
  id?: string;
  /** The tag, without `#`. */
  name: string;
  /** The tag's page on the server. */
  url: string;
  /** Use over the last days, newest first. */
  history: Admin_TagHistory[];
  /** Whether the tag may trend. */
  trendable?: boolean;
  /** Whether the tag may be used and searched. */
  usable?: boolean;
  /** Whether a moderator still has to review the tag. */
  requires_review?: boolean;
  /** Whether the tag may be listed publicly (sent by newer servers). */
  listable?: boolean | null;
  /** Whether the logged-in user follows the tag. */
  following?: boolean;
  /** Whether the logged-in user features the tag on their profile. Since 4.4. */
  featuring?: boolean;
}

/** A trending link, as moderators see it: a preview card with its use history. @see https://docs.joinmastodon.org/methods/admin/trends/#links */
export interface Admin_TrendLink extends PreviewCard {
  /** The link's id, for approving or rejecting it. Since 4.2. */
  id?: string;
  /** Use over the last days, newest first. */
  history?: Admin_TagHistory[];
  /** Whether a moderator still has to review the link. Since 4.2. */
  requires_review?: boolean;
}

/** A trending status, as moderators see it. @see https://docs.joinmastodon.org/methods/admin/trends/#statuses */
export interface Admin_TrendStatus extends Status {
  /** Whether a moderator still has to review the status. Since 4.2. */
  requires_review?: boolean;
}

/**
 * A site that publishes trending links, as moderators see it (`GET /api/v1/admin/trends/links/publishers`,
 * undocumented). Since 4.2.
 */
export interface Admin_TrendPublisher {
  /** The publisher's id (Mastodon sends a JSON number; it arrives as a string). */
  id: string;
  /** The site's domain. */
  domain: string;
  /** Whether links from the site may trend, or null before review. */
  trendable: boolean | null;
  /** When a moderator reviewed the site, or null. */
  reviewed_at: Date | null;
  /** When the site asked for review, or null. */
  requested_review_at: Date | null;
  /** Whether a moderator still has to review the site. */
  requires_review: boolean;
}

/** One day of a measure. */
export interface Admin_MeasureData {
  /** Midnight of the day. */
  date: Date;
  /** The value that day, as a numeric string. */
  value: string;
}

/** Which quantitative measure to compute. */
export type Admin_MeasureKey =
  | 'active_users' | 'new_users' | 'interactions' | 'opened_reports' | 'resolved_reports'
  | 'tag_accounts' | 'tag_uses' | 'tag_servers'
  | 'instance_accounts' | 'instance_media_attachments' | 'instance_reports'
  | 'instance_statuses' | 'instance_follows' | 'instance_followers';

/**
 * A quantitative measure of the server over a period.
 * @see https://docs.joinmastodon.org/entities/Admin_Measure/
 */
export interface Admin_Measure {
  /** Which measure this is. */
  key: Admin_MeasureKey;
  /** The unit, such as `bytes`, or null. */
  unit: string | null;
  /** The total over the period, as a numeric string. */
  total: string;
  /** The total written for people (`16.8 MB`), when there is a unit. */
  human_value?: string;
  /** The total over the previous period of the same length, as a numeric string. */
  previous_total?: string;
  /** The measure day by day. */
  data: Admin_MeasureData[];
}

/** One category of a dimension. */
export interface Admin_DimensionData {
  /** The category. */
  key: string;
  /** The category written for people (`English`). */
  human_key: string;
  /** The value, as a numeric string. */
  value: string;
  /** The unit of the value, such as `bytes`. */
  unit?: string;
  /** The value written for people (`213 KB`). */
  human_value?: string;
}

/** Which categorical dimension to compute. */
export type Admin_DimensionKey =
  | 'languages' | 'sources' | 'servers' | 'space_usage' | 'software_versions'
  | 'tag_servers' | 'tag_languages' | 'instance_accounts' | 'instance_languages';

/**
 * A categorical breakdown of the server over a period.
 * @see https://docs.joinmastodon.org/entities/Admin_Dimension/
 */
export interface Admin_Dimension {
  /** Which dimension this is. */
  key: Admin_DimensionKey;
  /** Its categories. */
  data: Admin_DimensionData[];
}

/** Retention of one cohort at one later date. */
export interface Admin_CohortData {
  /** The date retention was measured at. */
  date: Date;
  /** The share of the cohort still active, from 0 to 1. */
  rate: number;
  /** How many of the cohort were still active, as a numeric string. */
  value: string;
}

/**
 * A cohort of users who signed up in one period, and how many stayed active after.
 * @see https://docs.joinmastodon.org/entities/Admin_Cohort/
 */
export interface Admin_Cohort {
  /** The start of the sign-up period. */
  period: Date;
  /** `day` or `month`. */
  frequency: 'day' | 'month';
  /** Retention over time. */
  data: Admin_CohortData[];
}
