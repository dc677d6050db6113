import { MastodonIllegalArgumentError } from './errors.js';

/**
 * `value` when it is one of `allowed`, else a `MastodonIllegalArgumentError` naming them: for
 * options that take one of a few names.
 *
 * @example checkedChoice('ratelimit_method', 'wait', ['throw', 'wait', 'pace'])  // 'wait'
 */
export function checkedChoice<T extends string>(name: string, value: unknown, allowed: readonly T[]): T {
  if (!(allowed as readonly unknown[]).includes(value)) {
    throw new MastodonIllegalArgumentError(`Invalid ${name} ${JSON.stringify(value)}; must be one of ${allowed.join(', ')}`);
  }
  return value as T;
}
