import { defer, type Observable, of, throwError } from 'rxjs';
import { catchError, concatMap, map, tap } from 'rxjs/operators';
import type { AnyEndpoint, Endpoint } from '../endpoints/define.js';
import { endpointTables, extraMethods, type EndpointMethods } from '../endpoints/index.js';
import { MastodonAPIError, MastodonIllegalArgumentError } from '../errors.js';
import type { HttpBackend } from '../http/backend.js';
import type { Params } from '../http/params.js';
import { formatVersion, parseVersion, versionAtLeast } from '../versions/version.js';
import type { Application, Token } from '../entities/instance.js';
import { writeCredentialFile } from './credentials.js';
import { DEFAULT_SCOPES, OOB_REDIRECT_URI, type CreateAppOptions } from './options.js';
import { missingScopes } from './scopes.js';
import { SUPPORTED_VERSION } from '../endpoints/utility.js';
import { MastodonClient } from './client.js';
import { call } from './call.js';

/** Options of `logIn`, as Mastodon.py names them. */
export interface LogInOptions {
  username?: string;
  password?: string;
  /** An OAuth authorization code from the page `authRequestUrl` leads to. */
  code?: string;
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
}

/** Options of `verifyMinimumVersion`. */
export interface VerifyMinimumVersionOptions {
  /** Use the known version instead of asking the server again. Default `false`. */
  cached?: boolean;
}

/**
 * A client for one Mastodon server and (optionally) one user. Every API method returns a cold
 * Observable: nothing is sent before subscribe, each subscription sends once, unsubscribing
 * aborts the request in flight, and every error, argument errors included, arrives in the
 * error channel.
 *
 * ## Example
 * ```ts
 * import { firstValueFrom } from 'rxjs';
 * import { Mastodon } from 'mastodon-rx';
 *
 * const api = new Mastodon({ api_base_url: 'https://mastodon.example', access_token: 'usercred.secret' });
 * const status = await firstValueFrom(api.toot('Tooting from TypeScript!'));
 * ```
 */
export class Mastodon extends MastodonClient {
  /**
   * The newest Mastodon version this library fully supports. Pure: makes no request.
   * @example Mastodon.getSupportedVersion()  // '3.5.5'
   */
  static getSupportedVersion(): string {
    return SUPPORTED_VERSION;
  }

  /**
   * Register an app on a server. Emits `[client_id, client_secret]`; with `to_file`, also
   * writes them (with the base URL and app name) to a credential file, mode 0600.
   *
   * @example Mastodon.createApp('pytooterapp', { api_base_url: 'https://mastodon.example', to_file: 'clientcred.secret' })
   */
  static createApp(client_name: string, options: CreateAppOptions = {}): Observable<[client_id: string, client_secret: string]> {
    return defer(() => {
      if (typeof client_name !== 'string' || client_name === '') {
        throw new MastodonIllegalArgumentError('client_name must be a non-empty string');
      }
      const api = new Mastodon({
        api_base_url: options.api_base_url,
        request_timeout: options.request_timeout,
        session: options.session,
        version_check_mode: 'none',
      });
      const redirect = options.redirect_uris ?? OOB_REDIRECT_URI;
      return api.apiRequest<Application>({
        method: 'POST',
        path: '/api/v1/apps',
        ratelimited: false,
        token: null,
        params: {
          client_name,
          scopes: (options.scopes ?? DEFAULT_SCOPES).join(' '),
          redirect_uris: typeof redirect === 'string' ? redirect : redirect.join('\n'),
          website: options.website,
        },
      }).pipe(map((app): [string, string] => {
        if (typeof app.client_id !== 'string' || typeof app.client_secret !== 'string') {
          throw new MastodonIllegalArgumentError('The server did not return client credentials');
        }
        if (options.to_file !== undefined) {
          writeCredentialFile(options.to_file, [app.client_id, app.client_secret, api.api_base_url, client_name]);
        }
        return [app.client_id, app.client_secret];
      }));
    });
  }

