import { defer, type Observable } from 'rxjs';
import type { MastodonClient } from '../client/client.js';
import { byVersion } from './by-version.js';
import { endpoint, page, row } from './define.js';
import { optionsOf } from './common.js';
import type { Status } from '../entities/status.js';
import type { Tag } from '../entities/tag.js';
import type { TrendingLink } from '../entities/trends.js';
import { MastodonIllegalArgumentError } from '../errors.js';
import type { Params } from '../http/params.js';
import type { Page } from '../pagination/page.js';

/** Options of the trend calls. */
export interface TrendOptions {
  /** How many results at most (the server caps it, at 10 or 20 by version). */
  limit?: number;
  /** Skip this many results (3.5.0+); the pages' links carry it onward. */
  offset?: number;
  /** Language (ISO 639) for this call only, overriding the client's; it may change the ranking. */
  lang?: string;
}

function trendParams(options: TrendOptions | undefined): Params {
  const o = optionsOf(options);
  if (o.offset !== undefined && o.offset !== null && !(typeof o.offset === 'number' && Number.isInteger(o.offset) && o.offset >= 0)) {
    throw new MastodonIllegalArgumentError('offset must be a whole number, 0 or more');
  }
  return { limit: o.limit, offset: o.offset, lang: o.lang };
}

/** Trending hashtags on servers from 3.5.0. */
export const trendingTagsRow = /* @__PURE__ */ row('GET /api/v1/trends/tags', {
  created: '3.5.0', changed: '3.5.0', returns: page<Tag>,
  options: 0, params: (options?: TrendOptions) => trendParams(options),
});

/** Trending hashtags on servers before 3.5.0 (absent from 2.8.0 to 3.0.0). */
export const trendingTagsBefore350Row = /* @__PURE__ */ row('GET /api/v1/trends', {
  created: '2.4.3', changed: '3.0.0', returns: page<Tag>,
  options: 0, params: (options?: TrendOptions) => trendParams(options),
});

// Trending statuses and links.

/**
 * Statuses that are getting attention, most trending first. Emits one {@link Page}, whose
 * links move by `offset`.
 * @example trendingStatuses(client, { limit: 5 }).subscribe((statuses) => console.log(statuses.map((s) => s.url)))
 */
export const trendingStatuses = /* @__PURE__ */ endpoint('GET /api/v1/trends/statuses', {
  created: '3.5.0', changed: '3.5.0', returns: page<Status>,
  options: 0, params: (options?: TrendOptions) => trendParams(options),
});

/**
 * Links that are shared a lot, as preview cards with their history, most trending first.
 * Emits one {@link Page}, whose links move by `offset`.
 * @example trendingLinks(client, { limit: 5 }).subscribe((links) => console.log(links.map((l) => l.title)))
 */
export const trendingLinks = /* @__PURE__ */ endpoint('GET /api/v1/trends/links', {
  created: '3.5.0', changed: '3.5.0', returns: page<TrendingLink>,
  options: 0, params: (options?: TrendOptions) => trendParams(options),
});

/**
 * Hashtags that are trending, most trending first, with their use history: one {@link Page}.
 * Uses `/api/v1/trends/tags` on servers from 3.5.0 and `/api/v1/trends` before (the known
 * version is used; it is fetched once when unknown).
 *
 * @example trendingTags(client, { limit: 10 }).subscribe((tags) => console.log(tags.map((t) => `#${t.name}`)))
 */
export const trendingTags = /* @__PURE__ */ byVersion('3.5.0', trendingTagsRow, trendingTagsBefore350Row);

/**
 * Trending hashtags; the older name of `trendingTags`: one {@link Page}.
 * @example trends(client, { limit: 5 }).subscribe((tags) => console.log(tags.map((t) => t.name)))
 */
export function trends(client: MastodonClient, options?: Pick<TrendOptions, 'limit'>): Observable<Page<Tag>> {
  return defer(() => trendingTags(client, optionsOf(options)));
}
