import { asyncScheduler, defer, type Observable, of, throwError, type SchedulerLike } from 'rxjs';
import { catchError, concatMap, map, shareReplay, tap } from 'rxjs/operators';
import type { AnyEndpoint, BodyEncoding } from '../endpoints/define.js';
import { endpointTables, extraMethods, type EndpointMethods } from '../endpoints/index.js';
import { MastodonAPIError, MastodonIllegalArgumentError, MastodonMalformedResponseError, MastodonVersionError } from '../errors.js';
import type { HttpBackend, HttpResponse } from '../http/backend.js';
import { apiErrorFor } from '../http/response.js';
import { defaultBackend } from '../http/default-backend.js';
import { DEFAULT_MAX_RESPONSE_BYTES } from '../http/body-limit.js';
import type { Params, ParamValue } from '../http/params.js';
import { Transport, type ApiCall } from '../http/transport.js';
import { RateLimiter, type RateLimitState, type RatelimitMethod } from '../ratelimit/limiter.js';
import { formatVersion, parseVersion, versionAtLeast, type Version } from '../versions/version.js';
import type { CredentialApplication, Instance, Token } from '../entities/instance.js';
import { loadCredentials, writeCredentialFile } from './credentials.js';
import {
  DEFAULT_SCOPES, DEFAULT_USER_AGENT, OOB_REDIRECT_URI,
  type CreateAppOptions, type FeatureSet, type MastodonOptions, type VersionCheckMode,
} from './options.js';
import { missingScopes } from './scopes.js';
import { INSPECT, inspectClient, printableClient } from './printable.js';
import { redact } from '../http/redact.js';
import { SUPPORTED_VERSION } from '../endpoints/utility.js';

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
export class Mastodon {
  /** The server's base URL, such as `https://mastodon.social`. */
  readonly api_base_url: string;
  /** The app's client id, when known (given, or read from a credential file). */
  client_id: string | undefined;
  /** The app's client secret, when known. */
  client_secret: string | undefined;
  /** The user's (or app's) access token; set by `logIn` and `createAccount`, cleared by `revokeAccessToken`. */
  access_token: string | undefined;
  /** The ISO 639 language sent with every request (see `setLanguage`). */
  lang: string | undefined;
  /** How endpoints check the server version: `created` (default), `changed` or `none`. */
  readonly version_check_mode: VersionCheckMode;
  /** The API dialect: `mainline` (default), `fedibird` or `pleroma`. */
  readonly feature_set: FeatureSet;
  /** How the rate limit is handled: `wait` (default), `pace` or `throw`. */
  readonly ratelimit_method: RatelimitMethod;
  /** Seconds each request attempt may take before it fails with `MastodonReadTimeout`. */
  readonly request_timeout: number;
  /** The most bytes of response body the client accepts (default 64 MiB). */
  readonly max_response_bytes: number;
  /** The `User-Agent` sent with requests and streams, if any. */
  readonly user_agent: string | undefined;
  /** The scheduler every wait of this client goes through. */
  readonly scheduler: SchedulerLike;
  /** The rate limiter that every request of this client passes through. */
  readonly ratelimiter: RateLimiter;
  /** The server version, once known (given as `mastodon_version`, or fetched). */
  mastodon_version: string | undefined;

  private readonly transport: Transport;
  private knownVersion: Version | undefined;
  private versionFetch: Observable<Version> | undefined;

