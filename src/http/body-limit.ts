import { MastodonMalformedResponseError } from '../errors.js';

/** The default cap on a response body: 64 MiB. */
export const DEFAULT_MAX_RESPONSE_BYTES = 64 * 2 ** 20;

/**
 * The error for a response whose body is larger than the client accepts (`max_response_bytes`):
 * a `MastodonMalformedResponseError` with the response's status and reason, and no body, since
 * the body was refused while it came in.
 *
 * ## Example
 * ```ts
 * responseTooLarge(200, 'OK', 1024, '5000000')
 * // MastodonMalformedResponseError: The server's 200 response is larger than the 1024 bytes this client accepts (content-length: 5000000)
 * ```
 */
export function responseTooLarge(status: number, statusText: string, limit: number, declaredLength?: string): MastodonMalformedResponseError {
  const declared = declaredLength === undefined ? '' : ` (content-length: ${declaredLength.slice(0, 40)})`;
  return new MastodonMalformedResponseError(
    `The server's ${status} response is larger than the ${limit} bytes this client accepts${declared}; see max_response_bytes`,
    // No reason phrase: the error takes the standard one of its status.
    { status, reason: statusText || undefined },
  );
}

/** Whether a `content-length` header announces more than `limit` bytes. */
export function declaresMoreThan(contentLength: string | undefined, limit: number): boolean {
  if (contentLength === undefined) return false;
  const length = Number(contentLength.trim());
  return Number.isFinite(length) ? length > limit : /^\s*\d+\s*$/.test(contentLength);
}
