import type { HttpResponse } from './backend.js';
import type { ResultKind } from '../endpoints/define.js';
import {
  MastodonAPIError, MastodonBadGatewayError, MastodonGatewayTimeoutError,
  MastodonInternalServerError, MastodonMalformedResponseError, MastodonNotFoundError,
  MastodonRateLimitError, MastodonServerError, MastodonServiceUnavailableError,
  MastodonUnauthorizedError, type ApiErrorDetails,
} from '../errors.js';
import { MAX_ENTITY_DEPTH, reviveEntities } from '../entities/revive.js';
import { markFetcher, toObjectPage, toPage, type ObjectPage, type Page, type PageFetcher } from '../pagination/page.js';
import { redact } from './redact.js';
import { standardStatusText } from './status-text.js';

type ApiErrorClass = (new (message: string, details: ApiErrorDetails) => MastodonAPIError) & { readonly defaultStatus: number };

/** The classes of one status each: the status a class stands for is its `defaultStatus`. */
const STATUS_ERRORS: readonly ApiErrorClass[] = [
  MastodonUnauthorizedError, MastodonNotFoundError, MastodonRateLimitError, MastodonInternalServerError,
  MastodonBadGatewayError, MastodonServiceUnavailableError, MastodonGatewayTimeoutError,
];

function errorClassFor(status: number): ApiErrorClass {
  return STATUS_ERRORS.find((ErrorClass) => ErrorClass.defaultStatus === status) ?? (status >= 500 ? MastodonServerError : MastodonAPIError);
}

/** What {@link parseJson} returns for text that is not JSON. */
const NOT_JSON = Symbol('not JSON');

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return NOT_JSON;
  }
}

/**
 * The typed error for an HTTP error status, carrying the status, reason and the server's body
 * (parsed when it is JSON, the raw text otherwise). Whatever the body holds (an `error` that
 * is an object, an array, a number, `null`, text), the error is the status's class; when the
 * server sent no reason phrase, the standard one stands in. A redirect is not followed: its
 * error names where it pointed.
 *
 * ## Example
 * ```ts
 * apiErrorFor({ status: 404, statusText: 'Not Found', headers: {}, body: '{"error":"Record not found"}' })
 * // MastodonNotFoundError: Mastodon API returned error: 404 Not Found: Record not found
 * ```
 */
export function apiErrorFor(response: HttpResponse): MastodonAPIError {
  const parsed = parseJson(response.body);
  const body = parsed === NOT_JSON ? response.body : parsed;
  let error = parsed === NOT_JSON ? excerpt(response.body.trim()) : errorOfJson(parsed);
  if (response.status === 404 && error === undefined) error = 'Endpoint not found.';
  const reason = reasonOf(response);
  const location = response.status >= 300 && response.status < 400 ? response.headers['location'] : undefined;
  const redirect = location === undefined ? '' : ` (a redirect to ${excerpt(redact(location))}, not followed)`;
  const message = `Mastodon API returned error: ${response.status}${reason ? ` ${reason}` : ''}${error ? `: ${error}` : ''}${redirect}`;
  const ErrorClass = errorClassFor(response.status);
  return new ErrorClass(message, { status: response.status, reason, error, body });
}

/** The message of a JSON error body: its `error` member as text, or the body when it is a string. */
function errorOfJson(value: unknown): string | undefined {
  if (typeof value === 'string') return excerpt(value);
  if (typeof value !== 'object' || value === null || Array.isArray(value) || !('error' in value)) return undefined;
  const error = (value as { error: unknown }).error;
  if (typeof error === 'string') return excerpt(error);
  if (error === null || error === undefined) return undefined;
  try {
    return excerpt(JSON.stringify(error));
  } catch {
    return undefined;
  }
}

/** At most `length` characters of `text`; `undefined` for none. */
function excerpt(text: string, length = 500): string | undefined {
  if (text === '') return undefined;
  return text.length > length ? `${text.slice(0, length)}…` : text;
}

/** The response's reason phrase, or the standard one when the server sent none. */
function reasonOf(response: HttpResponse): string {
  return response.statusText || standardStatusText(response.status);
}

/**
 * Reads a response into an endpoint's result: fails with the status's `MastodonAPIError` when
 * it is not a success, and with `MastodonMalformedResponseError` (the text received kept) when
 * the body is not what the endpoint promises. A page remembers `client`, to follow its links.
 * Each result kind has its reader, carried by the row's `returns` marker, so that a bundle
 * holds only the readers of the rows it sends.
 */
export type ResultReader<R> = (response: HttpResponse, client: PageFetcher) => R;

/**
 * Throws the status's `MastodonAPIError` unless `response` is a success (2xx).
 *
 * @example checkStatus({ status: 404, statusText: '', headers: {}, body: '' })  // throws MastodonNotFoundError
 */
export function checkStatus(response: HttpResponse): void {
  if (response.status < 200 || response.status >= 300) throw apiErrorFor(response);
}

/**
 * The JSON of a successful response, its known datetime fields revived into `Date`s.
 *
 * @example readJson<Status>(response).content
 */
export function readJson<R>(response: HttpResponse): R {
  checkStatus(response);
  const parsed = parseJson(response.body);
  if (parsed === NOT_JSON) throw malformed(response, 'is not JSON');
  try {
    return reviveEntities(parsed) as R;
  } catch (cause) {
    throw malformed(response, `nests deeper than ${MAX_ENTITY_DEPTH} levels`, cause);
  }
}

/**
 * A successful response's JSON list as a {@link Page}, with the requests of its `Link` header.
 *
 * @example readPage<Status>(response, client)._pagination_next?.url
 */
export function readPage<T>(response: HttpResponse, client: PageFetcher): Page<T> {
  const value = readJson<unknown>(response);
  if (!Array.isArray(value)) throw malformed(response, 'is not a JSON array');
  return markFetcher(toPage(value as T[], response.headers['link']), client);
}

/**
 * A successful response's JSON object as an {@link ObjectPage}, with the requests of its
 * `Link` header (grouped notifications).
 *
 * @example readObjectPage<GroupedNotificationsResults>(response, client).notification_groups
 */
export function readObjectPage<R extends object>(response: HttpResponse, client: PageFetcher): ObjectPage<R> {
  const value = readJson<unknown>(response);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw malformed(response, 'is not a JSON object');
  return markFetcher(toObjectPage(value as R, response.headers['link']), client);
}

/** A successful response's body as text (such as `/health`'s). @example readText(response)  // 'OK' */
export function readText(response: HttpResponse): string {
  checkStatus(response);
  return response.body;
}

/** Nothing of a successful response: `undefined`. @example readNothing(response)  // undefined */
export function readNothing(response: HttpResponse): void {
  checkStatus(response);
}

/**
 * The reader of a result kind, for calls that name their kind as a string (`apiRequest`, page
 * links): JSON when none is named.
 *
 * @example readerFor('page')(response, client)
 */
export function readerFor(kind: ResultKind | undefined): ResultReader<unknown> {
  return { json: readJson, page: readPage, 'object-page': readObjectPage, text: readText, none: readNothing }[kind ?? 'json'];
}

function malformed(response: HttpResponse, what: string, cause?: unknown): MastodonMalformedResponseError {
  return new MastodonMalformedResponseError(
    `The server's ${response.status} response ${what}: ${JSON.stringify(excerpt(response.body, 200) ?? '')}`,
    { status: response.status, reason: reasonOf(response), body: response.body, cause },
  );
}
