import { endpoint, json, nothing } from './define.js';
import { optionsOf, requiredString } from './common.js';
import type { CollectionWithAccounts, WrappedCollection, WrappedCollectionItem, WrappedCollections } from '../entities/collection.js';
import { MastodonIllegalArgumentError } from '../errors.js';
import type { Params } from '../http/params.js';
import { idOf, idsOf, type IdLike } from '../ids.js';
import { fillPath } from '../http/fill-path.js';

// Collections (Mastodon 4.6, API version 10): lists of accounts a user recommends following,
// with a name and a topic. The lists of collections come wrapped (`{"collections": […]}`) and
// go by `offset`, not by id.

/** Options of `accountCollections` and `accountInCollections`. */
export interface CollectionListOptions {
  /** How many collections at most (default 40, at most 80). */
  limit?: number;
  /** How many to skip, for the next ones. */
  offset?: number;
}

/** What a collection says about itself, beside its accounts: the options of `collectionCreate` and `collectionUpdate`. */
export interface CollectionFields {
  /** What it is about (at most 100 characters). */
  description?: string;
  /** Its main language (ISO 639-1). */
  language?: string;
  /** Whether it is marked as sensitive. */
  sensitive?: boolean;
  /** Whether it may show on the curator's profile, in search and in recommendations. */
  discoverable?: boolean;
  /** One hashtag that describes it, without the `#`. */
  tag_name?: string;
}

/** Options of `collectionCreate`: its fields, and the accounts it starts with. */
export interface CollectionCreateOptions extends CollectionFields {
  /** The accounts to feature. */
  account_ids?: IdLike | readonly IdLike[];
}

/** Options of `collectionUpdate`: a new name, or other fields. */
export interface CollectionUpdateOptions extends CollectionFields {
  /** A new name (at most 40 characters). */
  name?: string;
}

function countOf(name: string, value: unknown): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) throw new MastodonIllegalArgumentError(`${name} must be a whole number, 0 or more`);
  return value;
}

function listParams(account_id: IdLike, options?: CollectionListOptions): Params {
  const o = optionsOf(options);
  return { account_id: idOf(account_id, 'account_id'), limit: countOf('limit', o.limit), offset: countOf('offset', o.offset) };
}

function optionalText(name: string, value: unknown): string | undefined {
  return value === undefined || value === null ? undefined : requiredString(name, value);
}

function optionalFlag(name: string, value: unknown): boolean | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') throw new MastodonIllegalArgumentError(`${name} must be a boolean`);
  return value;
}

function fieldParams(o: Partial<CollectionFields>): Params {
  const tag = optionalText('tag_name', o.tag_name);
  if (tag?.startsWith('#')) throw new MastodonIllegalArgumentError('tag_name should omit the leading #');
  return {
    description: optionalText('description', o.description),
    language: optionalText('language', o.language),
    sensitive: optionalFlag('sensitive', o.sensitive),
    discoverable: optionalFlag('discoverable', o.discoverable),
    tag_name: tag,
  };
}

/**
 * The collections an account curates, newest first: all of them for the user's own account,
 * the discoverable ones for others.
 * @example accountCollections(client, account, { limit: 10 }).subscribe(({ collections }) => console.log(collections.map((c) => c.name)))
 */
export const accountCollections = /* @__PURE__ */ endpoint('GET /api/v1/accounts/{account_id}/collections', {
  fillPath, created: '4.6.0', api_version: 10, returns: json<WrappedCollections>, options: 1, params: listParams,
});

/**
 * The collections an account is featured in.
 * @example accountInCollections(client, me).subscribe(({ collections }) => console.log(collections.length))
 */
export const accountInCollections = /* @__PURE__ */ endpoint('GET /api/v1/accounts/{account_id}/in_collections', {
  fillPath, created: '4.6.0', api_version: 10, returns: json<WrappedCollections>, options: 1, params: listParams,
});