  /**
   * Get an access token for a user, by password, OAuth code or refresh token, and use it from
   * now on. Emits the token. Wrong credentials are a `MastodonIllegalArgumentError`; a grant
   * that lacks a requested scope is a `MastodonAPIError`.
   *
   * @example api.logIn('me@example.com', 'password', { to_file: 'usercred.secret' })
   */
  logIn(options?: LogInOptions): Observable<string>;
  logIn(username: string, password: string, options?: LogInOptions): Observable<string>;
  logIn(first?: string | LogInOptions, password?: string, rest?: LogInOptions): Observable<string> {
    return defer(() => {
      const o: LogInOptions = typeof first === 'object' && first !== null
        ? { ...first }
        : { ...rest, username: first ?? rest?.username, password: password ?? rest?.password };
      const scopes = o.scopes ?? DEFAULT_SCOPES;
      const client = { client_id: this.client_id, client_secret: this.client_secret, scope: scopes.join(' ') };
      let params: Params;
      if (o.username !== undefined && o.password !== undefined) {
        params = { username: o.username, password: o.password, redirect_uri: o.redirect_uri ?? OOB_REDIRECT_URI, grant_type: 'password', ...client };
      } else if (o.code !== undefined) {
        params = { redirect_uri: o.redirect_uri ?? OOB_REDIRECT_URI, code: o.code, grant_type: 'authorization_code', ...client };
      } else if (o.refresh_token !== undefined) {
        params = { refresh_token: o.refresh_token, grant_type: 'refresh_token', ...client };
      } else {
        throw new MastodonIllegalArgumentError('Invalid arguments given. username and password or code are required.');
      }
      return this.apiRequest<Token>({ method: 'POST', path: '/oauth/token', params, ratelimited: false, token: null }).pipe(
        catchError((error: unknown) => throwError(() => error instanceof MastodonAPIError && error.status < 500
          ? new MastodonIllegalArgumentError(`Invalid user name, password, or redirect_uris: ${error.message}`, { cause: error })
          : error)),
        map((token) => {
          const granted = typeof token.scope === 'string' ? token.scope.split(/\s+/).filter(Boolean) : [];
          const missing = missingScopes(scopes, granted);
          if (missing.length > 0) {
            throw new MastodonAPIError(`Granted scopes "${granted.join(' ')}" do not contain all of the requested scopes "${scopes.join(' ')}".`,
              { status: 200, reason: 'OK', error: undefined, body: token });
          }
          this.access_token = token.access_token;
          if (o.to_file !== undefined) {
            writeCredentialFile(o.to_file, [token.access_token, this.api_base_url, this.client_id ?? '', this.client_secret ?? '']);
          }
          return token.access_token;
        }),
      );
    });
  }

  /**
   * The URL of the page where a user grants this app access; the code shown there (or sent
   * to `redirect_uris`) goes to `logIn({ code })`. Pure: makes no request.
   *
   * @example window.location.href = api.authRequestUrl({ redirect_uris: 'https://app.example/cb', state })
   */
  authRequestUrl(options: AuthRequestUrlOptions = {}): string {
    const url = new URL(`${this.api_base_url}/oauth/authorize`);
    const clientId = options.client_id ?? this.client_id;
    if (clientId === undefined) throw new MastodonIllegalArgumentError('authRequestUrl needs a client_id');
    url.searchParams.set('client_id', clientId);
    url.searchParams.set('response_type', 'code');
    url.searchParams.set('redirect_uri', options.redirect_uris ?? OOB_REDIRECT_URI);
    url.searchParams.set('scope', (options.scopes ?? DEFAULT_SCOPES).join(' '));
    if (options.force_login) url.searchParams.set('force_login', 'true');
    if (options.state !== undefined) url.searchParams.set('state', options.state);
    if (options.lang !== undefined) url.searchParams.set('lang', options.lang);
    return url.href;
  }

  /**
   * Revoke the access token this client uses; the client forgets it.
   * @example api.revokeAccessToken().subscribe(() => console.log('logged out'))
   */
  revokeAccessToken(): Observable<void> {
    return defer(() => this.apiRequest<void>({
      method: 'POST',
      path: '/oauth/revoke',
      result: 'none',
      ratelimited: false,
      params: { client_id: this.client_id, client_secret: this.client_secret, token: this.access_token },
    })).pipe(tap(() => { this.access_token = undefined; }));
  }

