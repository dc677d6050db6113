/**
 * The reason phrases (RFC 9110) of the statuses a Mastodon server, or a proxy in front of it,
 * answers with: a list per class (2xx to 5xx), indexed by the code within it, so that 404's is
 * `PHRASES[2][4]`. Kept to those, and in comma-separated lines rather than a map by code: the
 * table goes into every browser bundle. An empty place is a code without a phrase here.
 */
const PHRASES: readonly (readonly string[])[] = /* @__PURE__ */ [
  'OK,Created,Accepted,,No Content,,Partial Content',
  ',Moved Permanently,Found,See Other,Not Modified,,,Temporary Redirect,Permanent Redirect',
  'Bad Request,Unauthorized,,Forbidden,Not Found,Method Not Allowed,,,Request Timeout,Conflict,'
    + 'Gone,,,Content Too Large,URI Too Long,Unsupported Media Type,,,,,'
    + ',,Unprocessable Content,,,,,,,Too Many Requests,'
    + ',Request Header Fields Too Large',
  'Internal Server Error,Not Implemented,Bad Gateway,Service Unavailable,Gateway Timeout',
].map((phrases) => phrases.split(','));

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
  return PHRASES[Math.floor(status / 100) - 2]?.[status % 100] ?? '';
}
