import { MastodonIllegalArgumentError } from '../errors.js';

// Parameter builders shared by the account and sign-up endpoints; helpers, so they live apart
// from the endpoints.

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A date of birth as Mastodon takes it, `YYYY-MM-DD`: from a `Date` (its UTC day, as
 * `new Date('2000-01-31')` makes it) or a string already in that form; else an argument error.
 *
 * ## Example
 * ```ts
 * formatDateOfBirth(new Date('1990-04-01'))  // '1990-04-01'
 * formatDateOfBirth(undefined)               // undefined
 * ```
 */
export function formatDateOfBirth(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (value instanceof Date && Number.isFinite(value.getTime())) return value.toISOString().slice(0, 10);
  if (typeof value === 'string' && DAY.test(value) && Number.isFinite(Date.parse(value))) return value;
  throw new MastodonIllegalArgumentError('date_of_birth must be a valid Date or a YYYY-MM-DD string');
}
