import { asyncScheduler, catchError, concatMap, defer, map, type Observable, of, type SchedulerLike, shareReplay, tap } from 'rxjs';
import { MastodonAPIError, MastodonIllegalArgumentError, MastodonMalformedResponseError, MastodonVersionError } from '../errors.js';
import type { HttpResponse } from '../http/backend.js';
import { defaultBackend } from '../http/default-backend.js';
import { DEFAULT_MAX_RESPONSE_BYTES } from '../http/body-limit.js';
import { createTransport, fetchWith, type Call, type Transport } from '../http/transport.js';
import { readJson } from '../http/response.js';
import { RATELIMIT_METHODS, RateLimiter, type RateLimitState, type RatelimitMethod } from '../ratelimit/limiter.js';
import { checkedChoice } from '../choice.js';
import { formatVersion, parseVersion, versionAtLeast, type Version } from '../versions/version.js';
import type { Instance } from '../entities/instance.js';
import type { InstanceV2 } from '../entities/instance-v2.js';
import { loadCredentials } from './credentials.js';
import { INSPECT, printableClient } from './printable.js';
import { DEFAULT_USER_AGENT, type FeatureSet, type MastodonOptions, type VersionCheckMode } from './options.js';

/**
 * A connection to one Mastodon server and (optionally) one user: the request pipeline (token,
 * rate limiter, timeouts, errors), the server's version, and nothing else. Every endpoint is a
 * function that takes a client first, imported from `mastodon-rx/api`, so an app bundles only
 * the endpoints it uses. The `Mastodon` class is this client with every endpoint as a method.
 *
 * ## Example
 * ```ts
 * import { MastodonClient } from 'mastodon-rx/core';
 * import { timelineHome } from 'mastodon-rx/api';
 *
 * const client = new MastodonClient({ api_base_url: 'https://mastodon.example', access_token: 'token' });
 * timelineHome(client, { limit: 20 }).subscribe((page) => console.log(page.length));
 * ```
 */
export class MastodonClient {
  // Declared only: the constructor creates every field, in this order (the order printing shows).
  /** The server's base URL, such as `https://mastodon.social`. */
  declare readonly api_base_url: string;
  /** The app's client id, when known (given, or read from a credential file). */
  declare client_id: string | undefined;
  /** The app's client secret, when known. */
  declare client_secret: string | undefined;
  /** The user's (or app's) access token; set by `logIn` and `createAccount`, cleared by `revokeAccessToken`. */
  declare access_token: string | undefined;
  /** The ISO 639 language sent with every request (see `setLanguage`). */
  declare lang: string | undefined;
  /** How endpoints check the server version: `created` (default), `changed` or `none`. */
  declare readonly version_check_mode: VersionCheckMode;
  /** The API dialect: `mainline` (default), `fedibird` or `pleroma`. */
  declare readonly feature_set: FeatureSet;
  /** How the rate limit is handled: `wait` (default), `pace` or `throw`. */
  declare readonly ratelimit_method: RatelimitMethod;
  /** Seconds each request attempt may take before it fails with `MastodonReadTimeout`. */
  declare readonly request_timeout: number;
  /** The most bytes of response body the client accepts (default 64 MiB). */
  declare readonly max_response_bytes: number;
  /** The `User-Agent` sent with requests and streams, if any. */
  declare readonly user_agent: string | undefined;
  /** The scheduler every wait of this client goes through. */
  declare readonly scheduler: SchedulerLike;
  /** The rate limiter that every request of this client passes through. */
  declare readonly ratelimiter: RateLimiter;
  /** The server version, once known (given as `mastodon_version`, or fetched). */
  declare mastodon_version: string | undefined;
  /**
   * The server's API feature level (`api_versions.mastodon` of instance v2), once fetched: 0
   * for a server that does not say it (before Mastodon 4.3).
   */
  declare mastodon_api_version: number | undefined;

  readonly #transport: Transport;
  #knownVersion: Version | undefined;
  #versionFetch: Observable<Version> | undefined;

