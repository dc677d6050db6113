import { endpoint, json } from '../define.js';
import { optionsOf } from '../common.js';
import type { Admin_Tag, Admin_TrendLink, Admin_TrendStatus } from '../../entities/admin.js';

/** Options of `adminTrendingTags`. */
export interface AdminTrendingTagsOptions {
  /** How many tags at most. */
  limit?: number;
}

// The admin view of trends, unreviewed items included. Needs admin scopes.

/**
 * Trending hashtags, unreviewed ones included, most trending first.
 * @example adminTrendingTags(client, { limit: 5 }).subscribe((tags) => console.log(tags.map((t) => t.name)))
 */
export const adminTrendingTags = /* @__PURE__ */ endpoint('GET /api/v1/admin/trends/tags', {
  created: '3.5.0', changed: '3.5.0', returns: json<Admin_Tag[]>,
  options: 0, params: (options?: AdminTrendingTagsOptions) => ({ limit: optionsOf(options).limit }),
});

/**
 * Trending statuses, unreviewed ones included, most trending first; newer servers say which
 * wait for review.
 * @example adminTrendingStatuses(client).subscribe((statuses) => console.log(statuses.filter((s) => s.requires_review)))
 */
export const adminTrendingStatuses = /* @__PURE__ */ endpoint('GET /api/v1/admin/trends/statuses', {
  created: '3.5.0', changed: '3.5.0', returns: json<Admin_TrendStatus[]>,
});

/**
 * Trending links, unreviewed ones included, most trending first.
 * @example adminTrendingLinks(client).subscribe((links) => console.log(links[0]?.url))
 */
export const adminTrendingLinks = /* @__PURE__ */ endpoint('GET /api/v1/admin/trends/links', {
  created: '3.5.0', changed: '3.5.0', returns: json<Admin_TrendLink[]>,
});
