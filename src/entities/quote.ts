import type { Status } from './status.js';

/**
 * Where a quote stands: `pending` (waiting for the quoted author), `accepted`, `rejected`,
 * `revoked` (accepted, then withdrawn), `deleted` (the quoted post is gone), `unauthorized`
 * (the user may not see the quoted post), or accepted but hidden because the user blocked the
 * author (`blocked_account`), their domain (`blocked_domain`) or muted them (`muted_account`).
 * Treat a state this list does not know as `unauthorized`.
 */
export type QuoteState =
  | 'pending' | 'accepted' | 'rejected' | 'revoked' | 'deleted' | 'unauthorized'
  | 'blocked_account' | 'blocked_domain' | 'muted_account';

/** A quote of a post, with the quoted post itself. Since 4.4. @see https://docs.joinmastodon.org/entities/Quote/ */
export interface Quote {
  /** Where the quote stands; newer servers may send states this list does not know yet. */
  state: QuoteState | (string & {});
  /**
   * The quoted post: null unless `state` is `accepted`, `blocked_account`, `blocked_domain` or
   * `muted_account`, or the quoting post is the one `statusDelete` returned.
   */
  quoted_status: Status | null;
}

/** A quote of a post, with only the quoted post's id (quotes nested in quotes). Since 4.4. @see https://docs.joinmastodon.org/entities/ShallowQuote/ */
export interface ShallowQuote {
  /** Where the quote stands; newer servers may send states this list does not know yet. */
  state: QuoteState | (string & {});
  /** The quoted post's id, under the same conditions as `Quote.quoted_status`. */
  quoted_status_id: string | null;
}

/** Who may quote a post: `public` (anyone not blocked), `followers` (and the author) or `nobody` (only the author). */
export type QuotePolicy = 'public' | 'followers' | 'nobody';

/** A group of people a quote policy names; `unsupported_policy` stands for a rule Mastodon cannot express. */
export type QuoteApprovalAudience = 'public' | 'followers' | 'following' | 'unsupported_policy';

/**
 * Who may quote a post, and what that means for the logged-in user. Since 4.5.
 * @see https://docs.joinmastodon.org/entities/QuoteApproval/
 */
export interface QuoteApproval {
  /** Who can expect quotes to be accepted at once; empty: nobody. Treat unknown values as `unsupported_policy`. */
  automatic: (QuoteApprovalAudience | (string & {}))[];
  /** Who can quote after the author reviews the quote; empty: nobody. */
  manual: (QuoteApprovalAudience | (string & {}))[];
  /** What applies to the user: `automatic`, `manual`, `denied`, or `unknown` (treat as denied). */
  current_user: 'automatic' | 'manual' | 'denied' | 'unknown';
}