  /**
   * Creates a client. Throws `MastodonIllegalArgumentError` at once for options that can never
   * work (no base URL, an unknown `ratelimit_method`, a credential file in a browser).
   *
   * @example new MastodonClient({ api_base_url: 'https://mastodon.example', access_token: 'usercred.secret' })
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
    this.version_check_mode = checkedChoice('version_check_mode', options.version_check_mode ?? 'created', ['created', 'changed', 'none']);
    this.feature_set = checkedChoice('feature_set', options.feature_set ?? 'mainline', ['mainline', 'fedibird', 'pleroma']);
    this.ratelimit_method = checkedChoice('ratelimit_method', options.ratelimit_method ?? 'wait', RATELIMIT_METHODS);
    this.request_timeout = options.request_timeout ?? 300;
    if (!(this.request_timeout > 0)) throw new MastodonIllegalArgumentError('request_timeout must be a positive number of seconds');
    this.max_response_bytes = options.max_response_bytes ?? DEFAULT_MAX_RESPONSE_BYTES;
    if (!(this.max_response_bytes > 0)) throw new MastodonIllegalArgumentError('max_response_bytes must be a positive number of bytes');
    this.user_agent = options.user_agent === null ? credentials.client_name : options.user_agent ?? DEFAULT_USER_AGENT;
    this.scheduler = options.scheduler ?? asyncScheduler;
    this.ratelimiter = new RateLimiter(this.ratelimit_method, options.ratelimit_pacefactor ?? 1.1, this.scheduler);
    const known = options.mastodon_version === undefined ? undefined : parseVersion(options.mastodon_version);
    this.mastodon_version = known && formatVersion(known);
    this.mastodon_api_version = undefined;
    this.#transport = createTransport(this, options.session ?? defaultBackend(), options.debug_requests ?? false);
    this.#knownVersion = known;
  }

  /**
   * What `JSON.stringify` makes of the client: its settings, with the access token and client
   * secret redacted.
   * @example JSON.stringify(client)  // '{"api_base_url":"https://m.example","access_token":"[redacted]",...}'
   */
  toJSON(): Record<string, unknown> {
    return printableClient(this);
  }

