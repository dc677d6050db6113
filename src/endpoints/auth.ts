import { defer, type Observable, of, throwError } from 'rxjs';
import { catchError, concatMap, map, tap } from 'rxjs/operators';
import { MastodonClient } from '../client/client.js';
import { writeCredentialFile } from '../client/credentials.js';
import { DEFAULT_SCOPES, OOB_REDIRECT_URI, type CreateAppOptions } from '../client/options.js';
import { missingScopes } from '../client/scopes.js';
import type { CredentialApplication, Token } from '../entities/instance.js';
import type { OAuthServerMetadata } from '../entities/oauth.js';
import { MastodonAPIError, MastodonIllegalArgumentError, MastodonMalformedResponseError } from '../errors.js';
import { flattenParams, type Params } from '../http/params.js';
import { redact } from '../http/redact.js';
import { oneOf } from './common.js';
import { oauthMetadataOf } from './oauth-metadata.js';
import { isCodeVerifier, isS256Challenge } from './oauth-params.js';
import { formatDateOfBirth } from './account-params.js';
import { json, nothing, row, type Endpoint } from './define.js';
import { readOptions, withUnknownOptions } from './unknown-options.js';
import { fetchResult } from '../http/transport.js';

// Apps, tokens and sign-ups: OAuth calls, outside the rate limit, each with the token it needs.

/** Options of `logIn`, as Mastodon.py names them. */
export interface LogInOptions {
  username?: string;
  password?: string;
  /** An OAuth authorization code from the page `authRequestUrl` leads to. */
  code?: string;
  /** With `code`: the PKCE verifier whose challenge went to `authRequestUrl` (see `makePkcePair`). */
  code_verifier?: string;
  /** Default `urn:ietf:wg:oauth:2.0:oob`; must match the one given to `authRequestUrl`. */
  redirect_uri?: string;
  refresh_token?: string;
  /** Default `['read', 'write', 'follow', 'push']`. */
  scopes?: readonly string[];
  /** Write the token, base URL, client id and secret to this file (mode 0600). */
  to_file?: string;
}

/** Options of `authRequestUrl`. */
export interface AuthRequestUrlOptions {
  client_id?: string;
  redirect_uris?: string;
  scopes?: readonly string[];
  force_login?: boolean;
  state?: string;
  lang?: string;
  /** A PKCE challenge (see `makePkcePair`): the code then goes to the app holding its verifier only. */
  code_challenge?: string;
  /** How the challenge was made: `S256`, the one method Mastodon takes (the default when a challenge is given). */
  code_challenge_method?: 'S256';
}

/** Options of `createAccount`. */
export interface CreateAccountOptions {
  /** Whether the user accepted the server's terms. Default `false`. */
  agreement?: boolean;
  /** Why the user wants to join, for servers that approve sign-ups. */
  reason?: string;
  /** Language of the confirmation mail. Default `'en'`. */
  locale?: string;
  scopes?: readonly string[];
  to_file?: string;
  /** Return `[token | null, error details]` instead of failing. Default `false`. */
  return_detailed_error?: boolean;
  /**
   * The user's date of birth, for servers that ask for a minimum age (4.4.0+): a `Date` (its
   * UTC day) or `'YYYY-MM-DD'`; sent as `YYYY-MM-DD`.
   */
  date_of_birth?: Date | string;
}

/** Registers an app: what `createApp` sends (with no token). */
export const createAppRow = /* @__PURE__ */ row('POST /api/v1/apps', {
  created: '0.0.0', ratelimited: false, returns: json<CredentialApplication>, params: (params: Params) => params,
});

/** Gets a token (password, code, refresh token or client credentials): what `logIn` and `createAccount` send. */
export const oauthTokenRow = /* @__PURE__ */ row('POST /oauth/token', {
  created: '0.1.0', ratelimited: false, returns: json<Token>, params: (params: Params) => params,
});

/** Revokes a token: what `revokeAccessToken` sends. */
export const oauthRevokeRow = /* @__PURE__ */ row('POST /oauth/revoke', {
  created: '0.1.0', ratelimited: false, returns: nothing, params: (params: Params) => params,
});

