import { MastodonIllegalArgumentError } from '../errors.js';

/** A value a request parameter may hold. `undefined` and `null` are left out of the request. */
export type ParamValue =
  | string
  | number
  | bigint
  | boolean
  | Date
  | null
  | undefined
  | readonly ParamValue[]
  | { readonly [key: string]: ParamValue };

/** The parameters of one request, by their wire names. */
export type Params = { readonly [key: string]: ParamValue };

/**
 * A `Date` as Mastodon.py sends it: UTC, to the second, with an explicit offset.
 *
 * ## Example
 * ```ts
 * formatDate(new Date(Date.UTC(2022, 11, 1, 8, 30)))  // '2022-12-01T08:30:00+00:00'
 * ```
 */
export function formatDate(date: Date): string {
  if (!Number.isFinite(date.getTime())) throw new MastodonIllegalArgumentError('Invalid Date');
  return `${date.toISOString().slice(0, 19)}+00:00`;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * `text` when it is well-formed UTF-16 (no lone surrogate), so that it can be URL-encoded as
 * it is; else a `MastodonIllegalArgumentError` about the parameter `name`.
 *
 * ## Example
 * ```ts
 * wellFormedText('status', 'caf\u00e9 \u{1F418}')  // 'café 🐘'
 * wellFormedText('status', '\uD83D')               // throws MastodonIllegalArgumentError
 * ```
 */
export function wellFormedText(name: string, text: string): string {
  if (LONE_SURROGATE.test(text)) throw new MastodonIllegalArgumentError(`${name} is not well-formed text (it holds a lone surrogate)`);
  return text;
}

/** What is left of a parameter value once lists, nested objects and absent values are set aside. */
type Scalar = string | number | bigint | boolean | Date;

function scalar(key: string, value: Scalar): string {
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (typeof value === 'string') return wellFormedText(key, value);
  if (value instanceof Date) return formatDate(value);
  if (typeof value === 'number' && !Number.isFinite(value)) {
    throw new MastodonIllegalArgumentError(`${key} must be a finite number, got ${value}`);
  }
  return String(value);
}

/** Whether a parameter is a nested object (neither a list nor a date): `poll[options][]` in a form. */
export function isPlainObject(value: unknown): value is { readonly [key: string]: ParamValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

/**
 * Flattens parameters into the `key=value` pairs of a query string or form body, as Rails
 * reads them: lists become repeated `key[]`, nested objects `key[sub]`, booleans `1`/`0`,
 * dates UTC ISO strings; `undefined` and `null` are dropped.
 *
 * ## Example
 * ```ts
 * flattenParams({ exclude_types: ['follow', 'poll'], local: true })
 * // [['exclude_types[]', 'follow'], ['exclude_types[]', 'poll'], ['local', '1']]
 * ```
 */
export function flattenParams(params: Params): [string, string][] {
  const pairs: [string, string][] = [];
  const visit = (key: string, value: ParamValue): void => {
    if (value === undefined || value === null) return;
    if (Array.isArray(value)) {
      for (const item of value as readonly ParamValue[]) visit(`${key}[]`, item);
    } else if (isPlainObject(value)) {
      for (const [sub, item] of Object.entries(value)) visit(`${key}[${sub}]`, item);
    } else if (typeof value === 'symbol' || typeof value === 'function') {
      throw new MastodonIllegalArgumentError(`${key} has a value of type ${typeof value} that cannot be sent`);
    } else {
      pairs.push([key, scalar(key, value as Scalar)]);
    }
  };
  for (const [key, value] of Object.entries(params)) visit(key, value);
  return pairs;
}

/** Encodes parameters as `application/x-www-form-urlencoded` (also the query string's form). */
export function encodeForm(params: Params): string {
  return new URLSearchParams(flattenParams(params)).toString();
}

/**
 * The JSON body for parameters: `undefined` and `null` members dropped, dates as strings,
 * ids kept as strings (never numbers).
 *
 * ## Example
 * ```ts
 * encodeJson({ home: { last_read_id: '1099' }, notifications: undefined })  // '{"home":{"last_read_id":"1099"}}'
 * ```
 */
export function encodeJson(params: Params): string {
  return JSON.stringify(params, function (this: Record<string, unknown>, key: string, value: unknown) {
    const original = this[key];
    if (original instanceof Date) return formatDate(original);
    if (typeof value === 'number' && !Number.isFinite(value)) {
      throw new MastodonIllegalArgumentError(`${key} must be a finite number, got ${value}`);
    }
    if (typeof value === 'bigint') return value.toString();
    if (value === null) return undefined;
    return value;
  });
}

/** A request body as a {@link BodyEncoder} makes it: the text, and its content type. */
export interface EncodedBody {
  readonly contentType: string;
  readonly body: string;
}

/**
 * How the parameters of a request become its body (GET and HEAD send them in the query). An
 * endpoint row names its encoder (`encoding: jsonBody`), so that only the apps that send such a
 * body bundle its encoder; a row without one sends a form.
 */
export type BodyEncoder = (params: Params) => EncodedBody;

/**
 * Parameters as an `application/x-www-form-urlencoded` body, as Rails reads them (lists as
 * `key[]`, nested objects as `key[sub]`, booleans as `1`/`0`): what a request sends unless its
 * row says otherwise.
 *
 * @example formBody({ status: 'hi', sensitive: true })  // { contentType: 'application/x-www-form-urlencoded', body: 'status=hi&sensitive=1' }
 */
export function formBody(params: Params): EncodedBody {
  return { contentType: 'application/x-www-form-urlencoded', body: encodeForm(params) };
}

/**
 * Parameters as a JSON body: `undefined` and `null` members dropped, dates as Mastodon.py
 * writes them, ids kept as strings.
 *
 * @example jsonBody({ home: { last_read_id: '1099' } })  // { contentType: 'application/json', body: '{"home":{"last_read_id":"1099"}}' }
 */
export function jsonBody(params: Params): EncodedBody {
  return { contentType: 'application/json', body: encodeJson(params) };
}

/** A nested object (a poll), or a list of them (`media_attributes`): what a form cannot carry as Mastodon.py sends it. */
function isNested(value: ParamValue): boolean {
  return Array.isArray(value) ? (value as readonly ParamValue[]).some(isNested) : isPlainObject(value);
}

/**
 * A form, unless a parameter is a nested object (a poll) or a list of them (`media_attributes`),
 * then JSON, as Mastodon.py posts statuses.
 *
 * @example formOrJsonBody({ status: 'hi', poll: { options: ['a', 'b'], expires_in: 300 } }).contentType  // 'application/json'
 */
export function formOrJsonBody(params: Params): EncodedBody {
  return Object.values(params).some(isNested) ? jsonBody(params) : formBody(params);
}
