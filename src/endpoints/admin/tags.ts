import { endpoint, json, page } from '../define.js';
import { optionsOf, pageParams, type PaginationOptions } from '../common.js';
import { optionalBoolean, optionalString } from './common.js';
import type { Admin_Tag } from '../../entities/admin.js';
import { idOf, type IdLike } from '../../ids.js';
import type { AdminTrendTarget } from './trend-reviews.js';
import type { Page } from '../../pagination/page.js';
import { fillPath } from '../../http/fill-path.js';

/** Options of `adminUpdateTag`: what to change about a hashtag. */
export interface AdminUpdateTagOptions {
  /** How the tag is written: the same letters as its name, in another case (`RxJS` for `rxjs`). */
  display_name?: string;
  /** Whether it may trend. */
  trendable?: boolean;
  /** Whether it may be used in statuses and searched for. */
  usable?: boolean;
  /** Whether it may be listed in public places such as the explore pages. */
  listable?: boolean;
}

// Hashtags as moderators see and govern them. Routed by Mastodon since 4.2 (not in its API
// documentation). Needs admin scopes.

/**
 * Every hashtag the server knows, by id. Emits one {@link Page}.
 * @example adminTags(client, { limit: 100 }).subscribe((page) => console.log(page.filter((t) => !t.usable)))
 */
export const adminTags = /* @__PURE__ */ endpoint('GET /api/v1/admin/tags', {
  created: '4.2.0', changed: '4.2.0', returns: page<Admin_Tag>,
  options: 0, params: (options?: PaginationOptions) => pageParams(options),
});

/**
 * One hashtag, by id.
 * @example adminTag(client, '802').subscribe((tag) => console.log(tag.trendable, tag.usable, tag.listable))
 */
export const adminTag = /* @__PURE__ */ endpoint('GET /api/v1/admin/tags/{id}', {
  fillPath, created: '4.2.0', changed: '4.2.0', returns: json<Admin_Tag>,
  params: (id: AdminTrendTarget) => ({ id: idOf(id as IdLike) }),
});

/**
 * Change a hashtag: whether it may trend, be used or be listed, and how it is written. Marks
 * it reviewed.
 * @example adminUpdateTag(client, tag, { usable: false, trendable: false })
 */
export const adminUpdateTag = /* @__PURE__ */ endpoint('PUT /api/v1/admin/tags/{id}', {
  fillPath, created: '4.2.0', changed: '4.2.0', returns: json<Admin_Tag>,
  options: 1, params: (id: AdminTrendTarget, options?: AdminUpdateTagOptions) => {
    const o = optionsOf(options);
    return {
      id: idOf(id as IdLike),
      display_name: optionalString('display_name', o.display_name),
      trendable: optionalBoolean('trendable', o.trendable),
      usable: optionalBoolean('usable', o.usable),
      listable: optionalBoolean('listable', o.listable),
    };
  },
});
