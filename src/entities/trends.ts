import type { PreviewCard } from './status.js';

/** Use of a trending link on one day. */
export interface TrendingLinkHistory {
  /** The day (midnight UTC), sent as epoch seconds and parsed into a `Date`. */
  day: Date;
  /** How many accounts shared the link that day (a number as a string). */
  accounts: string;
  /** How many times it was shared that day (a number as a string). */
  uses: string;
}

/** A link many are sharing: a preview card with its history. @see https://docs.joinmastodon.org/entities/PreviewCard/#trends-link */
export interface TrendingLink extends PreviewCard {
  /** Use per day, newest first. */
  history: TrendingLinkHistory[];
}