  /**
   * Sign up a new user (needs the app's client credentials). Emits the new user's access
   * token, which this client then uses; with `return_detailed_error`, emits
   * `[token, {}]` or `[null, error details]` instead of failing on a refused sign-up.
   *
   * @example api.createAccount('alice', 'correct horse', 'alice@example.com', { agreement: true })
   */
  createAccount(username: string, password: string, email: string, options?: CreateAccountOptions & { return_detailed_error?: false }): Observable<string>;
  createAccount(username: string, password: string, email: string, options: CreateAccountOptions & { return_detailed_error: true }): Observable<[string | null, unknown]>;
  createAccount(username: string, password: string, email: string, options: CreateAccountOptions = {}): Observable<string | [string | null, unknown]> {
    return defer(() => {
      const scopes = options.scopes ?? DEFAULT_SCOPES;
      const appToken$ = this.apiRequest<Token>({
        method: 'POST', path: '/oauth/token', ratelimited: false, token: null,
        params: { grant_type: 'client_credentials', client_id: this.client_id, client_secret: this.client_secret, scope: scopes.join(' ') },
      });
      const signUp = (appToken: string): Observable<Token> => this.apiRequest<Token>({
        method: 'POST', path: '/api/v1/accounts', ratelimited: false, token: appToken,
        params: {
          username, password, email,
          agreement: options.agreement ? true : undefined,
          reason: options.reason,
          locale: options.locale ?? 'en',
          client_id: this.client_id,
          client_secret: this.client_secret,
        },
      });
      return appToken$.pipe(
        concatMap((app) => signUp(app.access_token)),
        map((token): string | [string, unknown] => {
          this.access_token = token.access_token;
          if (options.to_file !== undefined) writeCredentialFile(options.to_file, [token.access_token, this.api_base_url]);
          return options.return_detailed_error ? [token.access_token, {}] : token.access_token;
        }),
        catchError((error: unknown) => options.return_detailed_error && error instanceof MastodonAPIError && error.status < 500
          ? of<[null, unknown]>([null, error.body])
          : throwError(() => error)),
      );
    });
  }

  /**
   * Ask the server for its version, remember it, and emit it (such as `'4.0.2'`).
   * @example api.retrieveMastodonVersion().subscribe((v) => console.log(v))
   */
  retrieveMastodonVersion(): Observable<string> {
    return this.fetchServerVersion().pipe(map(formatVersion));
  }

  /**
   * Whether the server runs at least `version_str`; asks the server unless `cached` is set
   * and the version is already known.
   *
   * @example api.verifyMinimumVersion('3.5.0', { cached: true }).subscribe((ok) => console.log(ok))
   */
  verifyMinimumVersion(version_str: string, options: VerifyMinimumVersionOptions = {}): Observable<boolean> {
    return defer(() => {
      const wanted = parseVersion(version_str);
      const version$ = options.cached ? this.serverVersion() : this.fetchServerVersion();
      return version$.pipe(map((have) => versionAtLeast(have, wanted)));
    });
  }

  /** Calls one endpoint row through this client; see `call`. */
  callEndpoint<R>(endpoint: AnyEndpoint, args: readonly unknown[]): Observable<R> {
    return call(this, endpoint as Endpoint<unknown[], R>, [...args]);
  }
}


// The endpoint tables become methods: declaration merging gives their types,
// the loop below their implementations.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Mastodon extends EndpointMethods {}

for (const table of Object.values(endpointTables)) {
  for (const [name, endpoint] of Object.entries(table)) {
    Object.defineProperty(Mastodon.prototype, name, {
      value: function (this: Mastodon, ...args: unknown[]) {
        return this.callEndpoint(endpoint as AnyEndpoint, args);
      },
      writable: true,
      configurable: true,
    });
  }
}

for (const [name, method] of Object.entries(extraMethods)) {
  Object.defineProperty(Mastodon.prototype, name, { value: method, writable: true, configurable: true });
}

export type { HttpBackend };