  /**
   * Creates a client. Throws `MastodonIllegalArgumentError` at once for options that can never
   * work (no base URL, an unknown `ratelimit_method`, a credential file in a browser).
   *
   * @example new Mastodon({ api_base_url: 'https://mastodon.example', access_token: 'usercred.secret' })
   */
  constructor(options: MastodonOptions = {}) {
    const credentials = loadCredentials(options);
    const baseUrl = credentials.api_base_url;
    if (!baseUrl) throw new MastodonIllegalArgumentError('API base URL is required.');
    try {
      new URL(baseUrl);
    } catch {
      throw new MastodonIllegalArgumentError(`Not a valid API base URL: ${JSON.stringify(baseUrl)}`);
    }
    this.api_base_url = baseUrl;
    this.client_id = credentials.client_id;
    this.client_secret = credentials.client_secret;
    this.access_token = credentials.access_token;
    this.lang = options.lang;
    this.version_check_mode = checkedOption('version_check_mode', options.version_check_mode ?? 'created', ['created', 'changed', 'none']);
    this.feature_set = checkedOption('feature_set', options.feature_set ?? 'mainline', ['mainline', 'fedibird', 'pleroma']);
    this.ratelimit_method = checkedOption('ratelimit_method', options.ratelimit_method ?? 'wait', ['throw', 'wait', 'pace']);
    this.request_timeout = options.request_timeout ?? 300;
    if (!(this.request_timeout > 0)) throw new MastodonIllegalArgumentError('request_timeout must be a positive number of seconds');
    this.max_response_bytes = options.max_response_bytes ?? DEFAULT_MAX_RESPONSE_BYTES;
    if (!(this.max_response_bytes > 0)) throw new MastodonIllegalArgumentError('max_response_bytes must be a positive number of bytes');
    this.scheduler = options.scheduler ?? asyncScheduler;
    this.ratelimiter = new RateLimiter(this.ratelimit_method, options.ratelimit_pacefactor ?? 1.1, this.scheduler);
    if (options.mastodon_version !== undefined) {
      this.knownVersion = parseVersion(options.mastodon_version);
      this.mastodon_version = formatVersion(this.knownVersion);
    }
    const userAgent = options.user_agent === null ? credentials.client_name : options.user_agent ?? DEFAULT_USER_AGENT;
    this.user_agent = userAgent;
    this.transport = new Transport({
      baseUrl,
      backend: options.session ?? defaultBackend(),
      limiter: this.ratelimiter,
      scheduler: this.scheduler,
      timeoutMs: this.request_timeout * 1000,
      maxResponseBytes: this.max_response_bytes,
      userAgent,
      debug: options.debug_requests ?? false,
      token: () => this.access_token,
      lang: () => this.lang,
    });
  }

  /**
   * What `JSON.stringify` makes of the client: its settings, with the access token and client
   * secret redacted.
   * @example JSON.stringify(api)  // '{"api_base_url":"https://m.example","access_token":"[redacted]",...}'
   */
  toJSON(): Record<string, unknown> {
    return printableClient(this);
  }

  /**
   * What `util.inspect` and `console.log` show in Node: the settings, secrets redacted.
   * @example console.log(api)  // Mastodon { api_base_url: 'https://m.example', access_token: '[redacted]', ... }
   */
  [INSPECT](_depth: number, options: object, inspect?: (value: unknown, options?: object) => string): string {
    return inspectClient('Mastodon', this, options, inspect);
  }

  /** Requests left in the current rate-limit window, as the server last said. */
  get ratelimit_remaining(): number {
    return this.ratelimiter.state.remaining;
  }

  /** When the rate-limit window resets (epoch seconds, corrected for clock skew). */
  get ratelimit_reset(): number {
    return this.ratelimiter.state.reset;
  }

  /** Requests allowed per window. */
  get ratelimit_limit(): number {
    return this.ratelimiter.state.limit;
  }

  /** When the last rate-limited call was made (epoch seconds). */
  get ratelimit_lastcall(): number {
    return this.ratelimiter.state.lastcall;
  }

