import type { Account } from './account.js';

/**
 * Why an account is suggested: picked by staff (`featured`), followed by many
 * (`most_followed`), much interacted with lately (`most_interactions`), like accounts the user
 * followed lately (`similar_to_recently_followed`), or followed by accounts the user follows
 * (`friends_of_friends`).
 */
export type SuggestionSource =
  | 'featured' | 'most_followed' | 'most_interactions' | 'similar_to_recently_followed' | 'friends_of_friends';

/** An account suggested to follow, with why. @see https://docs.joinmastodon.org/entities/Suggestion/ */
export interface Suggestion {
  /** The reasons; newer servers may send reasons this list does not know yet. Since 4.3. */
  sources?: (SuggestionSource | (string & {}))[];
  /** The single reason of servers before 4.3: `staff`, `past_interactions` or `global` (deprecated). */
  source?: 'staff' | 'past_interactions' | 'global' | (string & {});
  /** The suggested account. */
  account: Account;
}
