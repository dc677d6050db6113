/**
 * A list of accounts whose posts make a timeline of their own.
 * @see https://docs.joinmastodon.org/entities/List/
 */
export interface List {
  /** The list's id. */
  id: string;
  /** The name the user gave the list. */
  title: string;
  /** Which replies show: `followed` (to anyone the user follows), `list` (to list members) or `none`. */
  replies_policy?: 'followed' | 'list' | 'none';
  /** Whether members' posts leave the home timeline (4.2 and later). */
  exclusive?: boolean;
}
