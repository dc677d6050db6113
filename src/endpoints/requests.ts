import { defer, type Observable } from 'rxjs';
import type { MastodonClient } from '../client/client.js';
import { MastodonIllegalArgumentError } from '../errors.js';
import type { HttpResponse } from '../http/backend.js';
import { jsonBody } from '../http/params.js';
import { fillPath } from '../http/fill-path.js';
import { fetchResponse, fetchResult, type ApiCall, type Call } from '../http/transport.js';

// Calls written by hand, for endpoints the library has no function for yet: checked, then sent
// through the client's pipeline like any row.

/**
 * Send any API call through a client's pipeline (token, rate limit, errors, parsing): for
 * endpoints the library has no function for yet. A call that cannot be sent (not an object, an
 * unknown method, result kind or encoding, no path) fails with `MastodonIllegalArgumentError`.
 *
 * @example apiRequest<Status>(client, { method: 'GET', path: '/api/v1/statuses/1' }).subscribe((s) => console.log(s.content))
 */
export function apiRequest<R>(client: MastodonClient, call: ApiCall): Observable<R> {
  return defer(() => fetchResult<R>(client, checkedCall(call)));
}

/**
 * Like `apiRequest`, but emits the whole response (status, headers, body) of a successful
 * call; an error status still fails with its `MastodonAPIError`. For the rare call whose
 * answer is in its headers.
 *
 * @example apiResponse(client, { method: 'HEAD', path: '/' }).subscribe((r) => console.log(r.headers['date']))
 */
export function apiResponse(client: MastodonClient, call: ApiCall): Observable<HttpResponse> {
  return defer(() => fetchResponse(client, checkedCall(call)));
}

const HTTP_METHODS: readonly unknown[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD'];
const RESULT_KINDS: readonly unknown[] = [undefined, 'json', 'page', 'object-page', 'text', 'none'];
const ENCODINGS: readonly unknown[] = [undefined, 'form', 'json', 'multipart'];

/**
 * `call` as the transport takes it (its encoding the encoder itself), when it is a call the
 * transport can send (written by hand, it may be anything); else a `MastodonIllegalArgumentError`.
 */
function checkedCall(call: unknown): Call {
  if (typeof call !== 'object' || call === null) {
    throw new MastodonIllegalArgumentError('A call must be an object: { method, path, params?, ... }');
  }
  const { method, path, params, result, encoding } = call as Record<string, unknown>;
  if (!HTTP_METHODS.includes(method)) throw new MastodonIllegalArgumentError(`Not an HTTP method: ${JSON.stringify(method) ?? String(method)}`);
  if (typeof path !== 'string' || path === '') throw new MastodonIllegalArgumentError('A call needs a path: a string');
  if (params !== undefined && params !== null && (typeof params !== 'object' || Array.isArray(params))) {
    throw new MastodonIllegalArgumentError('A call\'s params must be an object');
  }
  if (!RESULT_KINDS.includes(result)) throw new MastodonIllegalArgumentError(`Not a result kind: ${JSON.stringify(result) ?? String(result)}`);
  if (!ENCODINGS.includes(encoding)) throw new MastodonIllegalArgumentError(`Not a body encoding: ${JSON.stringify(encoding) ?? String(encoding)}`);
  return { ...call as ApiCall, encoding: encoding === 'json' ? jsonBody : undefined, fillPath };
}
