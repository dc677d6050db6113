import { defer, of, type Observable } from 'rxjs';
import { catchError, map } from 'rxjs/operators';
import type { MastodonClient } from '../client/client.js';
import { MastodonIllegalArgumentError } from '../errors.js';
import { formatVersion, parseVersion, versionAtLeast } from '../versions/version.js';
import { optionsOf } from './common.js';

/** Options of `verifyMinimumVersion`. */
export interface VerifyMinimumVersionOptions {
  /** Use the known version instead of asking the server again. Default `false`. */
  cached?: boolean;
}

/** Options of `retrieveMastodonVersion`. */
export interface RetrieveMastodonVersionOptions {
  /**
   * Fail with the server's error when the version cannot be had. Default `false`: emit
   * `'1.0.0'` instead, as Mastodon.py does (the client does not remember it, and asks again).
   */
  fail_hard?: boolean;
}

/** The version Mastodon.py assumes of a server that does not say its own. */
const UNKNOWN_VERSION = '1.0.0';

/**
 * Ask the server for its version, remember it, and emit it (such as `'4.0.2'`); `'1.0.0'` when
 * the server does not say it, unless `fail_hard` is set.
 * @example retrieveMastodonVersion(client, { fail_hard: true }).subscribe((v) => console.log(v))
 */
export function retrieveMastodonVersion(client: MastodonClient, options?: RetrieveMastodonVersionOptions): Observable<string> {
  return defer(() => {
    const failHard = optionsOf(options).fail_hard;
    if (failHard !== undefined && failHard !== null && typeof failHard !== 'boolean') {
      throw new MastodonIllegalArgumentError('fail_hard must be a boolean');
    }
    const version$ = client.fetchServerVersion().pipe(map(formatVersion));
    return failHard ? version$ : version$.pipe(catchError(() => of(UNKNOWN_VERSION)));
  });
}

/**
 * Whether the server runs at least `version_str`; asks the server unless `cached` is set
 * and the version is already known.
 *
 * @example verifyMinimumVersion(client, '3.5.0', { cached: true }).subscribe((ok) => console.log(ok))
 */
export function verifyMinimumVersion(client: MastodonClient, version_str: string, options: VerifyMinimumVersionOptions = {}): Observable<boolean> {
  return defer(() => {
    const wanted = parseVersion(version_str);
    const version$ = options?.cached ? client.serverVersion() : client.fetchServerVersion();
    return version$.pipe(map((have) => versionAtLeast(have, wanted)));
  });
}