/** Signs a user up, with an app token: what `createAccount` sends after getting one. */
export const createAccountRow = /* @__PURE__ */ row('POST /api/v1/accounts', {
  created: '2.7.0', ratelimited: false, returns: json<Token>, params: (params: Params) => params,
});

/**
 * Sends one of the rows above with the token it needs: none (`null`), an app's, or the
 * client's (`undefined`). They carry no version check: Mastodon.py makes none before them.
 */
function sendWithToken<R>(client: MastodonClient, sent: Endpoint<[Params], R>, params: Params, token: string | null | undefined): Observable<R> {
  return fetchResult<R>(client, {
    method: sent.method, path: sent.path, fillPath: sent.fillPath, params, token, ratelimited: sent.ratelimited, result: sent.returns.kind,
  });
}

/**
 * Register an app on a server. Emits `[client_id, client_secret]`; with `to_file`, also
 * writes them (with the base URL and app name) to a credential file, mode 0600.
 *
 * @example createApp('pytooterapp', { api_base_url: 'https://mastodon.example', to_file: 'clientcred.secret' })
 */
export function createApp(client_name: string, options: CreateAppOptions = {}): Observable<[client_id: string, client_secret: string]> {
  return defer(() => {
    const reading = readOptions(options ?? {}, ['to_file']);
    const o = reading.options;
    if (typeof client_name !== 'string' || client_name === '') {
      throw new MastodonIllegalArgumentError('client_name must be a non-empty string');
    }
    const api = new MastodonClient({
      api_base_url: o.api_base_url,
      request_timeout: o.request_timeout,
      session: o.session,
      user_agent: o.user_agent,
      version_check_mode: 'none',
    });
    const redirect = o.redirect_uris ?? OOB_REDIRECT_URI;
    const params = withUnknownOptions({
      client_name,
      scopes: (o.scopes ?? DEFAULT_SCOPES).join(' '),
      redirect_uris: typeof redirect === 'string' ? redirect : redirect.join('\n'),
      website: o.website,
    }, reading.unknown());
    return sendWithToken(api, createAppRow, params, null).pipe(map((app): [string, string] => {
      if (typeof app.client_id !== 'string' || typeof app.client_secret !== 'string') {
        throw new MastodonIllegalArgumentError('The server did not return client credentials');
      }
      if (o.to_file !== undefined) {
        writeCredentialFile(o.to_file, [app.client_id, app.client_secret, api.api_base_url, client_name]);
      }
      return [app.client_id, app.client_secret];
    }));
  });
}

/**
 * Get an access token for a user, by password, OAuth code (with its PKCE verifier, if any) or
 * refresh token, and use it from now on. Emits the token. Wrong credentials are a
 * `MastodonIllegalArgumentError`; a grant that lacks a requested scope is a `MastodonAPIError`.
 * Before sending a password, it reads the server's OAuth metadata (once per client): a server
 * that no longer takes the password grant (Mastodon 4.4 removed it) fails the call with
 * `MastodonIllegalArgumentError` naming the authorization-code flow, and the password is not sent.
 *
 * @example logIn(client, 'me@example.com', 'password', { to_file: 'usercred.secret' })
 */
