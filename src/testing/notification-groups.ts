import type { FakeNotification, FakeStore } from './store.js';

/** The notification types Mastodon groups (4.3; `admin.sign_up` since 4.4). */
export const GROUPABLE_NOTIFICATION_TYPES: readonly string[] = ['favourite', 'reblog', 'follow', 'admin.sign_up'];

/** How many hours one group may span before a new one starts. */
export const MAXIMUM_GROUP_SPAN_HOURS = 12;

/**
 * The `group_key` Mastodon gives a new notification: favourites and boosts of one status, and
 * follows (and sign-ups), share a key while they come within twelve hours of the group's first
 * hour; a filtered notification and every other type stand alone as `ungrouped-{id}`.
 *
 * ## Example
 * ```ts
 * groupKeyFor(store, favourite)  // 'favourite-109384023845372-479000'
 * ```
 */
export function groupKeyFor(store: FakeStore, notification: FakeNotification): string {
  if (notification.filtered || !GROUPABLE_NOTIFICATION_TYPES.includes(notification.type)) return `ungrouped-${notification.id}`;
  const prefix = notification.type === 'favourite' || notification.type === 'reblog'
    ? `${notification.type}-${notification.status?.id ?? ''}`
    : notification.type;
  const buckets = store.extension('notification-group-buckets', () => new Map<string, number>());
  const key = `${notification.recipientId}/${prefix}`;
  let bucket = Math.floor(Date.parse(notification.created_at) / 3_600_000);
  const previous = buckets.get(key);
  if (previous !== undefined && bucket < previous + MAXIMUM_GROUP_SPAN_HOURS) bucket = previous;
  buckets.set(key, bucket);
  return `${prefix}-${bucket}`;
}
