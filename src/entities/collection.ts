import type { Account } from './account.js';
import type { ShallowTag } from './tag.js';

/** Where an account's place in a collection stands: waiting for its consent, accepted, rejected, or withdrawn by it. */
export type CollectionItemState = 'pending' | 'accepted' | 'rejected' | 'revoked';

/** An account in a collection. Since 4.6. @see https://docs.joinmastodon.org/entities/CollectionItem/ */
export interface CollectionItem {
  /** The item's id. */
  id: string;
  /** The account, or null while its inclusion is not accepted. */
  account_id?: string | null;
  /** Whether the account agreed to be featured. */
  state: CollectionItemState | (string & {});
  /** When the account was added. */
  created_at: Date;
}

/** A list of accounts a user recommends following, with a name and a topic. Since 4.6. @see https://docs.joinmastodon.org/entities/Collection/ */
export interface Collection {
  /** The collection's id. */
  id: string;
  /** The ActivityPub id, used in federation. */
  uri: string;
  /** Its page in the web interface, or null. */
  url?: string | null;
  /** The curator's account id. */
  account_id: string;
  /** Its name. */
  name: string;
  /** What it is about, or `''`. */
  description: string;
  /** Its main language (ISO 639-1), or null. */
  language?: string | null;
  /** Whether it was made on this server. */
  local: boolean;
  /** Whether it is marked as sensitive. */
  sensitive: boolean;
  /** Whether it may show on the curator's profile, in search and in recommendations. */
  discoverable: boolean;
  /** A hashtag that describes it, or null. */
  tag?: ShallowTag | null;
  /** How many accounts it holds. */
  item_count: number;
  /** Its accounts. */
  items: CollectionItem[];
  /** When it was made. */
  created_at: Date;
  /** When it last changed. */
  updated_at: Date;
}

/** A collection with the full accounts of its curator and members. Since 4.6. @see https://docs.joinmastodon.org/entities/CollectionWithAccounts/ */
export interface CollectionWithAccounts {
  /** The collection. */
  collection: Collection;
  /** The curator and every member, in full. */
  accounts: Account[];
}

/** A collection as the collection endpoints wrap it. Since 4.6. @see https://docs.joinmastodon.org/methods/collections/ */
export interface WrappedCollection {
  /** The collection. */
  collection: Collection;
}

/** A collection item as the item endpoints wrap it. Since 4.6. @see https://docs.joinmastodon.org/methods/collections/ */
export interface WrappedCollectionItem {
  /** The item. */
  collection_item: CollectionItem;
}

/** The collections an account curates or is featured in. Since 4.6. @see https://docs.joinmastodon.org/methods/collections/ */
export interface WrappedCollections {
  /** The collections. */
  collections: Collection[];
}

/** A group of people an approval rule names; `unsupported_policy` stands for a rule Mastodon cannot express. */
export type FeatureApprovalAudience = 'public' | 'followers' | 'following' | 'unsupported_policy' | 'disabled';

/**
 * Who may feature an account in a collection, and what that means for the logged-in user. Since 4.6.
 * @see https://docs.joinmastodon.org/entities/FeatureApproval/
 */
export interface FeatureApproval {
  /** Who can feature the account without its review; empty: nobody. Treat unknown values as `unsupported_policy`. */
  automatic: (FeatureApprovalAudience | (string & {}))[];
  /** Who can feature it after the account reviews the request; empty: nobody. */
  manual: (FeatureApprovalAudience | (string & {}))[];
  /** What applies to the user: `automatic`, `manual`, `denied`, `unknown`, or `missing`. */
  current_user: 'automatic' | 'manual' | 'denied' | 'unknown' | 'missing';
}