export function logIn(client: MastodonClient, options?: LogInOptions): Observable<string>;
export function logIn(client: MastodonClient, username: string, password: string, options?: LogInOptions): Observable<string>;
export function logIn(client: MastodonClient, first?: string | LogInOptions, password?: string, rest?: LogInOptions): Observable<string> {
  return defer(() => {
    const reading = readOptions<LogInOptions>(typeof first === 'object' && first !== null
      ? { ...first }
      : { ...rest, username: first ?? rest?.username, password: password ?? rest?.password }, ['to_file']);
    const o = reading.options;
    const scopes = o.scopes ?? DEFAULT_SCOPES;
    const app = { client_id: client.client_id, client_secret: client.client_secret, scope: scopes.join(' ') };
    let params: Params;
    const { username, password: secret, code, code_verifier, refresh_token } = o;
    const redirect_uri = o.redirect_uri ?? OOB_REDIRECT_URI;
    if (code_verifier !== undefined && (code === undefined || !isCodeVerifier(code_verifier))) {
      throw new MastodonIllegalArgumentError('code_verifier goes with code, and is 43 to 128 characters of A-Z, a-z, 0-9, "-", ".", "_" and "~"');
    }
    if (username !== undefined && secret !== undefined) {
      params = { username, password: secret, redirect_uri, grant_type: 'password', ...app };
    } else if (code !== undefined) {
      params = { redirect_uri, code, code_verifier, grant_type: 'authorization_code', ...app };
    } else if (refresh_token !== undefined) {
      params = { refresh_token, grant_type: 'refresh_token', ...app };
    } else {
      throw new MastodonIllegalArgumentError('Invalid arguments given. username and password or code are required.');
    }
    const token$ = sendWithToken(client, oauthTokenRow, withUnknownOptions(params, reading.unknown()), null).pipe(
      catchError((error: unknown) => throwError(() => error instanceof MastodonAPIError && error.status >= 400 && error.status < 500
        ? new MastodonIllegalArgumentError(`Invalid user name, password, or redirect_uris: ${error.message}`, { cause: error })
        : error)),
      map((token) => {
        checkToken(token);
        const granted = typeof token.scope === 'string' ? token.scope.split(/\s+/).filter(Boolean) : [];
        const missing = missingScopes(scopes, granted);
        if (missing.length > 0) {
          throw new MastodonAPIError(`Granted scopes "${granted.join(' ')}" do not contain all of the requested scopes "${scopes.join(' ')}".`,
            { status: 200, reason: 'OK', error: undefined, body: redact(token) });
        }
        client.access_token = token.access_token;
        if (o.to_file !== undefined) {
          writeCredentialFile(o.to_file, [token.access_token, client.api_base_url, client.client_id ?? '', client.client_secret ?? '']);
        }
        return token.access_token;
      }),
    );
    return params['grant_type'] === 'password' ? oauthMetadataOf(client).pipe(tap(refusePasswordGrant), concatMap(() => token$)) : token$;
  });
}

/** Fails when the server's OAuth metadata lists its grants without the password grant. */
function refusePasswordGrant(metadata: OAuthServerMetadata | null): void {
  const grants = metadata?.grant_types_supported;
  if (Array.isArray(grants) && !grants.includes('password')) {
    throw new MastodonIllegalArgumentError('This server does not offer the password grant (Mastodon 4.4 removed it): log in with '
      + 'the authorization-code flow instead: send the user to authRequestUrl() (with a PKCE challenge from makePkcePair()), '
      + 'then call logIn({ code, code_verifier }) with the code the server hands back.');
  }
}

/**
 * The URL of the page where a user grants this app access; the code shown there (or sent
 * to `redirect_uris`) goes to `logIn({ code })`. With `code_challenge` (PKCE, see
 * `makePkcePair`), the code is worth something only with its verifier. Pure: makes no request.
 *
 * @example window.location.href = authRequestUrl(client, { redirect_uris: 'https://app.example/cb', state })
 */
export function authRequestUrl(client: MastodonClient, options: AuthRequestUrlOptions = {}): string {
  const reading = readOptions<AuthRequestUrlOptions>(options ?? {});
  const o = reading.options;
  const url = new URL(`${client.api_base_url}/oauth/authorize`);
  const clientId = o.client_id ?? client.client_id;
  if (clientId === undefined) throw new MastodonIllegalArgumentError('authRequestUrl needs a client_id');
  url.searchParams.set('client_id', clientId);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('redirect_uri', o.redirect_uris ?? OOB_REDIRECT_URI);
  if (o.scopes !== undefined && !Array.isArray(o.scopes)) throw new MastodonIllegalArgumentError('scopes must be a list');
  url.searchParams.set('scope', (o.scopes ?? DEFAULT_SCOPES).join(' '));
  if (o.force_login) url.searchParams.set('force_login', 'true');
  if (o.state !== undefined) url.searchParams.set('state', o.state);
  if (o.lang !== undefined) url.searchParams.set('lang', o.lang);
  if (o.code_challenge !== undefined || o.code_challenge_method !== undefined) {
    if (!isS256Challenge(o.code_challenge)) throw new MastodonIllegalArgumentError('code_challenge must be the base64url SHA-256 of a verifier (see makePkcePair)');
    url.searchParams.set('code_challenge', o.code_challenge);
    url.searchParams.set('code_challenge_method', oneOf('code_challenge_method', o.code_challenge_method ?? 'S256', ['S256']));
  }
  const set = new Set(url.searchParams.keys());
  for (const [key, value] of flattenParams(reading.unknown())) {
    if (!set.has(key)) url.searchParams.append(key, value);
  }
  return url.href;
}

