import { defer, type Observable, of, throwError } from 'rxjs';
import { catchError, tap } from 'rxjs/operators';
import { call } from '../client/call.js';
import type { MastodonClient } from '../client/client.js';
import { endpoint, json, row } from './define.js';
import { noMetadata, rememberOAuthMetadata } from './oauth-metadata.js';
import type { OAuthServerMetadata, OAuthUserInfo } from '../entities/oauth.js';

// What a server says about its OAuth service, and about the user a token belongs to.

/** The OAuth server metadata behind `oauthAuthorizationServerInfo`. */
export const oauthAuthorizationServerInfoRow = /* @__PURE__ */ row('GET /.well-known/oauth-authorization-server', {
  created: '4.3.0', changed: '4.4.0', ratelimited: false, returns: json<OAuthServerMetadata>,
});

/**
 * How the server's OAuth service works (RFC 8414): its endpoints, scopes, grants (`password`
 * is gone since 4.4) and PKCE methods. Emits `null` for a server that has none to give: one
 * older than 4.3 (it answers 404; a client that knows the version does not ask), or one whose
 * answer is not JSON. `logIn` reuses what this reads.
 *
 * @example oauthAuthorizationServerInfo(client).subscribe((info) => console.log(info?.grant_types_supported.includes('password')))
 */
export function oauthAuthorizationServerInfo(client: MastodonClient): Observable<OAuthServerMetadata | null> {
  return defer(() => call(client, oauthAuthorizationServerInfoRow, []).pipe(
    catchError((error: unknown) => (noMetadata(error) ? of(null) : throwError(() => error))),
    tap((metadata) => rememberOAuthMetadata(client, metadata)),
  ));
}

/**
 * OpenID Connect claims about the user the access token belongs to: actor URI, names,
 * profile page and avatar. Needs a token with the `profile` scope (else `MastodonAPIError`
 * 403), and Mastodon 4.4.
 *
 * @example oauthUserinfo(client).subscribe((me) => console.log(me.preferred_username, me.sub))
 */
export const oauthUserinfo = /* @__PURE__ */ endpoint('GET /oauth/userinfo', {
  created: '4.4.0', changed: '4.4.0', ratelimited: false, returns: json<OAuthUserInfo>,
});
