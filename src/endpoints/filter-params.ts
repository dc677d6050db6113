import { oneOf, requiredString } from './common.js';
import { FILTER_ACTIONS, FILTER_CONTEXTS } from './constants.js';
import type { FilterAction, FilterContext } from '../entities/filter.js';
import { MastodonIllegalArgumentError } from '../errors.js';
import type { Params } from '../http/params.js';
import { idOf, type IdLike } from '../ids.js';

// Parameter checks shared by the filter endpoints of both APIs (v1 and v2).

/**
 * A keyword given when a v2 filter is created: the text, and whether it matches whole words only.
 * On an update, `id` names a keyword of the filter to change, and `_destroy: true` with an `id`
 * removes that keyword.
 */
export interface FilterKeywordAttributes {
  /** The text to match (required for a new keyword). */
  keyword?: string;
  /** Match at word boundaries only. */
  whole_word?: boolean;
  /** The keyword of the filter to change or remove (updates only). */
  id?: IdLike;
  /** Remove the keyword named by `id` (updates only). */
  _destroy?: boolean;
}

/**
 * The contexts of a filter as a non-empty list of known contexts.
 * @example contextList('home')  // ['home']
 */
export function contextList(context: FilterContext | readonly FilterContext[]): FilterContext[] {
  const list: readonly unknown[] = Array.isArray(context) ? context : [context];
  if (list.length === 0) throw new MastodonIllegalArgumentError('context must name at least one context');
  return list.map((value) => oneOf('context', value, FILTER_CONTEXTS));
}

/**
 * A filter action the API knows: `warn`, `hide` or `blur` (4.4).
 * @example filterActionOf('hide')  // 'hide'
 */
export function filterActionOf(action: unknown): FilterAction {
  return oneOf('filter_action', action, FILTER_ACTIONS);
}

/**
 * A number of seconds from now, or nothing: a positive finite number.
 * @example optionalSeconds('expires_in', 3600)  // 3600
 */
export function optionalSeconds(name: string, value: unknown): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new MastodonIllegalArgumentError(`${name} must be a positive number of seconds`);
  }
  return value;
}

function attributesOf(value: unknown, forUpdate: boolean): Params {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new MastodonIllegalArgumentError('Each of keywords_attributes must be an object: { keyword, whole_word }');
  }
  const given = value as FilterKeywordAttributes;
  const id = forUpdate && given.id !== undefined && given.id !== null ? idOf(given.id, 'keywords_attributes id') : undefined;
  if (!forUpdate && (given.id !== undefined || given._destroy !== undefined)) {
    throw new MastodonIllegalArgumentError('keywords_attributes of a new filter take keyword and whole_word only');
  }
  if (given._destroy !== undefined && typeof given._destroy !== 'boolean') throw new MastodonIllegalArgumentError('_destroy must be a boolean');
  if (given._destroy && id === undefined) throw new MastodonIllegalArgumentError('_destroy needs the id of the keyword to remove');
  if (given.whole_word !== undefined && typeof given.whole_word !== 'boolean') throw new MastodonIllegalArgumentError('whole_word must be a boolean');
  const keyword = given.keyword === undefined && id !== undefined ? undefined : requiredString('keyword', given.keyword);
  if (keyword !== undefined && keyword.trim() === '') throw new MastodonIllegalArgumentError('keyword must not be blank');
  return { id, keyword, whole_word: given.whole_word, _destroy: given._destroy };
}

/**
 * The `keywords_attributes` of a v2 filter: a list of checked keyword objects, sent as JSON.
 * @example keywordAttributesList([{ keyword: 'spoiler', whole_word: true }], false)
 */
export function keywordAttributesList(value: unknown, forUpdate: boolean): Params[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) throw new MastodonIllegalArgumentError('keywords_attributes must be a list of { keyword, whole_word }');
  return value.map((item: unknown) => attributesOf(item, forUpdate));
}
