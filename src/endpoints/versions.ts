import { defer, type Observable } from 'rxjs';
import { map } from 'rxjs/operators';
import type { MastodonClient } from '../client/client.js';
import { formatVersion, parseVersion, versionAtLeast } from '../versions/version.js';

/** Options of `verifyMinimumVersion`. */
export interface VerifyMinimumVersionOptions {
  /** Use the known version instead of asking the server again. Default `false`. */
  cached?: boolean;
}

/**
 * Ask the server for its version, remember it, and emit it (such as `'4.0.2'`).
 * @example retrieveMastodonVersion(client).subscribe((v) => console.log(v))
 */
export function retrieveMastodonVersion(client: MastodonClient): Observable<string> {
  return defer(() => client.fetchServerVersion().pipe(map(formatVersion)));
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
