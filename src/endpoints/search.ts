import { defer, type Observable, of } from 'rxjs';
import { concatMap, map } from 'rxjs/operators';
import { call } from '../client/call.js';
import type { MastodonClient } from '../client/client.js';
import { json, row } from './define.js';
import { flag, oneOf, optionsOf, requiredString } from './common.js';
import { readOptions, withUnknownOptions } from './unknown-options.js';
import { verifyMinimumVersion } from './versions.js';
import type { SearchResults, SearchResultsV1 } from '../entities/search.js';
import { MastodonIllegalArgumentError, MastodonVersionError } from '../errors.js';
import type { Params } from '../http/params.js';
import { optionalIdOf, paginationIdOf, type IdLike, type PaginationId } from '../ids.js';

/** What to search for only. */
export type SearchResultType = 'accounts' | 'hashtags' | 'statuses';

/** Options of `searchV1`. */
export interface SearchV1Options {
  /** Look up remote accounts and statuses by WebFinger. Default `false`. */
  resolve?: boolean;
}

/** Options of `search` and `searchV2`. */
export interface SearchOptions {
  /** Look up remote accounts and statuses by WebFinger. Default `true`. */
  resolve?: boolean;
  /** Only `accounts`, `hashtags` or `statuses`; sent as `type`. */
  result_type?: SearchResultType;
  /** Only statuses of this account (2.8.0+). */
  account_id?: IdLike;
  /** Skip this many results (2.8.0+). */
  offset?: number;
  /** Results newer than this id (2.8.0+). A `Date` becomes a snowflake id. */
  min_id?: PaginationId;
  /** Results older than this id (2.8.0+). A `Date` becomes a snowflake id. */
  max_id?: PaginationId;
  /** Only hashtags the moderators reviewed (sent on 3.0.0+). Default `true`. */
  exclude_unreviewed?: boolean;
  /** How many results of each type at most (2.8.0+). */
  limit?: number;
  /** Only accounts the user follows (sent only when true). */
  following?: boolean;
}

const RESULT_TYPES: readonly SearchResultType[] = ['accounts', 'hashtags', 'statuses'];

/** The v1 search of servers before 2.4.1, which `searchV1` sends. */
export const searchV1Row = /* @__PURE__ */ row('GET /api/v1/search', {
  created: '1.1.0', changed: '2.1.0', returns: json<SearchResultsV1>,
  options: 1, params: (q: string, options?: SearchV1Options) => ({ q: requiredString('q', q), resolve: flag(optionsOf(options).resolve) }),
});

/** The v2 search, which `searchV2` sends once it knows which parameters the server takes. */
export const searchV2Row = /* @__PURE__ */ row('GET /api/v2/search', {
  created: '2.4.1', changed: '3.3.0', returns: json<SearchResults>,
  params: (params: Params) => params,
});

function hasAdvancedParams(o: Partial<SearchOptions>): boolean {
  return o.account_id !== undefined || o.offset !== undefined || o.min_id !== undefined || o.max_id !== undefined;
}

/** Fails with `MastodonVersionError` when advanced parameters go to a server older than 2.8.0. */
function ensureAdvancedParamsAcceptable(client: MastodonClient, o: Partial<SearchOptions>): Observable<void> {
  if (!hasAdvancedParams(o)) return of(undefined);
  return verifyMinimumVersion(client, '2.8.0', { cached: true }).pipe(map((recent) => {
    if (!recent) throw new MastodonVersionError('Advanced search parameters (account_id, offset, min_id, max_id) require Mastodon 2.8.0+');
  }));
}

function optionalCount(name: string, value: unknown): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) throw new MastodonIllegalArgumentError(`${name} must be a whole number, 0 or more`);
  return value;
}

function optionalFlag(name: string, value: unknown): boolean | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') throw new MastodonIllegalArgumentError(`${name} must be a boolean`);
  return value;
}

function searchV2Params(q: string, o: Partial<SearchOptions>, sendExcludeUnreviewed: boolean): Params {
  return {
    q: requiredString('q', q),
    resolve: flag(o.resolve ?? true),
    type: o.result_type === undefined ? undefined : oneOf('result_type', o.result_type, RESULT_TYPES),
    account_id: optionalIdOf(o.account_id, 'account_id'),
    offset: o.offset,
    min_id: paginationIdOf(o.min_id, 'min_id'),
    max_id: paginationIdOf(o.max_id, 'max_id'),
    exclude_unreviewed: (o.exclude_unreviewed ?? true) && sendExcludeUnreviewed ? true : undefined,
    limit: optionalCount('limit', o.limit),
    following: flag(optionalFlag('following', o.following)),
  };
}

/**
 * Find accounts, statuses and hashtags. Uses `searchV2` on servers from 2.4.1 and
 * `searchV1` before (the known version is used; it is fetched once when unknown). The
 * parameters other than `resolve` need 2.8.0: given to an older server they fail with
 * `MastodonVersionError` before anything is sent.
 *
 * @example search(client, '#cats', { result_type: 'hashtags' }).subscribe((r) => console.log(r.hashtags))
 */
export function search(client: MastodonClient, q: string, options?: SearchOptions): Observable<SearchResults | SearchResultsV1> {
  return defer(() => {
    const o = optionsOf(options);
    requiredString('q', q);
    return verifyMinimumVersion(client, '2.4.1', { cached: true }).pipe(concatMap((v2): Observable<SearchResults | SearchResultsV1> => {
      if (v2) return searchV2(client, q, options);
      return ensureAdvancedParamsAcceptable(client, o).pipe(concatMap(() => searchV1(client, q, { resolve: o.resolve ?? true })));
    }));
  });
}

/**
 * Search with the v1 API (before 2.4.1): hashtags come as plain names.
 * @example searchV1(client, 'alice', { resolve: true }).subscribe((r) => console.log(r.accounts.length))
 */
export function searchV1(client: MastodonClient, q: string, options?: SearchV1Options): Observable<SearchResultsV1> {
  return call(client, searchV1Row, [q, options]);
}

/**
 * Search with the v2 API: hashtags come with their history; `result_type` is sent as `type`;
 * `exclude_unreviewed` is only sent to servers from 3.0.0.
 * @example searchV2(client, 'alice@example.com', { result_type: 'accounts' }).subscribe((r) => console.log(r.accounts[0]?.id))
 */
export function searchV2(client: MastodonClient, q: string, options?: SearchOptions): Observable<SearchResults> {
  return defer(() => {
    const reading = readOptions(options);
    const o = optionsOf(reading.options);
    searchV2Params(q, o, false);
    const unknown = reading.unknown();
    return ensureAdvancedParamsAcceptable(client, o).pipe(
      concatMap(() => (o.exclude_unreviewed ?? true) ? verifyMinimumVersion(client, '3.0.0', { cached: true }) : of(false)),
      concatMap((recent) => call(client, searchV2Row, [withUnknownOptions(searchV2Params(q, o, recent), unknown)])),
    );
  });
}