  /**
   * The rate-limit state as it changes, for dashboards.
   * @example api.ratelimit$.subscribe((s) => console.log(`${s.remaining}/${s.limit}`))
   */
  get ratelimit$(): Observable<RateLimitState> {
    return this.ratelimiter.state$.asObservable();
  }

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
      options ??= {};
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
      return api.apiRequest<CredentialApplication>({
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
    const o: AuthRequestUrlOptions = options ?? {};
    const url = new URL(`${this.api_base_url}/oauth/authorize`);
    const clientId = o.client_id ?? this.client_id;
    if (clientId === undefined) throw new MastodonIllegalArgumentError('authRequestUrl needs a client_id');
    url.searchParams.set('client_id', clientId);
    url.searchParams.set('response_type', 'code');
    url.searchParams.set('redirect_uri', o.redirect_uris ?? OOB_REDIRECT_URI);
    if (o.scopes !== undefined && !Array.isArray(o.scopes)) throw new MastodonIllegalArgumentError('scopes must be a list');
    url.searchParams.set('scope', (o.scopes ?? DEFAULT_SCOPES).join(' '));
    if (o.force_login) url.searchParams.set('force_login', 'true');
    if (o.state !== undefined) url.searchParams.set('state', o.state);
    if (o.lang !== undefined) url.searchParams.set('lang', o.lang);
    return url.href;
  }

  /**
   * Set the language (ISO 639) sent with every request, which localises errors and trends.
   * @example api.setLanguage('de')
   */
  setLanguage(lang: string | undefined): void {
    this.lang = lang;
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
      options ??= {};
      for (const [name, value] of [['username', username], ['password', password], ['email', email]] as const) {
        if (typeof value !== 'string') throw new MastodonIllegalArgumentError(`${name} must be a string`);
      }
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
        concatMap((app) => {
          checkToken(app);
          return signUp(app.access_token);
        }),
        map((token): string | [string, unknown] => {
          checkToken(token);
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
    return this.fetchVersion().pipe(map(formatVersion));
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
      const version$ = options?.cached ? this.serverVersion() : this.fetchVersion();
      return version$.pipe(map((have) => versionAtLeast(have, wanted)));
    });
  }

  /**
   * Send any API call through this client's pipeline (token, rate limit, errors, parsing):
   * for endpoints the library has no method for yet.
   *
   * @example api.apiRequest<Status>({ method: 'GET', path: '/api/v1/statuses/1' })
   */
  apiRequest<R>(call: ApiCall): Observable<R> {
    return this.transport.call<R>(call);
  }

  /**
   * Like `apiRequest`, but emits the whole response (status, headers, body) of a successful
   * call; an error status still fails with its `MastodonAPIError`. For the rare call whose
   * answer is in its headers.
   *
   * @example api.apiResponse({ method: 'HEAD', path: '/' }).subscribe((r) => console.log(r.headers['date']))
   */
  apiResponse(call: ApiCall): Observable<HttpResponse> {
    return this.transport.send(call).pipe(map((response) => {
      if (response.status < 200 || response.status >= 300) throw apiErrorFor(response);
      return response;
    }));
  }

  /**
   * Emits once and completes when the server is new enough for an endpoint added in
   * `created` and last changed in `changed`, as `version_check_mode` asks; else fails with
   * `MastodonVersionError`. Fetches the version at most once.
   *
   * @example api.versionCheck('3.5.0').pipe(concatMap(() => ...))
   */
  versionCheck(created: string | undefined, changed?: string): Observable<void> {
    return defer(() => this.pendingVersionCheck(created, changed) ?? of(undefined));
  }

  /**
   * The version check of a call: `undefined` when it passes now (nothing to check, or the
   * version is known); the check to wait for while the version is being fetched. Throws
   * `MastodonVersionError` when the known version is too old.
   */
  private pendingVersionCheck(created: string | undefined, changed: string | undefined): Observable<void> | undefined {
    const needed = this.version_check_mode === 'changed' ? maxVersion(created, changed) : created;
    if (this.version_check_mode === 'none' || needed === undefined) return undefined;
    const wanted = parsedVersion(needed);
    const check = (have: Version): void => {
      if (!versionAtLeast(have, wanted)) {
        throw new MastodonVersionError(`Version check failed (Need version ${needed}, server has ${formatVersion(have)})`);
      }
    };
    if (this.knownVersion) {
      check(this.knownVersion);
      return undefined;
    }
    return this.serverVersion().pipe(map(check));
  }

  /** Calls one endpoint of the tables: parameters, feature set, version check, request, result. */
  callEndpoint<R>(endpoint: AnyEndpoint, args: readonly unknown[]): Observable<R> {
    return defer(() => {
      // The table row's own signature was checked where the method was called.
      const params = (endpoint.params as (...values: readonly unknown[]) => Params)(...args);
      this.checkFeatures(endpoint, params);
      const { body, headers } = splitHeaderParams(endpoint, params);
      const call: ApiCall = {
        method: endpoint.method,
        path: endpoint.path,
        params: body,
        headers,
        encoding: encodingFor(endpoint, body),
        result: endpoint.returns.kind,
        ratelimited: endpoint.ratelimited,
      };
      const pending = this.pendingVersionCheck(endpoint.created, endpoint.changed);
      const request$ = this.apiRequest<R>(call);
      return pending ? pending.pipe(concatMap(() => request$)) : request$;
    });
  }

  private checkFeatures(endpoint: AnyEndpoint, params: Params): void {
    for (const name in endpoint.features) {
      const feature = endpoint.features[name];
      if (params[name] !== undefined && this.feature_set !== feature) {
        throw new MastodonIllegalArgumentError(`${name} is only available with feature set ${feature}`);
      }
    }
  }

  /** The server's version: known, or fetched once and shared by concurrent callers. */
  private serverVersion(): Observable<Version> {
    if (this.knownVersion) return of(this.knownVersion);
    this.versionFetch ??= this.fetchVersion().pipe(shareReplay({ bufferSize: 1, refCount: true }));
    return this.versionFetch;
  }

  private fetchVersion(): Observable<Version> {
    return this.apiRequest<Instance>({ method: 'GET', path: '/api/v1/instance/' }).pipe(
      map((info) => {
        if (typeof info?.version !== 'string') throw new MastodonIllegalArgumentError('The server did not say its version');
        return parseVersion(info.version);
      }),
      tap({
        next: (version) => {
          this.knownVersion = version;
          this.mastodon_version = formatVersion(version);
        },
        error: () => { this.versionFetch = undefined; },
      }),
    );
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

/** Throws `MastodonMalformedResponseError` unless a token answer carries an access token (a string on one line). */
function checkToken(token: Token): void {
  if (typeof token?.access_token !== 'string' || token.access_token === '') {
    throw new MastodonMalformedResponseError('The server\'s token answer holds no access token',
      { status: 200, reason: 'OK', error: undefined, body: redact(token) });
  }
}

function checkedOption<T extends string>(name: string, value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value)) {
    throw new MastodonIllegalArgumentError(`Invalid ${name} ${JSON.stringify(value)}; must be one of ${allowed.join(', ')}`);
  }
  return value as T;
}

function maxVersion(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined || b === undefined) return a ?? b;
  return versionAtLeast(parsedVersion(a), parsedVersion(b)) ? a : b;
}

/** The versions endpoints name are few and fixed: each is parsed once. */
const parsedVersions = new Map<string, Version>();

function parsedVersion(text: string): Version {
  let version = parsedVersions.get(text);
  if (version === undefined) {
    version = parseVersion(text);
    parsedVersions.set(text, version);
  }
  return version;
}

function isNested(value: ParamValue): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

function encodingFor(endpoint: AnyEndpoint, params: Params): BodyEncoding {
  if (endpoint.encoding !== 'form-or-json') return endpoint.encoding;
  return Object.values(params).some(isNested) ? 'json' : 'form';
}

function splitHeaderParams(endpoint: AnyEndpoint, params: Params): { body: Params; headers: Record<string, string> } {
  const headers: Record<string, string> = {};
  let body: Record<string, ParamValue> | undefined;
  for (const param in endpoint.headerParams) {
    body ??= { ...params };
    const value = body[param];
    delete body[param];
    if (value !== undefined && value !== null) headers[endpoint.headerParams[param]!] = String(value);
  }
  return { body: body ?? params, headers };
}

export type { HttpBackend };
