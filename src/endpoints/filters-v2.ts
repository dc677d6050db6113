import { endpoint, json, nothing } from './define.js';
import { optionalBoolean, optionsOf, requiredString } from './common.js';
import {
  contextList, filterActionOf, keywordAttributesList, optionalSeconds, type FilterKeywordAttributes,
} from './filter-params.js';
import type { FilterAction, FilterContext, FilterKeyword, FilterStatus, FilterV2 } from '../entities/filter.js';
import { jsonBody, type Params } from '../http/params.js';
import { idOf, type IdLike } from '../ids.js';
import { fillPath } from '../http/fill-path.js';

// Filters v2 (Mastodon 4.0): a filter has a title, contexts, an action and any number of
// keywords and statuses. The server applies them: a matching status carries `filtered`.

export type { FilterKeywordAttributes };

/** Options of `createFilterV2`. */
export interface CreateFilterV2Options {
  /** Seconds until the filter expires; none for never. */
  expires_in?: number;
  /** Keywords to create with the filter. */
  keywords_attributes?: readonly FilterKeywordAttributes[];
}

/** Options of `updateFilterV2`: what to change. */
export interface UpdateFilterV2Options {
  title?: string;
  context?: FilterContext | readonly FilterContext[];
  /** `warn`, `hide`, or `blur` (4.4). */
  filter_action?: FilterAction;
  /** Seconds from now until the filter expires; `null` for never (sent empty, which clears an expiry). */
  expires_in?: number | null;
  /** Keywords to add (no `id`), change (`id` and new values) or remove (`id` and `_destroy: true`). */
  keywords_attributes?: readonly FilterKeywordAttributes[];
}

/** Options of `addFilterKeywordV2`. */
export interface AddFilterKeywordV2Options {
  /** Match at word boundaries only. Default `false`. */
  whole_word?: boolean;
}

/** Options of `updateFilterKeywordV2`. */
export interface UpdateFilterKeywordV2Options {
  /** Match at word boundaries only; unchanged when left out. */
  whole_word?: boolean;
}

const byFilter = (filter_id: IdLike): Params => ({ filter_id: idOf(filter_id, 'filter_id') });
const byKeyword = (keyword_id: IdLike): Params => ({ keyword_id: idOf(keyword_id, 'keyword_id') });
const byFilterStatus = (filter_status_id: IdLike): Params => ({ filter_status_id: idOf(filter_status_id, 'filter_status_id') });

/**
 * All of the logged-in user's v2 filters, with their keywords and statuses (not paginated).
 * @example filtersV2(client).subscribe((filters) => console.log(filters.map((f) => f.title)))
 */
export const filtersV2 = /* @__PURE__ */ endpoint('GET /api/v2/filters', {
  created: '4.0.0', changed: '4.0.0', returns: json<FilterV2[]>,
});

/**
 * One v2 filter, by id.
 * @example filterV2(client, '12').subscribe((filter) => console.log(filter.filter_action))
 */
export const filterV2 = /* @__PURE__ */ endpoint('GET /api/v2/filters/{filter_id}', {
  fillPath, created: '4.0.0', changed: '4.0.0', returns: json<FilterV2>, params: byFilter,
});

/**
 * Create a v2 filter: its title, the contexts it applies in (`home`, `notifications`,
 * `public`, `thread`, `account`), and what it does with a match (`warn`, `hide`, or `blur`
 * from 4.4), with keywords to start with. Sent as JSON.
 * @example createFilterV2(client, 'Spoilers', ['home', 'public'], 'warn', { keywords_attributes: [{ keyword: 'finale', whole_word: true }] }).subscribe((f) => console.log(f.id))
 */
export const createFilterV2 = /* @__PURE__ */ endpoint('POST /api/v2/filters', {
  created: '4.0.0', changed: '4.0.0', returns: json<FilterV2>, encoding: jsonBody,
  options: 3, params: (title: string, context: FilterContext | readonly FilterContext[], filter_action: FilterAction, options?: CreateFilterV2Options): Params => {
    const o = optionsOf(options);
    return {
      title: requiredString('title', title),
      context: contextList(context),
      filter_action: filterActionOf(filter_action),
      expires_in: optionalSeconds('expires_in', o.expires_in),
      keywords_attributes: keywordAttributesList(o.keywords_attributes, false),
    };
  },
});

/**
 * Change a v2 filter; only what is given is sent (as JSON). Keywords are added, changed or
 * removed through `keywords_attributes`; `expires_in: null` makes the filter never expire.
 * @example updateFilterV2(client, filter, { filter_action: 'hide', keywords_attributes: [{ id: keyword.id, _destroy: true }] }).subscribe((f) => console.log(f.keywords))
 */
export const updateFilterV2 = /* @__PURE__ */ endpoint('PUT /api/v2/filters/{filter_id}', {
  fillPath, created: '4.0.0', changed: '4.0.0', returns: json<FilterV2>, encoding: jsonBody,
  options: 1, params: (filter_id: IdLike, options?: UpdateFilterV2Options): Params => {
    const o = optionsOf(options);
    return {
      filter_id: idOf(filter_id, 'filter_id'),
      title: o.title === undefined ? undefined : requiredString('title', o.title),
      context: o.context === undefined ? undefined : contextList(o.context),
      filter_action: o.filter_action === undefined ? undefined : filterActionOf(o.filter_action),
      expires_in: o.expires_in === null ? '' : optionalSeconds('expires_in', o.expires_in),
      keywords_attributes: keywordAttributesList(o.keywords_attributes, true),
    };
  },
});

