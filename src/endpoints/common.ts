import { MastodonIllegalArgumentError } from '../errors.js';
import type { Params } from '../http/params.js';
import { idOf, paginationIdOf, type IdLike, type PaginationId } from '../ids.js';

/** The cursor options of every paginated endpoint. A `Date` becomes a snowflake id. */
export interface PaginationOptions {
  /** Items older than this id. */
  max_id?: PaginationId;
  /** Items newer than this id, the oldest first (a gapless forward read). */
  min_id?: PaginationId;
  /** Items newer than this id, the newest first. */
  since_id?: PaginationId;
  /** How many items at most. */
  limit?: number;
}

/**
 * The wire parameters of {@link PaginationOptions}.
 *
 * ## Example
 * ```ts
 * paginationParams({ max_id: status, limit: 20 })  // { max_id: status.id, min_id: undefined, since_id: undefined, limit: 20 }
 * ```
 */
export function paginationParams(options: PaginationOptions): Params {
  return {
    max_id: paginationIdOf(options.max_id, 'max_id'),
    min_id: paginationIdOf(options.min_id, 'min_id'),
    since_id: paginationIdOf(options.since_id, 'since_id'),
    limit: options.limit,
  };
}

/**
 * The parameters of an endpoint that takes nothing but pagination options.
 * @example endpoint('GET /api/v1/mutes', { returns: page<Account>, options: 0, params: pageParams })
 */
export function pageParams(options?: PaginationOptions): Params {
  return paginationParams(optionsOf(options));
}

/**
 * The parameters of a paginated list that belongs to one object (an account, a list): its id and the pagination options.
 * @example endpoint('GET /api/v1/lists/{id}/accounts', { fillPath, returns: page<Account>, options: 1, params: idPageParams })
 */
export function idPageParams(id: IdLike, options?: PaginationOptions): Params {
  return { id: idOf(id), ...pageParams(options) };
}

/** A flag Mastodon.py sends only when it is true: `true`, else left out. */
export function flag(value: boolean | undefined | null): true | undefined {
  return value ? true : undefined;
}

/**
 * `value` when it is one of `allowed`, else a `MastodonIllegalArgumentError` naming them.
 *
 * ## Example
 * ```ts
 * oneOf('visibility', 'public', ['public', 'unlisted', 'private', 'direct'])  // 'public'
 * ```
 */
export function oneOf<T extends string>(name: string, value: unknown, allowed: readonly T[]): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    const shown = typeof value === 'string' ? JSON.stringify(value) : `of type ${typeof value}`;
    throw new MastodonIllegalArgumentError(`Invalid ${name} ${shown}; must be one of ${allowed.join(', ')}`);
  }
  return value as T;
}

/** The options object of a call: `{}` when none was given, an argument error when it is not an object. */
export function optionsOf<T extends object>(options: T | undefined | null): Partial<T> {
  if (options === undefined || options === null) return {};
  if (typeof options !== 'object' || Array.isArray(options)) {
    throw new MastodonIllegalArgumentError('Options must be an object');
  }
  return options;
}

/** A required string argument, else a `MastodonIllegalArgumentError`. */
export function requiredString(name: string, value: unknown): string {
  if (typeof value !== 'string') throw new MastodonIllegalArgumentError(`${name} must be a string`);
  return value;
}

/**
 * An optional boolean parameter: `undefined` when not given, else a boolean or a
 * `MastodonIllegalArgumentError`.
 * @example optionalBoolean('whole_word', true)  // true
 */
export function optionalBoolean(name: string, value: unknown): boolean | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') throw new MastodonIllegalArgumentError(`${name} must be a boolean`);
  return value;
}
