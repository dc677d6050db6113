import { oneOf } from './common.js';
import { NOTIFICATION_TYPES } from './constants.js';
import type { NotificationType } from '../entities/notification.js';
import { MastodonIllegalArgumentError, MastodonMalformedResponseError } from '../errors.js';
import { idOf } from '../ids.js';

// Parameter checks and answer readers shared by the notification endpoints.

/**
 * A list of notification types, each one the API documents; `undefined` when not given.
 * @example typeList('types', ['mention', 'follow'])  // ['mention', 'follow']
 */
export function typeList(name: string, values: readonly string[] | undefined | null): NotificationType[] | undefined {
  if (values === undefined || values === null) return undefined;
  if (!Array.isArray(values)) throw new MastodonIllegalArgumentError(`${name} must be a list of notification types`);
  return values.map((value: unknown) => oneOf(name, value, NOTIFICATION_TYPES));
}

/** A notification group, or its key. */
export type GroupKeyLike = string | { readonly group_key: string };

/**
 * The key of a notification group, given as the key or as the group; a key that could walk the
 * URL is an argument error, as an id is.
 * @example groupKeyOf({ group_key: 'favourite-1099-479000' })  // 'favourite-1099-479000'
 */
export function groupKeyOf(value: GroupKeyLike): string {
  const key: unknown = typeof value === 'object' && value !== null ? value.group_key : value;
  if (typeof key !== 'string') throw new MastodonIllegalArgumentError('group_key must be a string or a notification group');
  return idOf(key, 'group_key');
}

/**
 * One field of a small answer object (`{"merged": true}`, `{"count": 3}`), else a
 * `MastodonMalformedResponseError` that quotes the answer.
 * @example answerField({ count: 3 }, 'count', 'number')  // 3
 */
export function answerField<K extends 'boolean' | 'number'>(answer: unknown, field: string, kind: K): K extends 'boolean' ? boolean : number {
  const value = typeof answer === 'object' && answer !== null && !Array.isArray(answer) ? (answer as Record<string, unknown>)[field] : undefined;
  if (typeof value !== kind) {
    const body = JSON.stringify(answer) ?? String(answer);
    throw new MastodonMalformedResponseError(`The server's answer has no ${kind} "${field}": ${body.slice(0, 200)}`, {
      status: 200, reason: 'OK', error: undefined, body,
    });
  }
  return value as K extends 'boolean' ? boolean : number;
}