/**
 * Delete a v2 filter, with its keywords and statuses.
 * @example deleteFilterV2(client, filter).subscribe()
 */
export const deleteFilterV2 = /* @__PURE__ */ endpoint('DELETE /api/v2/filters/{filter_id}', {
  fillPath, created: '4.0.0', changed: '4.0.0', returns: nothing, params: byFilter,
});

/**
 * The keywords of a v2 filter (not paginated).
 * @example filterKeywordsV2(client, filter).subscribe((keywords) => console.log(keywords.map((k) => k.keyword)))
 */
export const filterKeywordsV2 = /* @__PURE__ */ endpoint('GET /api/v2/filters/{filter_id}/keywords', {
  fillPath, created: '4.0.0', changed: '4.0.0', returns: json<FilterKeyword[]>, params: byFilter,
});

/**
 * Add a keyword to a v2 filter.
 * @example addFilterKeywordV2(client, filter, 'finale', { whole_word: true }).subscribe((k) => console.log(k.id))
 */
export const addFilterKeywordV2 = /* @__PURE__ */ endpoint('POST /api/v2/filters/{filter_id}/keywords', {
  fillPath, created: '4.0.0', changed: '4.0.0', returns: json<FilterKeyword>,
  options: 2, params: (filter_id: IdLike, keyword: string, options?: AddFilterKeywordV2Options): Params => {
    const o = optionsOf(options);
    return {
      filter_id: idOf(filter_id, 'filter_id'),
      keyword: requiredString('keyword', keyword),
      whole_word: optionalBoolean('whole_word', o.whole_word) ?? false,
    };
  },
});

/**
 * One keyword of a v2 filter, by its id. Mastodon.py has no method for it.
 * @example filterKeywordV2(client, '7').subscribe((k) => console.log(k.keyword))
 */
export const filterKeywordV2 = /* @__PURE__ */ endpoint('GET /api/v2/filters/keywords/{keyword_id}', {
  fillPath, created: '4.0.0', changed: '4.0.0', returns: json<FilterKeyword>, params: byKeyword,
});

/**
 * Change a keyword of a v2 filter. Mastodon.py has no method for it.
 * @example updateFilterKeywordV2(client, keyword, 'season finale', { whole_word: false }).subscribe((k) => console.log(k.keyword))
 */
export const updateFilterKeywordV2 = /* @__PURE__ */ endpoint('PUT /api/v2/filters/keywords/{keyword_id}', {
  fillPath, created: '4.0.0', changed: '4.0.0', returns: json<FilterKeyword>,
  options: 2, params: (keyword_id: IdLike, keyword: string, options?: UpdateFilterKeywordV2Options): Params => {
    const o = optionsOf(options);
    return {
      keyword_id: idOf(keyword_id, 'keyword_id'),
      keyword: requiredString('keyword', keyword),
      whole_word: optionalBoolean('whole_word', o.whole_word),
    };
  },
});

/**
 * Remove a keyword from its v2 filter.
 * @example deleteFilterKeywordV2(client, keyword).subscribe()
 */
export const deleteFilterKeywordV2 = /* @__PURE__ */ endpoint('DELETE /api/v2/filters/keywords/{keyword_id}', {
  fillPath, created: '4.0.0', changed: '4.0.0', returns: nothing, params: byKeyword,
});

/**
 * The statuses a v2 filter matches by id (not paginated).
 * @example filterStatusesV2(client, filter).subscribe((entries) => console.log(entries.map((e) => e.status_id)))
 */
export const filterStatusesV2 = /* @__PURE__ */ endpoint('GET /api/v2/filters/{filter_id}/statuses', {
  fillPath, created: '4.0.0', changed: '4.0.0', returns: json<FilterStatus[]>, params: byFilter,
});

/**
 * Make a v2 filter match one status (and its boosts) whatever its text.
 * @example addFilterStatusV2(client, filter, status).subscribe((entry) => console.log(entry.id))
 */
export const addFilterStatusV2 = /* @__PURE__ */ endpoint('POST /api/v2/filters/{filter_id}/statuses', {
  fillPath, created: '4.0.0', changed: '4.0.0', returns: json<FilterStatus>,
  params: (filter_id: IdLike, status_id: IdLike): Params => ({
    filter_id: idOf(filter_id, 'filter_id'), status_id: idOf(status_id, 'status_id'),
  }),
});

/**
 * One status entry of a v2 filter, by the entry's id (not the status's).
 * @example filterStatusV2(client, '3').subscribe((entry) => console.log(entry.status_id))
 */
export const filterStatusV2 = /* @__PURE__ */ endpoint('GET /api/v2/filters/statuses/{filter_status_id}', {
  fillPath, created: '4.0.0', changed: '4.0.0', returns: json<FilterStatus>, params: byFilterStatus,
});

/**
 * Remove a status entry from its v2 filter.
 * @example deleteFilterStatusV2(client, entry).subscribe()
 */
export const deleteFilterStatusV2 = /* @__PURE__ */ endpoint('DELETE /api/v2/filters/statuses/{filter_status_id}', {
  fillPath, created: '4.0.0', changed: '4.0.0', returns: nothing, params: byFilterStatus,
});
