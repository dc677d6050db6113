import { defer, type Observable } from 'rxjs';
import { map } from 'rxjs/operators';
import type { Mastodon } from '../client/mastodon.js';
import { MastodonAPIError } from '../errors.js';

/**
 * The newest Mastodon version whose API this library covers in full: the API of Mastodon.py
 * 1.8, whose supported version is 3.5.5, with its fixes; newer servers work, and their newer
 * endpoints may be missing.
 */
export const SUPPORTED_VERSION = '3.5.5';

/** Small helpers about the server and the library. */
export const utilityExtras = {
  /**
   * The server's clock, roughly: the `Date` header of a `HEAD /` request, as a `Date`
   * (to the second). Fails with `MastodonAPIError` when the server sends no usable `Date`.
   *
   * @example api.getApproxServerTime().subscribe((now) => console.log(now.toISOString()))
   */
  getApproxServerTime(this: Mastodon): Observable<Date> {
    return defer(() => this.apiResponse({ method: 'HEAD', path: '/', result: 'none' })).pipe(map((response) => {
      const header = response.headers['date'];
      const date = header === undefined ? undefined : new Date(header);
      if (date === undefined || Number.isNaN(date.getTime())) {
        throw new MastodonAPIError('No date header returned by the server', {
          status: response.status, reason: response.statusText, error: undefined, body: response.body,
        });
      }
      return date;
    }));
  },

  /**
   * The newest Mastodon version this library fully supports (also `Mastodon.getSupportedVersion()`).
   * Pure: makes no request.
   *
   * @example console.log(api.getSupportedVersion())  // '3.5.5'
   */
  getSupportedVersion(this: unknown): string {
    return SUPPORTED_VERSION;
  },
};