  /**
   * What `util.inspect` and `console.log` show in Node: the settings, secrets redacted.
   * @example console.log(client)  // MastodonClient { api_base_url: 'https://m.example', access_token: '[redacted]', ... }
   */
  [INSPECT](_depth: number, options: object, inspect?: (value: unknown, options?: object) => string): string {
    const view = this.toJSON();
    return `${this.constructor.name} ${inspect ? inspect(view, options) : JSON.stringify(view)}`;
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
   * @example client.ratelimit$.subscribe((s) => console.log(`${s.remaining}/${s.limit}`))
   */
  get ratelimit$(): Observable<RateLimitState> {
    return this.ratelimiter.state$.asObservable();
  }

  /**
   * Set the language (ISO 639) sent with every request, which localises errors and trends.
   * @example client.setLanguage('de')
   */
  setLanguage(lang: string | undefined): void {
    this.lang = lang;
  }

  /**
   * The raw response of a call (error statuses included) sent through this client's pipeline:
   * token, language, rate limit, timeout, size cap. For calls the library builds; a call written
   * by hand goes through `apiRequest` or `apiResponse` of `mastodon-rx/api`, which check it.
   *
   * @internal
   */
  send(call: Call): Observable<HttpResponse> {
    return this.#transport(call);
  }

  /**
   * Emits once and completes when the server is new enough for an endpoint added in
   * `created`, last changed in `changed` and needing API feature level `api_version`, as
   * `version_check_mode` asks; else fails with `MastodonVersionError`. Fetches the server's
   * version at most once.
   *
   * @example client.versionCheck('4.6.0', undefined, 8).pipe(concatMap(() => ...))
   */
  versionCheck(created: string | undefined, changed?: string, api_version?: number): Observable<void> {
    return defer(() => this.pendingVersionCheck(created, changed, api_version) ?? of(undefined));
  }

  /**
   * The version check of a call: `undefined` when it passes now (nothing to check, or the
   * version is known); the check to wait for while the version is being fetched. Throws
   * `MastodonVersionError` when the known version is too old. For `call`, which skips a
   * layer of operators when the check is already settled.
   *
   * @internal
   */
  pendingVersionCheck(created: string | undefined, changed: string | undefined, api_version?: number): Observable<void> | undefined {
    const needed = this.version_check_mode === 'changed' ? maxVersion(created, changed) : created;
    if (this.version_check_mode === 'none' || (needed === undefined && api_version === undefined)) return undefined;
    const check = (have: Version): void => {
      if (needed !== undefined && !versionAtLeast(have, parsedVersion(needed))) {
        throw new MastodonVersionError(`Version check failed (Need version ${needed}, server has ${formatVersion(have)})`);
      }
      const level = this.mastodon_api_version ?? 0;
      if (api_version !== undefined && level < api_version) {
        throw new MastodonVersionError(`Version check failed (Need API version ${api_version}, server has ${level})`);
      }
    };
    // A version given to the constructor says nothing of the API level: that is fetched when a row needs it.
    if (this.#knownVersion && (api_version === undefined || this.mastodon_api_version !== undefined)) {
      check(this.#knownVersion);
      return undefined;
    }
    return this.#sharedVersionFetch().pipe(map(check));
  }

  /**
   * The server's version: known, or fetched once and shared by concurrent callers (see
   * `fetchServerVersion`).
   *
   * @example client.serverVersion().subscribe(([major, minor]) => console.log(major, minor))
   */
  serverVersion(): Observable<Version> {
    return this.#knownVersion ? of(this.#knownVersion) : this.#sharedVersionFetch();
  }

  /**
   * Asks the server for its version and API feature level again and remembers them: instance
   * v2 (`GET /api/v2/instance/`), or instance v1 where v2 is missing (servers before 4.0). A
   * failed ask is asked again by the next caller.
   *
   * @example client.fetchServerVersion().subscribe(([major]) => console.log(major >= 4))
   */
  fetchServerVersion(): Observable<Version> {
    const ask = (path: string) => fetchWith(this, { method: 'GET', path }, readJson<Partial<InstanceV2 & Instance> | null>);
    return ask('/api/v2/instance/').pipe(
      catchError((error: unknown) => {
        if (isAbsent(error)) return of(null);
        throw error;
      }),
      concatMap((v2) => (typeof v2?.version === 'string' ? of(v2) : ask('/api/v1/instance/'))),
      map((info) => {
        if (typeof info?.version !== 'string') throw new MastodonIllegalArgumentError('The server did not say its version');
        const level = info.api_versions?.mastodon;
        this.#knownVersion = parseVersion(info.version);
        this.mastodon_version = formatVersion(this.#knownVersion);
        this.mastodon_api_version = Number.isSafeInteger(level) && level! > 0 ? level : 0;
        return this.#knownVersion;
      }),
      tap({ error: () => { this.#versionFetch = undefined; } }),
    );
  }

  /**
   * Forgets the server's version and API level, fetched or given, so that the next check asks
   * the server again (`clearCaches`).
   *
   * @example client.forgetServerVersion()
   */
  forgetServerVersion(): void {
    this.#knownVersion = undefined;
    this.#versionFetch = undefined;
    this.mastodon_version = undefined;
    this.mastodon_api_version = undefined;
  }

  #sharedVersionFetch(): Observable<Version> {
    this.#versionFetch ??= this.fetchServerVersion().pipe(shareReplay({ bufferSize: 1, refCount: true }));
    return this.#versionFetch;
  }
}

/** Whether instance v2 is not there: a 404 or 410, or an answer that is not JSON (a web page). */
function isAbsent(error: unknown): boolean {
  return error instanceof MastodonMalformedResponseError || (error instanceof MastodonAPIError && (error.status === 404 || error.status === 410));
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
