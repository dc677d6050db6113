import type { HttpResponse } from './backend.js';
import type { ResultKind } from '../endpoints/define.js';
import {
  MastodonAPIError, MastodonBadGatewayError, MastodonGatewayTimeoutError,
  MastodonInternalServerError, MastodonMalformedResponseError, MastodonNotFoundError,
  MastodonRateLimitError, MastodonServerError, MastodonServiceUnavailableError,
  MastodonUnauthorizedError, type ApiErrorDetails,
} from '../errors.js';
import { MAX_ENTITY_DEPTH, reviveEntities } from '../entities/revive.js';
import { toPage } from '../pagination/page.js';

type ApiErrorClass = new (message: string, details: ApiErrorDetails) => MastodonAPIError;

const ERROR_BY_STATUS: Readonly<Record<number, ApiErrorClass>> = {
  401: MastodonUnauthorizedError,
  404: MastodonNotFoundError,
  429: MastodonRateLimitError,
  500: MastodonInternalServerError,
  502: MastodonBadGatewayError,
  503: MastodonServiceUnavailableError,
  504: MastodonGatewayTimeoutError,
};

function errorClassFor(status: number): ApiErrorClass {
  return ERROR_BY_STATUS[status] ?? (status >= 500 ? MastodonServerError : MastodonAPIError);
}

function tryParseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/**
 * The typed error for an HTTP error status, carrying the status, reason and the server's body
 * (parsed when it is JSON, the raw text otherwise).
 *
 * ## Example
 * ```ts
 * apiErrorFor({ status: 404, statusText: 'Not Found', headers: {}, body: '{"error":"Record not found"}' })
 * // MastodonNotFoundError: Mastodon API returned error: 404 Not Found: Record not found
 * ```
 */
export function apiErrorFor(response: HttpResponse): MastodonAPIError {
  const parsed = tryParseJson(response.body);
  const body = parsed.ok ? parsed.value : response.body;
  let error: string | undefined;
  if (parsed.ok && typeof parsed.value === 'object' && parsed.value !== null && 'error' in parsed.value) {
    error = String((parsed.value as { error: unknown }).error);
  } else if (parsed.ok && typeof parsed.value === 'string') {
    error = parsed.value;
  } else if (!parsed.ok && response.body.trim()) {
    error = response.body.trim().slice(0, 500);
  }
  if (response.status === 404 && error === undefined) error = 'Endpoint not found.';
  const message = `Mastodon API returned error: ${response.status} ${response.statusText}${error ? `: ${error}` : ''}`;
  const ErrorClass = errorClassFor(response.status);
  return new ErrorClass(message, { status: response.status, reason: response.statusText, error, body });
}

/**
 * The result of a successful response, as the endpoint's result kind says: JSON with dates
 * revived, a {@link Page} with its `Link` requests, raw text, or nothing. A body that is not
 * what the kind promises throws `MastodonMalformedResponseError` with the text received.
 */
export function resultOf(response: HttpResponse, kind: ResultKind): unknown {
  if (response.status < 200 || response.status >= 300) throw apiErrorFor(response);
  if (kind === 'none') return undefined;
  if (kind === 'text') return response.body;
  const parsed = tryParseJson(response.body);
  if (!parsed.ok) throw malformed(response, 'is not JSON');
  let value: unknown;
  try {
    value = reviveEntities(parsed.value);
  } catch (cause) {
    throw malformed(response, `nests deeper than ${MAX_ENTITY_DEPTH} levels`, cause);
  }
  if (kind === 'page') {
    if (!Array.isArray(value)) throw malformed(response, 'is not a JSON array');
    return toPage(value, response.headers['link']);
  }
  return value;
}

function malformed(response: HttpResponse, what: string, cause?: unknown): MastodonMalformedResponseError {
  const excerpt = response.body.length > 200 ? `${response.body.slice(0, 200)}…` : response.body;
  return new MastodonMalformedResponseError(
    `The server's ${response.status} response ${what}: ${JSON.stringify(excerpt)}`,
    { status: response.status, reason: response.statusText, error: undefined, body: response.body },
    cause === undefined ? undefined : { cause },
  );
}
