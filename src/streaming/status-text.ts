/** The standard reason phrases of the statuses a streaming server answers with. */
const REASONS: Readonly<Record<number, string>> = {
  400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed',
  406: 'Not Acceptable', 408: 'Request Timeout', 410: 'Gone', 413: 'Payload Too Large', 422: 'Unprocessable Entity',
  429: 'Too Many Requests', 500: 'Internal Server Error', 501: 'Not Implemented', 502: 'Bad Gateway',
  503: 'Service Unavailable', 504: 'Gateway Timeout',
};

/**
 * The status text a response gave, or the standard one when it gave none (HTTP/2, undici's
 * `request`, a bare WebSocket refusal), so errors read the same on every transport.
 *
 * @example statusText(401, '')  // 'Unauthorized'
 */
export function statusText(status: number, given = ''): string {
  return given !== '' ? given : REASONS[status] ?? '';
}
