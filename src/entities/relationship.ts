import type { Account } from './account.js';

/**
 * How the logged-in user and another account relate.
 * @see https://docs.joinmastodon.org/entities/Relationship/
 */
export interface Relationship {
  /** The other account's id. */
  id: string;
  /** Whether the user follows the account. */
  following: boolean;
  /** Whether the user sees the account's boosts at home. */
  showing_reblogs: boolean;
  /** Whether the user is notified of the account's posts. */
  notifying: boolean;
  /** Languages of the account's posts the user sees (null: all). */
  languages?: string[] | null;
  /** Whether the account follows the user. */
  followed_by: boolean;
  /** Whether the user blocks the account. */
  blocking: boolean;
  /** Whether the account blocks the user. */
  blocked_by: boolean;
  /** Whether the user mutes the account. */
  muting: boolean;
  /** Whether the mute also hides the account's notifications. */
  muting_notifications: boolean;
  /** When a timed mute ends (absent on servers before 4.1). */
  muting_expires_at?: Date | null;
  /** Whether the user's follow request to a locked account is pending. */
  requested: boolean;
  /** Whether the account asked to follow the user (absent on servers before 4.1). */
  requested_by?: boolean;
  /** Whether the user blocks the account's whole domain. */
  domain_blocking: boolean;
  /** Whether the user features the account on their profile. */
  endorsed: boolean;
  /** The user's private note on the account. */
  note: string;
}

/**
 * The accounts the user follows that also follow a given account.
 * @see https://docs.joinmastodon.org/entities/FamiliarFollowers/
 */
export interface FamiliarFollowers {
  /** The account asked about. */
  id: string;
  /** Accounts followed by the user that follow it. */
  accounts: Account[];
}