/**
 * One collection, with its curator and members in full.
 * @example collection(client, id).subscribe(({ collection, accounts }) => console.log(collection.name, accounts.length))
 */
export const collection = /* @__PURE__ */ endpoint('GET /api/v1/collections/{id}', {
  fillPath, created: '4.6.0', api_version: 10, returns: json<CollectionWithAccounts>,
  params: (id: IdLike) => ({ id: idOf(id) }),
});

/**
 * Make a collection: a name (at most 40 characters), what it is about, and the accounts it
 * features. Emits it.
 * @example collectionCreate(client, 'Cat people', { description: 'They post cats', account_ids: [alice, bob] })
 */
export const collectionCreate = /* @__PURE__ */ endpoint('POST /api/v1/collections', {
  created: '4.6.0', api_version: 10, returns: json<WrappedCollection>,
  options: 1, params: (name: string, options?: CollectionCreateOptions) => {
    const o = optionsOf(options);
    return {
      name: requiredString('name', name), ...fieldParams(o),
      account_ids: o.account_ids === undefined || o.account_ids === null ? undefined : idsOf(o.account_ids, 'account_ids'),
    };
  },
});

/**
 * Change one of the user's collections: its name and fields (accounts are added and removed
 * one by one). Emits it.
 * @example collectionUpdate(client, collection, { discoverable: false }).subscribe(({ collection }) => console.log(collection.discoverable))
 */
export const collectionUpdate = /* @__PURE__ */ endpoint('PATCH /api/v1/collections/{id}', {
  fillPath, created: '4.6.0', api_version: 10, returns: json<WrappedCollection>,
  options: 1, params: (id: IdLike, options?: CollectionUpdateOptions) => {
    const o = optionsOf(options);
    return { id: idOf(id), name: optionalText('name', o.name), ...fieldParams(o) };
  },
});

/**
 * Delete one of the user's collections.
 * @example collectionDelete(client, collection).subscribe()
 */
export const collectionDelete = /* @__PURE__ */ endpoint('DELETE /api/v1/collections/{id}', {
  fillPath, created: '4.6.0', api_version: 10, returns: nothing,
  params: (id: IdLike) => ({ id: idOf(id) }),
});

/**
 * Feature an account in one of the user's collections, as its account's approval policy
 * allows. Emits the new item.
 * @example collectionAddAccount(client, collection, account).subscribe(({ collection_item }) => console.log(collection_item.state))
 */
export const collectionAddAccount = /* @__PURE__ */ endpoint('POST /api/v1/collections/{collection_id}/items', {
  fillPath, created: '4.6.0', api_version: 10, returns: json<WrappedCollectionItem>,
  params: (collection_id: IdLike, account_id: IdLike) => ({
    collection_id: idOf(collection_id, 'collection_id'), account_id: idOf(account_id, 'account_id'),
  }),
});

/**
 * Take an item (an account) out of one of the user's collections.
 * @example collectionRemoveAccount(client, collection, item).subscribe()
 */
export const collectionRemoveAccount = /* @__PURE__ */ endpoint('DELETE /api/v1/collections/{collection_id}/items/{id}', {
  fillPath, created: '4.6.0', api_version: 10, returns: nothing,
  params: (collection_id: IdLike, item_id: IdLike) => ({ collection_id: idOf(collection_id, 'collection_id'), id: idOf(item_id, 'item_id') }),
});

/**
 * Withdraw the user's own account from someone else's collection: its item becomes `revoked`.
 * @example collectionRevoke(client, theirCollection, myItem).subscribe()
 */
export const collectionRevoke = /* @__PURE__ */ endpoint('POST /api/v1/collections/{collection_id}/items/{id}/revoke', {
  fillPath, created: '4.6.0', api_version: 10, returns: nothing,
  params: (collection_id: IdLike, item_id: IdLike) => ({ collection_id: idOf(collection_id, 'collection_id'), id: idOf(item_id, 'item_id') }),
});
