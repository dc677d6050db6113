import { MastodonEntityTooDeepError } from '../errors.js';

type DateForm = 'iso' | 'epoch';

/**
 * Fields that hold times in Mastodon's entities: ISO strings, or epoch seconds as strings
 * (instance activity, tag history). `test/entities/revived-fields.test.ts` keeps this list
 * equal to the fields the entity types declare as `Date`.
 */
export const DATE_FIELDS: ReadonlyMap<string, DateForm> = new Map([
  ...[
    'created_at', 'expires_at', 'scheduled_at', 'updated_at', 'last_status_at', 'starts_at',
    'ends_at', 'published_at', 'edited_at', 'date', 'period', 'verified_at', 'action_taken_at',
    'used_at', 'mute_expires_at', 'muting_expires_at', 'latest_page_notification_at',
    'effective_date', 'succeeded_by', 'reviewed_at', 'requested_review_at',
  ].map((name) => [name, 'iso'] as const),
  ['week', 'epoch'],
  ['day', 'epoch'],
]);

const ISO_SHAPE = /^\d{4}-\d{2}-\d{2}/;
const DIGITS = /^\d+$/;

/** The `Date` of a time field as it came (ISO text, or epoch seconds as text or a number); the value itself when it does not parse. */
function dateOf(form: DateForm, value: string | number): Date | string | number {
  const date = typeof value === 'number' ? new Date(value * 1000)
    : form === 'epoch' ? DIGITS.test(value) && new Date(Number(value) * 1000)
    : ISO_SHAPE.test(value) && new Date(value);
  return date && !Number.isNaN(date.getTime()) ? date : value;
}

/**
 * How deep a value may nest, counting each object and array as a level. Mastodon's entities
 * nest a dozen levels at most (a reblog's quoted status's account's fields); deeper values are
 * refused rather than walked, so that no server can make the client (or its users' code,
 * printing or serialising a result) overflow the stack.
 */
export const MAX_ENTITY_DEPTH = 1000;

/**
 * Makes parsed JSON into entities, in place, at every depth: the known datetime fields become
 * `Date`s, and ids sent as numbers (`"id": 3`) become strings, as ids are everywhere else.
 * Values that do not parse are left as they came, so nothing is lost. A value nested deeper
 * than {@link MAX_ENTITY_DEPTH} throws `MastodonEntityTooDeepError` (what was walked before
 * that may already be revived).
 *
 * ## Example
 * ```ts
 * reviveEntities(JSON.parse('{"created_at":"2022-12-01T19:48:34.595Z"}')).created_at instanceof Date  // true
 * reviveEntities(JSON.parse('{"id":3}')).id  // '3'
 * ```
 */
export function reviveEntities<T>(value: T): T {
  if (typeof value === 'object' && value !== null) revive(value, 1);
  return value;
}

// Recursive, which a micro-benchmark measured as fast as the unbounded walk before it (an
// explicit stack was 10-30% slower); the depth bound keeps the recursion within ~1,000 frames.
function revive(container: object, depth: number): void {
  if (depth > MAX_ENTITY_DEPTH) {
    throw new MastodonEntityTooDeepError(`The value nests deeper than ${MAX_ENTITY_DEPTH} levels`);
  }
  const inner = depth + 1;
  if (Array.isArray(container)) {
    for (const item of container) if (typeof item === 'object' && item !== null) revive(item, inner);
    return;
  }
  const record = container as Record<string, unknown>;
  for (const key in record) {
    const field = record[key];
    if (typeof field === 'string') {
      // Every date string starts with a digit; most strings (text, URLs, names) do not, and a
      // character test costs less than looking the key up.
      const first = field.charCodeAt(0);
      if (first >= 48 && first <= 57) {
        const form = DATE_FIELDS.get(key);
        if (form !== undefined) record[key] = dateOf(form, field);
      }
    } else if (typeof field === 'object') {
      if (field !== null) revive(field, inner);
    } else if (typeof field === 'number') {
      const form = DATE_FIELDS.get(key);
      if (form !== undefined) record[key] = dateOf(form, field);
      // `id`, `account_id`…: some servers send small ids as JSON numbers.
      else if (key === 'id' || key.endsWith('_id')) record[key] = String(field);
    }
  }
}
