import type { Account } from './account.js';
import type { Status } from './status.js';
import type { Tag } from './tag.js';

/** What `searchV2` (and `search` on 2.4.1+) finds. @see https://docs.joinmastodon.org/entities/Search/ */
export interface SearchResults {
  accounts: Account[];
  statuses: Status[];
  /** Hashtags, with their use history. */
  hashtags: Tag[];
}

/** What `searchV1` finds: hashtags are plain names without `#`. */
export interface SearchResultsV1 {
  accounts: Account[];
  statuses: Status[];
  hashtags: string[];
}
