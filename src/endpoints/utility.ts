import { defer, type Observable } from 'rxjs';
import { map } from 'rxjs/operators';
import type { MastodonClient } from '../client/client.js';
import { MastodonAPIError } from '../errors.js';
import { SUPPORTED_VERSION } from './constants.js';
import { fetchResponse } from '../http/transport.js';

// Small helpers about the server and the library.

/**
 * The server's clock, roughly: the `Date` header of a `HEAD /` request, as a `Date`
 * (to the second). Fails with `MastodonAPIError` when the server sends no usable `Date`.
 *
 * @example getApproxServerTime(client).subscribe((now) => console.log(now.toISOString()))
 */
export function getApproxServerTime(client: MastodonClient): Observable<Date> {
  return defer(() => fetchResponse(client, { method: 'HEAD', path: '/', result: 'none' })).pipe(map((response) => {
    const header = response.headers['date'];
    const date = header === undefined ? undefined : new Date(header);
    if (date === undefined || Number.isNaN(date.getTime())) {
      throw new MastodonAPIError('No date header returned by the server', {
        status: response.status, reason: response.statusText, error: undefined, body: response.body,
      });
    }
    return date;
  }));
}

/**
 * The newest Mastodon version this library fully supports (also `Mastodon.getSupportedVersion()`).
 * Pure: makes no request.
 *
 * @example console.log(getSupportedVersion())  // '3.5.5'
 */
export function getSupportedVersion(): string {
  return SUPPORTED_VERSION;
}
