import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { standardStatusText } from '../../src/http/status-text.js';

/** RFC 9110's phrases for the statuses a Mastodon server or its proxy answers with. */
const PHRASES: Readonly<Record<number, string>> = {
  200: 'OK', 201: 'Created', 202: 'Accepted', 204: 'No Content', 206: 'Partial Content',
  301: 'Moved Permanently', 302: 'Found', 303: 'See Other', 304: 'Not Modified', 307: 'Temporary Redirect', 308: 'Permanent Redirect',
  400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed', 408: 'Request Timeout',
  409: 'Conflict', 410: 'Gone', 413: 'Content Too Large', 414: 'URI Too Long', 415: 'Unsupported Media Type',
  422: 'Unprocessable Content', 429: 'Too Many Requests', 431: 'Request Header Fields Too Large',
  500: 'Internal Server Error', 501: 'Not Implemented', 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout',
};

describe('standard reason phrases', () => {
  it('give each status its phrase, and every other code, in range or not, none', () => {
    for (let status = -1; status <= 700; status++) assert.equal(standardStatusText(status), PHRASES[status] ?? '', String(status));
    for (const odd of [404.5, Number.NaN, Infinity, -Infinity, 1e21]) assert.equal(standardStatusText(odd), '', String(odd));
  });
});
