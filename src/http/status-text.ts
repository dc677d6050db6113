/**
 * The reason phrases (RFC 9110) of the statuses a Mastodon server, or a proxy in front of it,
 * answers with. Kept to those: the table goes into every browser bundle.
 */
const STATUS_TEXT: Readonly<Record<number, string>> = {
  200: 'OK', 201: 'Created', 202: 'Accepted', 204: 'No Content', 206: 'Partial Content',
  301: 'Moved Permanently', 302: 'Found', 303: 'See Other', 304: 'Not Modified', 307: 'Temporary Redirect', 308: 'Permanent Redirect',
  400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed', 408: 'Request Timeout',
  409: 'Conflict', 410: 'Gone', 413: 'Content Too Large', 414: 'URI Too Long', 415: 'Unsupported Media Type',
  422: 'Unprocessable Content', 429: 'Too Many Requests', 431: 'Request Header Fields Too Large',
  500: 'Internal Server Error', 501: 'Not Implemented', 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout',
};

/**
 * The standard reason phrase of an HTTP status, for servers (and HTTP/2) that send none;
 * `''` for a code without one.
 *
 * ## Example
 * ```ts
 * standardStatusText(401)  // 'Unauthorized'
 * ```
 */
export function standardStatusText(status: number): string {
  return STATUS_TEXT[status] ?? '';
}
