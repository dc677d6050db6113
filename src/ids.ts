import { MastodonIllegalArgumentError } from './errors.js';

/** Anything with an `id`, such as an entity the API returned. */
export interface HasId {
  readonly id: string | number;
}

/** An id as the API takes it: a string, or an object carrying it (an entity). */
export type IdLike = string | HasId;

/** An id for pagination: also a `Date`, which becomes the matching snowflake id. */
export type PaginationId = IdLike | Date;

/** What no id holds: a path, query or fragment delimiter, or nothing but whitespace. */
const NOT_AN_ID = /[/?#]|^\s*$/;

/**
 * The id string of a value that is an id or carries one. An id that could walk a URL (`.`,
 * `..`, one holding `/`, `?` or `#`) or that is empty or only whitespace is a
 * `MastodonIllegalArgumentError`.
 *
 * ## Example
 * ```ts
 * idOf(status)      // status.id
 * idOf('10999')     // '10999'
 * idOf('..')        // throws MastodonIllegalArgumentError
 * ```
 */
export function idOf(value: IdLike | number, name = 'id'): string {
  if (typeof value === 'string') {
    if (value.length === 0) throw new MastodonIllegalArgumentError(`${name} must not be empty`);
    if (value === '.' || value === '..' || NOT_AN_ID.test(value)) {
      throw new MastodonIllegalArgumentError(`${name} ${JSON.stringify(value.slice(0, 100))} is not an id`);
    }
    return value;
  }
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) {
      throw new MastodonIllegalArgumentError(`${name} ${value} is not a safe integer; pass ids as strings`);
    }
    return String(value);
  }
  if (typeof value === 'object' && value !== null && 'id' in value) return idOf(value.id, name);
  throw new MastodonIllegalArgumentError(`${name} must be an id string or an object with an id`);
}

/** `idOf` for an optional value. */
export function optionalIdOf(value: IdLike | number | undefined | null, name = 'id'): string | undefined {
  return value === undefined || value === null ? undefined : idOf(value, name);
}

/** The ids of a value that is one id or a list of them. */
export function idsOf(values: IdLike | readonly IdLike[], name = 'ids'): string[] {
  return (Array.isArray(values) ? values : [values]).map((v: IdLike) => idOf(v, name));
}

/**
 * The snowflake id Mastodon would give a post made at `date`: milliseconds since the epoch
 * shifted left by 16 bits. Ids compare by time, so this works as a pagination bound.
 *
 * ## Example
 * ```ts
 * snowflakeOf(new Date('2022-12-01T00:00:00Z'))  // '109435473100800000'
 * ```
 */
export function snowflakeOf(date: Date): string {
  const ms = date.getTime();
  if (!Number.isFinite(ms)) throw new MastodonIllegalArgumentError('Invalid Date as pagination id');
  return (BigInt(Math.trunc(ms)) << 16n).toString();
}

/** A pagination bound: a `Date` becomes its snowflake id, anything else its id. */
export function paginationIdOf(value: PaginationId | undefined | null, name: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  return value instanceof Date ? snowflakeOf(value) : idOf(value, name);
}
