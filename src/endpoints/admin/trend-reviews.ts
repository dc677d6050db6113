import { endpoint, json, page } from '../define.js';
import { pageParams, type PaginationOptions } from '../common.js';
import type { Admin_Tag, Admin_TrendLink, Admin_TrendPublisher, Admin_TrendStatus } from '../../entities/admin.js';
import { idOf, type IdLike } from '../../ids.js';
import type { Params } from '../../http/params.js';
import type { Page } from '../../pagination/page.js';
import { fillPath } from '../../http/fill-path.js';

/**
 * What the review endpoints take: an id, or the hashtag, link, status or publisher itself. The
 * admin trends of servers before 4.2 give hashtags and links without ids: passing one of those
 * is an argument error.
 */
export type AdminTrendTarget = IdLike | { readonly id?: string };

const byId = (id: AdminTrendTarget): Params => ({ id: idOf(id as IdLike) });

// Reviewing trends: approving or rejecting trending links, statuses and hashtags, and the sites
// that publish links. An approved item may trend publicly; a rejected one may not. Routed by
// Mastodon since 4.2 (not in its API documentation). Needs admin scopes.

/**
 * Let a link trend publicly. Emits the link as moderators see it.
 * @example adminApproveTrendingLink(client, link).subscribe((l) => console.log(l.requires_review))
 */
export const adminApproveTrendingLink = /* @__PURE__ */ endpoint('POST /api/v1/admin/trends/links/{id}/approve', {
  fillPath, created: '4.2.0', changed: '4.2.0', returns: json<Admin_TrendLink>, params: byId,
});

/**
 * Keep a link out of the public trends.
 * @example adminRejectTrendingLink(client, link).subscribe()
 */
export const adminRejectTrendingLink = /* @__PURE__ */ endpoint('POST /api/v1/admin/trends/links/{id}/reject', {
  fillPath, created: '4.2.0', changed: '4.2.0', returns: json<Admin_TrendLink>, params: byId,
});

/**
 * Let a status trend publicly. Emits the status as moderators see it.
 * @example adminApproveTrendingStatus(client, status).subscribe((s) => console.log(s.requires_review))
 */
export const adminApproveTrendingStatus = /* @__PURE__ */ endpoint('POST /api/v1/admin/trends/statuses/{id}/approve', {
  fillPath, created: '4.2.0', changed: '4.2.0', returns: json<Admin_TrendStatus>, params: byId,
});

/**
 * Keep a status out of the public trends.
 * @example adminRejectTrendingStatus(client, status).subscribe()
 */
export const adminRejectTrendingStatus = /* @__PURE__ */ endpoint('POST /api/v1/admin/trends/statuses/{id}/reject', {
  fillPath, created: '4.2.0', changed: '4.2.0', returns: json<Admin_TrendStatus>, params: byId,
});

/**
 * Let a hashtag trend publicly (the tag's id, as `adminTrendingTags` and `adminTags` give it).
 * @example adminApproveTrendingTag(client, tag).subscribe((t) => console.log(t.trendable))
 */
export const adminApproveTrendingTag = /* @__PURE__ */ endpoint('POST /api/v1/admin/trends/tags/{id}/approve', {
  fillPath, created: '4.2.0', changed: '4.2.0', returns: json<Admin_Tag>, params: byId,
});

/**
 * Keep a hashtag out of the public trends.
 * @example adminRejectTrendingTag(client, tag).subscribe((t) => console.log(t.trendable))
 */
export const adminRejectTrendingTag = /* @__PURE__ */ endpoint('POST /api/v1/admin/trends/tags/{id}/reject', {
  fillPath, created: '4.2.0', changed: '4.2.0', returns: json<Admin_Tag>, params: byId,
});

/**
 * The sites whose links may trend (publishers), with their review state. Emits one {@link Page}.
 * @example adminTrendingLinkPublishers(client).subscribe((page) => console.log(page.filter((p) => p.requires_review)))
 */
export const adminTrendingLinkPublishers = /* @__PURE__ */ endpoint('GET /api/v1/admin/trends/links/publishers', {
  created: '4.2.0', changed: '4.2.0', returns: page<Admin_TrendPublisher>,
  options: 0, params: (options?: PaginationOptions) => pageParams(options),
});

/**
 * Let a site's links trend publicly, unless a link of it was rejected on its own.
 * @example adminApproveTrendingLinkPublisher(client, publisher).subscribe((p) => console.log(p.trendable))
 */
export const adminApproveTrendingLinkPublisher = /* @__PURE__ */ endpoint('POST /api/v1/admin/trends/links/publishers/{id}/approve', {
  fillPath, created: '4.2.0', changed: '4.2.0', returns: json<Admin_TrendPublisher>, params: byId,
});

/**
 * Keep a site's links out of the public trends, unless a link of it was approved on its own.
 * @example adminRejectTrendingLinkPublisher(client, publisher).subscribe((p) => console.log(p.trendable))
 */
export const adminRejectTrendingLinkPublisher = /* @__PURE__ */ endpoint('POST /api/v1/admin/trends/links/publishers/{id}/reject', {
  fillPath, created: '4.2.0', changed: '4.2.0', returns: json<Admin_TrendPublisher>, params: byId,
});
