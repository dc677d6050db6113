import { MastodonIllegalArgumentError } from '../../errors.js';

/**
 * A domain without its `http://` or `https://` prefix and trailing slashes, as the admin API
 * filters by bare domains.
 *
 * ## Example
 * ```ts
 * bareDomain('by_domain', 'https://chitter.xyz/')  // 'chitter.xyz'
 * ```
 */
export function bareDomain(name: string, value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new MastodonIllegalArgumentError(`${name} must be a domain string`);
  return value.replace(/^https?:\/\//i, '').replace(/\/+$/, '');
}

/**
 * An optional boolean argument: left out when not given, an argument error when not a boolean.
 * @example optionalBoolean('reject_media', o.reject_media)  // true | false | undefined
 */
export function optionalBoolean(name: string, value: unknown): boolean | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') throw new MastodonIllegalArgumentError(`${name} must be true or false`);
  return value;
}

/**
 * An optional string argument: left out when not given, an argument error when not a string.
 * @example optionalString('public_comment', o.public_comment)
 */
export function optionalString(name: string, value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new MastodonIllegalArgumentError(`${name} must be a string`);
  return value;
}

/**
 * An optional choice among `allowed`: left out when not given, an argument error when not one of them.
 * @example optionalOneOf('origin', o.origin, ['local', 'remote'])
 */
export function optionalOneOf<T extends string>(name: string, value: unknown, allowed: readonly T[]): T | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    const shown = typeof value === 'string' ? JSON.stringify(value) : `of type ${typeof value}`;
    throw new MastodonIllegalArgumentError(`Invalid ${name} ${shown}; must be one of ${allowed.join(', ')}`);
  }
  return value as T;
}

/**
 * A required `Date` argument, else an argument error (an Invalid Date included).
 * @example requiredDate('start_at', start_at)
 */
export function requiredDate(name: string, value: unknown): Date {
  if (!(value instanceof Date) || !Number.isFinite(value.getTime())) {
    throw new MastodonIllegalArgumentError(`${name} must be a valid Date`);
  }
  return value;
}

/**
 * An optional number of seconds (`expires_in`): left out when not given, an argument error
 * unless it is a whole number of seconds above zero.
 * @example optionalSeconds('expires_in', o.expires_in)  // 86400 | undefined
 */
export function optionalSeconds(name: string, value: unknown): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value <= 0) {
    throw new MastodonIllegalArgumentError(`${name} must be a whole number of seconds above zero`);
  }
  return value;
}

/**
 * A required, non-empty string argument (a domain, an e-mail address), else an argument error.
 * @example requiredText('domain', domain)
 */
export function requiredText(name: string, value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') throw new MastodonIllegalArgumentError(`${name} must be a non-empty string`);
  return value;
}
