import type { Account } from './account.js';
import type { Collection } from './collection.js';
import type { Status } from './status.js';
import type { Tag } from './tag.js';

/** What `searchV2` (and `search` on 2.4.1+) finds. @see https://docs.joinmastodon.org/entities/Search/ */
export interface SearchResults {
  /** Accounts found. */
  accounts: Account[];
  /** Statuses found. */
  statuses: Status[];
  /** Hashtags, with their use history. */
  hashtags: Tag[];
  /** Collections found. Since 4.6. */
  collections?: Collection[];
}

/** What `searchV1` finds: hashtags are plain names without `#`. */
export interface SearchResultsV1 {
  /** Accounts found. */
  accounts: Account[];
  /** Statuses found. */
  statuses: Status[];
  /** Hashtag names, without `#`. */
  hashtags: string[];
}