/**
 * Revoke the access token this client uses; the client forgets it.
 * @example revokeAccessToken(client).subscribe(() => console.log('logged out'))
 */
export function revokeAccessToken(client: MastodonClient): Observable<void> {
  return defer(() => sendWithToken(client, oauthRevokeRow,
    { client_id: client.client_id, client_secret: client.client_secret, token: client.access_token }, undefined))
    .pipe(tap(() => { client.access_token = undefined; }));
}

/**
 * Sign up a new user (needs the app's client credentials). Emits the new user's access
 * token, which this client then uses; with `return_detailed_error`, emits
 * `[token, {}]` or `[null, error details]` instead of failing on a refused sign-up.
 *
 * @example createAccount(client, 'alice', 'correct horse', 'alice@example.com', { agreement: true })
 */
export function createAccount(client: MastodonClient, username: string, password: string, email: string, options?: CreateAccountOptions & { return_detailed_error?: false }): Observable<string>;
export function createAccount(client: MastodonClient, username: string, password: string, email: string, options: CreateAccountOptions & { return_detailed_error: true }): Observable<[string | null, unknown]>;
export function createAccount(client: MastodonClient, username: string, password: string, email: string, options: CreateAccountOptions = {}): Observable<string | [string | null, unknown]> {
  return defer(() => {
    const reading = readOptions(options ?? {}, ['to_file', 'return_detailed_error']);
    const o = reading.options;
    for (const [name, value] of [['username', username], ['password', password], ['email', email]] as const) {
      if (typeof value !== 'string') throw new MastodonIllegalArgumentError(`${name} must be a string`);
    }
    const scopes = o.scopes ?? DEFAULT_SCOPES;
    const appToken$ = sendWithToken(client, oauthTokenRow,
      { grant_type: 'client_credentials', client_id: client.client_id, client_secret: client.client_secret, scope: scopes.join(' ') }, null);
    const params = withUnknownOptions({
      username, password, email,
      agreement: o.agreement ? true : undefined,
      reason: o.reason,
      locale: o.locale ?? 'en',
      date_of_birth: formatDateOfBirth(o.date_of_birth),
      client_id: client.client_id,
      client_secret: client.client_secret,
    }, reading.unknown());
    const signUp = (appToken: string): Observable<Token> => sendWithToken(client, createAccountRow, params, appToken);
    return appToken$.pipe(
      concatMap((app) => {
        checkToken(app);
        return signUp(app.access_token);
      }),
      map((token): string | [string, unknown] => {
        checkToken(token);
        client.access_token = token.access_token;
        if (o.to_file !== undefined) writeCredentialFile(o.to_file, [token.access_token, client.api_base_url]);
        return o.return_detailed_error ? [token.access_token, {}] : token.access_token;
      }),
      catchError((error: unknown) => o.return_detailed_error && error instanceof MastodonAPIError && error.status < 500
        ? of<[null, unknown]>([null, error.body])
        : throwError(() => error)),
    );
  });
}

/** Throws `MastodonMalformedResponseError` unless a token answer carries an access token (a string on one line). */
function checkToken(token: Token): void {
  if (typeof token?.access_token !== 'string' || token.access_token === '') {
    throw new MastodonMalformedResponseError('The server\'s token answer holds no access token',
      { status: 200, reason: 'OK', error: undefined, body: redact(token) });
  }
}
