import { defer, type Observable } from 'rxjs';
import { concatMap } from 'rxjs/operators';
import { endpoint, json } from './define.js';
import { optionsOf } from './common.js';
import type { Mastodon } from '../client/mastodon.js';
import type { Status } from '../entities/status.js';
import type { Tag } from '../entities/tag.js';
import type { TrendingLink } from '../entities/trends.js';
import type { Params } from '../http/params.js';

/** Options of the trend calls. */
export interface TrendOptions {
  /** How many results at most (the server caps it, at 10 or 20 by version). */
  limit?: number;
  /** Language (ISO 639) for this call only, overriding the client's; it may change the ranking. */
  lang?: string;
}

function trendParams(options: TrendOptions | undefined): Params {
  const o = optionsOf(options);
  return { limit: o.limit, lang: o.lang };
}

/** Trending hashtags on servers from 3.5.0. */
const trendingTagsNow = endpoint('GET /api/v1/trends/tags', {
  created: '3.5.0', changed: '3.5.0', returns: json<Tag[]>(),
  params: (options?: TrendOptions) => trendParams(options),
});

/** Trending hashtags on servers before 3.5.0 (absent from 2.8.0 to 3.0.0). */
const trendingTagsBefore350 = endpoint('GET /api/v1/trends', {
  created: '2.4.3', changed: '3.0.0', returns: json<Tag[]>(),
  params: (options?: TrendOptions) => trendParams(options),
});

/** Trending statuses and links. */
export const trends = {
  /**
   * Statuses that are getting attention, most trending first (not paginated).
   * @example api.trendingStatuses({ limit: 5 }).subscribe((statuses) => console.log(statuses.map((s) => s.url)))
   */
  trendingStatuses: endpoint('GET /api/v1/trends/statuses', {
    created: '3.5.0', changed: '3.5.0', returns: json<Status[]>(),
    params: (options?: TrendOptions) => trendParams(options),
  }),

  /**
   * Links that are shared a lot, as preview cards with their history, most trending first.
   * @example api.trendingLinks({ limit: 5 }).subscribe((links) => console.log(links.map((l) => l.title)))
   */
  trendingLinks: endpoint('GET /api/v1/trends/links', {
    created: '3.5.0', changed: '3.5.0', returns: json<TrendingLink[]>(),
    params: (options?: TrendOptions) => trendParams(options),
  }),
};

/** Trending hashtags: the route depends on the server's version. */
export const trendExtras = {
  /**
   * Hashtags that are trending, most trending first, with their use history. Uses
   * `/api/v1/trends/tags` on servers from 3.5.0 and `/api/v1/trends` before (the known
   * version is used; it is fetched once when unknown).
   *
   * @example api.trendingTags({ limit: 10 }).subscribe((tags) => console.log(tags.map((t) => `#${t.name}`)))
   */
  trendingTags(this: Mastodon, options?: TrendOptions): Observable<Tag[]> {
    return defer(() => {
      const args = [optionsOf(options)];
      return this.verifyMinimumVersion('3.5.0', { cached: true }).pipe(
        concatMap((recent) => this.callEndpoint<Tag[]>(recent ? trendingTagsNow : trendingTagsBefore350, args)),
      );
    });
  },

  /**
   * Trending hashtags; the older name of `trendingTags`.
   * @example api.trends({ limit: 5 }).subscribe((tags) => console.log(tags.map((t) => t.name)))
   */
  trends(this: Mastodon, options?: Pick<TrendOptions, 'limit'>): Observable<Tag[]> {
    return defer(() => this.trendingTags({ limit: optionsOf(options).limit }));
  },
};
