import { type Observable, of, throwError } from 'rxjs';
import { catchError, shareReplay, tap } from 'rxjs/operators';
import type { MastodonClient } from '../client/client.js';
import type { OAuthServerMetadata } from '../entities/oauth.js';
import { MastodonAPIError, MastodonMalformedResponseError, MastodonVersionError } from '../errors.js';
import { fetchResult } from '../http/transport.js';

/** Where a server describes its OAuth service (RFC 8414), since Mastodon 4.3. */
export const OAUTH_METADATA_PATH = '/.well-known/oauth-authorization-server';

const known = /* @__PURE__ */ new WeakMap<MastodonClient, Observable<OAuthServerMetadata | null>>();

/**
 * Whether a failure to read the OAuth metadata means the server has none to give: too old for
 * it (a 4xx, such as Mastodon's 404 before 4.3, or a known version before 4.3), or an answer
 * that is not JSON. Rate limits, server errors and network failures are failures.
 *
 * @example catchError((e) => (noMetadata(e) ? of(null) : throwError(() => e)))
 */
export function noMetadata(error: unknown): boolean {
  return error instanceof MastodonVersionError || error instanceof MastodonMalformedResponseError
    || (error instanceof MastodonAPIError && error.status >= 400 && error.status < 500 && error.status !== 429);
}

/**
 * The OAuth metadata of a client's server, or null where it has none; asked once per client
 * and shared (a failed ask is asked again), for the checks `logIn` makes before it sends a password.
 *
 * @example oauthMetadataOf(client).subscribe((metadata) => console.log(metadata?.grant_types_supported))
 */
export function oauthMetadataOf(client: MastodonClient): Observable<OAuthServerMetadata | null> {
  let metadata = known.get(client);
  if (!metadata) {
    metadata = fetchResult<OAuthServerMetadata>(client, { method: 'GET', path: OAUTH_METADATA_PATH, ratelimited: false, token: null }).pipe(
      catchError((error: unknown) => (noMetadata(error) ? of(null) : throwError(() => error))),
      tap({ error: () => known.delete(client) }),
      shareReplay({ bufferSize: 1, refCount: false }),
    );
    known.set(client, metadata);
  }
  return metadata;
}

/**
 * Remembers metadata read elsewhere (`oauthAuthorizationServerInfo`), so that `logIn` does not ask again.
 * @example rememberOAuthMetadata(client, metadata)
 */
export function rememberOAuthMetadata(client: MastodonClient, metadata: OAuthServerMetadata | null): void {
  known.set(client, of(metadata));
}

/**
 * Forgets a client's OAuth metadata (`clearCaches`).
 * @example forgetOAuthMetadata(client)
 */
export function forgetOAuthMetadata(client: MastodonClient): void {
  known.delete(client);
}
