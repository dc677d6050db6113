import { endpoint, json, nothing } from './define.js';
import { optionsOf, requiredString } from './common.js';
import { contextList } from './filter-params.js';
import type { Filter, FilterContext } from '../entities/filter.js';
import type { Notification } from '../entities/notification.js';
import type { Status } from '../entities/status.js';
import type { Params } from '../http/params.js';
import { idOf, type IdLike } from '../ids.js';
import { fillPath } from '../http/fill-path.js';

/** Options of `filterCreate`. */
export interface FilterCreateOptions {
  /** Let the server drop matches instead of hiding them (home and notifications only). Default `false`. */
  irreversible?: boolean;
  /** Match at word boundaries only. Default `true`. */
  whole_word?: boolean;
  /** Seconds until the filter expires; none for never. */
  expires_in?: number;
}

/** Options of `filterUpdate`: what to change. */
export interface FilterUpdateOptions {
  phrase?: string;
  context?: FilterContext | readonly FilterContext[];
  irreversible?: boolean;
  whole_word?: boolean;
  /** Seconds until the filter expires. */
  expires_in?: number;
}

// Keyword filters (the v1 filter API).

/**
 * All of the logged-in user's filters (not paginated).
 * @example filters(client).subscribe((list) => console.log(list.map((f) => f.phrase)))
 */
export const filters = /* @__PURE__ */ endpoint('GET /api/v1/filters', {
  created: '2.4.3', changed: '2.4.3', returns: json<Filter[]>,
});

/**
 * One filter, by id.
 * @example filter(client, '3').subscribe((f) => console.log(f.context))
 */
export const filter = /* @__PURE__ */ endpoint('GET /api/v1/filters/{id}', {
  fillPath, created: '2.4.3', changed: '2.4.3', returns: json<Filter>,
  params: (id: IdLike) => ({ id: idOf(id) }),
});

/**
 * Create a filter for `phrase` in the given contexts (`home`, `notifications`, `public`,
 * `thread`, `account`).
 * @example filterCreate(client, 'spoilers', ['home', 'public'], { whole_word: false, expires_in: 86400 }).subscribe((f) => console.log(f.id))
 */
export const filterCreate = /* @__PURE__ */ endpoint('POST /api/v1/filters', {
  created: '2.4.3', changed: '2.4.3', returns: json<Filter>,
  options: 2, params: (phrase: string, context: FilterContext | readonly FilterContext[], options?: FilterCreateOptions): Params => {
    const o = optionsOf(options);
    return {
      phrase: requiredString('phrase', phrase),
      context: contextList(context),
      irreversible: o.irreversible ?? false,
      whole_word: o.whole_word ?? true,
      expires_in: o.expires_in,
    };
  },
});

/**
 * Change a filter; only what is given is sent.
 * @example filterUpdate(client, filter, { phrase: 'japanimation' }).subscribe((f) => console.log(f.phrase))
 */
export const filterUpdate = /* @__PURE__ */ endpoint('PUT /api/v1/filters/{id}', {
  fillPath, created: '2.4.3', changed: '2.4.3', returns: json<Filter>,
  options: 1, params: (id: IdLike, options?: FilterUpdateOptions): Params => {
    const o = optionsOf(options);
    return {
      id: idOf(id),
      phrase: o.phrase === undefined ? undefined : requiredString('phrase', o.phrase),
      context: o.context === undefined ? undefined : contextList(o.context),
      irreversible: o.irreversible,
      whole_word: o.whole_word,
      expires_in: o.expires_in,
    };
  },
});

/**
 * Delete a filter.
 * @example filterDelete(client, filter).subscribe()
 */
export const filterDelete = /* @__PURE__ */ endpoint('DELETE /api/v1/filters/{id}', {
  fillPath, created: '2.4.3', changed: '2.4.3', returns: nothing,
  params: (id: IdLike) => ({ id: idOf(id) }),
});

/** A list `filtersApply` can filter: statuses or notifications. */
export type Filterable = Status | Notification;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

const WORD_CHAR = /^[\p{L}\p{N}_]$/u;

/**
 * The pattern of one filter. A whole-word phrase must not touch a letter, digit or `_` at an
 * end that is itself a word character (so `#tag` still matches after a space).
 */
function patternOf(filter: Filter): string {
  const body = escapeRegExp(filter.phrase);
  if (!filter.whole_word) return body;
  const chars = [...filter.phrase];
  const start = WORD_CHAR.test(chars[0]!) ? '(?<![\\p{L}\\p{N}_])' : '';
  const end = WORD_CHAR.test(chars[chars.length - 1]!) ? '(?![\\p{L}\\p{N}_])' : '';
  return start + body + end;
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** The text of HTML content: tags become spaces, entities are decoded, whitespace collapsed. */
function plainText(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, code: string) => {
      if (code[0] === '#') {
        const point = code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
        return Number.isFinite(point) && point <= 0x10ffff ? String.fromCodePoint(point) : whole;
      }
      return ENTITIES[code.toLowerCase()] ?? whole;
    })
    .replace(/\s+/g, ' ')
    .trim();
}

function contentOf(item: unknown): string | undefined {
  if (typeof item !== 'object' || item === null) return undefined;
  const record = item as { content?: unknown; status?: unknown };
  if (typeof record.content === 'string') return record.content;
  if (typeof record.status === 'object' && record.status !== null) {
    const content = (record.status as { content?: unknown }).content;
    return typeof content === 'string' ? content : undefined;
  }
  return undefined;
}

/**
 * The items of `objects` (statuses, or notifications by their status) that none of the
 * filters for `context` matches. Pure: makes no request. Matching is case-insensitive, on
 * the text of the HTML content; `whole_word` filters match at word boundaries only (letters
 * and digits of any script count as word characters).
 * Expired filters and filters of other contexts do not apply; items without content pass.
 * It takes v1 filters, as Mastodon.py's does; v2 filters (Mastodon 4.0) need no counterpart:
 * the server applies them, and a status they match carries `filtered`.
 *
 * @example const visible = filtersApply(page, filters, 'home');
 */
export function filtersApply<T extends Filterable>(objects: readonly T[], filters: readonly Filter[], context: FilterContext): T[] {
  const now = Date.now();
  const patterns = (Array.isArray(filters) ? filters : [])
    .filter((f: Filter) => typeof f?.phrase === 'string' && f.phrase !== '' && Array.isArray(f.context) && f.context.includes(context))
    .filter((f: Filter) => !(f.expires_at instanceof Date) || f.expires_at.getTime() > now)
    .map(patternOf);
  const items: readonly T[] = Array.isArray(objects) ? objects : [];
  if (patterns.length === 0) return [...items];
  const matcher = new RegExp(patterns.join('|'), 'iu');
  return items.filter((item) => {
    const content = contentOf(item);
    return content === undefined || !matcher.test(plainText(content));
  });
}
