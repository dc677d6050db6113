/** Fields that hold ISO times in Mastodon's entities. */
const ISO_DATE_FIELDS = new Set([
  'created_at', 'expires_at', 'scheduled_at', 'updated_at', 'last_status_at', 'starts_at',
  'ends_at', 'published_at', 'edited_at', 'date', 'period', 'verified_at', 'last_read_at',
  'locked_at', 'suspended_at', 'silenced_at', 'action_taken_at', 'sensitized_at', 'read_at',
  'last_used_at', 'approved_at',
]);

/** Fields that hold epoch seconds as strings (instance activity). */
const EPOCH_FIELDS = new Set(['week', 'day']);

const ISO_SHAPE = /^\d{4}-\d{2}-\d{2}/;

function toDate(key: string, value: unknown): unknown {
  if (typeof value === 'string') {
    if (EPOCH_FIELDS.has(key)) {
      return /^\d+$/.test(value) ? new Date(Number(value) * 1000) : value;
    }
    if (!ISO_SHAPE.test(value)) return value;
    const parsed = new Date(value);
    return Number.isNaN(parsed.getTime()) ? value : parsed;
  }
  if (typeof value === 'number' && Number.isFinite(value)) return new Date(value * 1000);
  return value;
}

/**
 * Turns the known datetime fields of parsed JSON into `Date`s, in place, at every depth.
 * Values that do not parse are left as they came, so nothing is lost. Ids are never touched:
 * they stay the strings the server sent.
 *
 * ## Example
 * ```ts
 * reviveDates(JSON.parse('{"created_at":"2022-12-01T19:48:34.595Z"}')).created_at instanceof Date  // true
 * ```
 */
export function reviveDates<T>(value: T): T {
  if (Array.isArray(value)) {
    for (const item of value) reviveDates(item);
  } else if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    for (const key in record) {
      const field = record[key];
      if (typeof field === 'object') {
        if (field !== null) reviveDates(field);
      } else if (ISO_DATE_FIELDS.has(key) || EPOCH_FIELDS.has(key)) {
        record[key] = toDate(key, field);
      }
    }
  }
  return value;
}
