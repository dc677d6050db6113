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

function dateOfString(form: DateForm, value: string): Date | string {
  let parsed: Date;
  if (form === 'epoch') {
    if (!DIGITS.test(value)) return value;
    parsed = new Date(Number(value) * 1000);
  } else {
    if (!ISO_SHAPE.test(value)) return value;
    parsed = new Date(value);
  }
  return Number.isNaN(parsed.getTime()) ? value : parsed;
}

function dateOfNumber(seconds: number): Date | number {
  const date = new Date(seconds * 1000);
  return Number.isNaN(date.getTime()) ? seconds : date;
}

/** `id`, `account_id`, `application_id`…: some servers send small ids as JSON numbers. */
function isIdField(key: string): boolean {
  return key === 'id' || key.endsWith('_id');
}

/**
 * Makes parsed JSON into entities, in place, at every depth: the known datetime fields become
 * `Date`s, and ids sent as numbers (`"id": 3`) become strings, as ids are everywhere else.
 * Values that do not parse are left as they came, so nothing is lost.
 *
 * ## Example
 * ```ts
 * reviveEntities(JSON.parse('{"created_at":"2022-12-01T19:48:34.595Z"}')).created_at instanceof Date  // true
 * reviveEntities(JSON.parse('{"id":3}')).id  // '3'
 * ```
 */
export function reviveEntities<T>(value: T): T {
  if (Array.isArray(value)) {
    for (const item of value) if (typeof item === 'object' && item !== null) reviveEntities(item);
  } else if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    for (const key in record) {
      const field = record[key];
      if (typeof field === 'string') {
        // Every date string starts with a digit; most strings (text, URLs, names) do not, and a
        // character test costs less than looking the key up.
        const first = field.charCodeAt(0);
        if (first >= 48 && first <= 57) {
          const form = DATE_FIELDS.get(key);
          if (form !== undefined) record[key] = dateOfString(form, field);
        }
      } else if (typeof field === 'object') {
        if (field !== null) reviveEntities(field);
      } else if (typeof field === 'number') {
        if (DATE_FIELDS.has(key)) record[key] = dateOfNumber(field);
        else if (isIdField(key)) record[key] = String(field);
      }
    }
  }
  return value;
}
