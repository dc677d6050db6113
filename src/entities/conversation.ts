import type { Account } from './account.js';
import type { Status } from './status.js';

/**
 * A thread of direct messages, as one participant sees it.
 * @see https://docs.joinmastodon.org/entities/Conversation/
 */
export interface Conversation {
  /** The conversation's id. */
  id: string;
  /** Whether it has a message the user has not read. */
  unread: boolean;
  /** The other participants. */
  accounts: Account[];
  /** The newest message, or null. */
  last_status: Status | null;
}
