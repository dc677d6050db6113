import { standardStatusText } from './http/status-text.js';

/**
 * The error classes of mastodon-rx. They mirror Mastodon.py's hierarchy, so code that catches
 * `MastodonNotFoundError` there catches the same class here. Every error reaches the user
 * through an Observable's error channel.
 *
 * ## Example
 * ```ts
 * api.status('404').subscribe({
 *   error: (e) => { if (e instanceof MastodonNotFoundError) console.log(e.status, e.error); },
 * });
 * ```
 */
export class MastodonError extends Error {
  override name = 'MastodonError';
}

/** An argument that can never work: the request is not sent. */
export class MastodonIllegalArgumentError extends MastodonError {
  override name = 'MastodonIllegalArgumentError';
}

/** Reading or sending bytes failed: a file or the network. */
export class MastodonIOError extends MastodonError {
  override name = 'MastodonIOError';
}

/** A file named as an argument does not exist or cannot be read. */
export class MastodonFileNotFoundError extends MastodonIOError {
  override name = 'MastodonFileNotFoundError';
}

/** The server could not be reached, or the connection broke. */
export class MastodonNetworkError extends MastodonIOError {
  override name = 'MastodonNetworkError';
}

/** No bytes arrived within the allowed time. */
export class MastodonReadTimeout extends MastodonNetworkError {
  override name = 'MastodonReadTimeout';
}

/** A streaming event that cannot be parsed. */
export class MastodonMalformedEventError extends MastodonError {
  override name = 'MastodonMalformedEventError';
}

/**
 * A JSON value nested deeper than any Mastodon entity (`MAX_ENTITY_DEPTH` levels), refused
 * rather than walked. A response that holds one fails with `MastodonMalformedResponseError`,
 * with this error as its `cause`.
 */
export class MastodonEntityTooDeepError extends MastodonError {
  override name = 'MastodonEntityTooDeepError';
}

/** The server's version does not offer the endpoint (see `version_check_mode`). */
export class MastodonVersionError extends MastodonError {
  override name = 'MastodonVersionError';
}

/** What the server answered, kept on every API error. */
export interface ApiErrorDetails {
  /** HTTP status code. */
  readonly status: number;
  /** HTTP reason phrase. */
  readonly reason: string;
  /** The `error` field of the server's JSON body, or its text when it is not JSON. */
  readonly error: string | undefined;
  /** The whole parsed body (JSON), or the raw text when it was not JSON. */
  readonly body: unknown;
}

/**
 * The server refused the request. `status`, `reason` and the server's `body` are kept.
 *
 * Apps may raise these errors themselves, in their tests for instance: the details are
 * optional, and an error made with a message alone takes its class's status (`404` for
 * {@link MastodonNotFoundError}; `0`, no status, for this class itself) and that status's
 * reason phrase.
 *
 * ## Example
 * ```ts
 * const gone = new MastodonNotFoundError('gone');
 * console.log(gone.status, gone.reason);   // 404 'Not Found'
 * const invalid = new MastodonAPIError('Validation failed', { status: 422, body: { error: 'Validation failed' } });
 * ```
 */
export class MastodonAPIError extends MastodonError implements ApiErrorDetails {
  /** The status an error of this class has when it is made without one. */
  static readonly defaultStatus: number = 0;
  override name = 'MastodonAPIError';
  // Set by the constructor, so declared without a field initialiser of their own.
  declare readonly status: number;
  declare readonly reason: string;
  declare readonly error: string | undefined;
  declare readonly body: unknown;

  constructor(message: string, details: Partial<ApiErrorDetails> & ErrorOptions = {}, options?: ErrorOptions) {
    const cause = options?.cause ?? details.cause;
    super(message, cause === undefined ? undefined : { cause });
    this.status = details.status ?? (new.target as typeof MastodonAPIError).defaultStatus;
    this.reason = details.reason ?? standardStatusText(this.status);
    this.error = details.error;
    this.body = details.body;
  }
}

/** HTTP 404. */
export class MastodonNotFoundError extends MastodonAPIError {
  static override readonly defaultStatus: number = 404;
  override name = 'MastodonNotFoundError';
}

/** HTTP 401: a missing, revoked or insufficient token. */
export class MastodonUnauthorizedError extends MastodonAPIError {
  static override readonly defaultStatus: number = 401;
  override name = 'MastodonUnauthorizedError';
}

/** HTTP 429, or the limit was reached in `throw` mode. */
export class MastodonRateLimitError extends MastodonAPIError {
  static override readonly defaultStatus: number = 429;
  override name = 'MastodonRateLimitError';
}

/** Mastodon.py's spelling of {@link MastodonRateLimitError}. */
export const MastodonRatelimitError = MastodonRateLimitError;

/** Any HTTP 5xx. */
export class MastodonServerError extends MastodonAPIError {
  static override readonly defaultStatus: number = 500;
  override name = 'MastodonServerError';
}

/** HTTP 500. */
export class MastodonInternalServerError extends MastodonServerError {
  override name = 'MastodonInternalServerError';
}

/** HTTP 502. */
export class MastodonBadGatewayError extends MastodonServerError {
  static override readonly defaultStatus: number = 502;
  override name = 'MastodonBadGatewayError';
}

/** HTTP 503. */
export class MastodonServiceUnavailableError extends MastodonServerError {
  static override readonly defaultStatus: number = 503;
  override name = 'MastodonServiceUnavailableError';
}

/** HTTP 504. */
export class MastodonGatewayTimeoutError extends MastodonServerError {
  static override readonly defaultStatus: number = 504;
  override name = 'MastodonGatewayTimeoutError';
}

/**
 * A successful status whose body is not what the endpoint promises (an HTML page, a
 * truncated or empty body). The text received is kept in `body`.
 */
export class MastodonMalformedResponseError extends MastodonAPIError {
  static override readonly defaultStatus: number = 200;
  override name = 'MastodonMalformedResponseError';
}
