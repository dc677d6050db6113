import type { SchedulerLike } from 'rxjs';
import type { HttpBackend } from '../http/backend.js';
import type { RatelimitMethod } from '../ratelimit/limiter.js';

/** How strictly endpoints are checked against the server's version. */
export type VersionCheckMode = 'created' | 'changed' | 'none';

/** Which dialect of the API to speak beyond mainline Mastodon. */
export type FeatureSet = 'mainline' | 'fedibird' | 'pleroma';

/**
 * The constructor's options: every parameter of Mastodon.py's `Mastodon.__init__`, with its
 * name and default, plus `scheduler` for virtual-time tests.
 */
export interface MastodonOptions {
  /** The app's client id, or the path of a credential file written by `createApp` (Node). */
  client_id?: string;
  client_secret?: string;
  /** A user's access token, or the path of a token file written by `logIn` (Node). */
  access_token?: string;
  /** The server, such as `https://mastodon.social`; `https://` is added when no scheme is given. */
  api_base_url?: string;
  /** Log every request and response status, with tokens and secrets redacted. Default `false`. */
  debug_requests?: boolean;
  /** Default `'wait'`. */
  ratelimit_method?: RatelimitMethod;
  /**
   * In `pace` mode, space requests so that, continued at that rate, `pacefactor` times the
   * remaining budget would be used by the reset (above 1, a 429 is then waited out). Default `1.1`.
   */
  ratelimit_pacefactor?: number;
  /** Seconds before a request without a response fails with `MastodonReadTimeout`. Default `300`. */
  request_timeout?: number;
  /**
   * The most bytes of response body the client accepts; a longer body fails with
   * `MastodonMalformedResponseError` as it streams in, without being held. Default 64 MiB.
   */
  max_response_bytes?: number;
  /** The server's version, when known: no request is made to learn it. */
  mastodon_version?: string;
  /** Default `'created'`. */
  version_check_mode?: VersionCheckMode;
  /** The HTTP backend (Mastodon.py's `session`). Default: undici in Node, `fetch` elsewhere. */
  session?: HttpBackend;
  /** Default `'mainline'`. */
  feature_set?: FeatureSet;
  /** Default `'mastodon-rx'`; `null` sends the app name from a credential file, if any. */
  user_agent?: string | null;
  /** Language code sent with every request (`lang`), as `setLanguage` sets it. */
  lang?: string;
  /** Scheduler for all waiting: rate limits, timeouts, polling. Default `asyncScheduler`. */
  scheduler?: SchedulerLike;
}

/** Options of the static `Mastodon.createApp`. */
export interface CreateAppOptions {
  /** Default `['read', 'write', 'follow', 'push']`. */
  scopes?: readonly string[];
  /** One URI or several; default `urn:ietf:wg:oauth:2.0:oob`. */
  redirect_uris?: string | readonly string[];
  website?: string;
  /** Write `client_id`, `client_secret`, `api_base_url`, `client_name` to this file (mode 0600). */
  to_file?: string;
  api_base_url?: string;
  request_timeout?: number;
  session?: HttpBackend;
  /** The `User-Agent` of the registration. Default `'mastodon-rx'`. */
  user_agent?: string;
}

export const DEFAULT_SCOPES: readonly string[] = ['read', 'write', 'follow', 'push'];
export const OOB_REDIRECT_URI = 'urn:ietf:wg:oauth:2.0:oob';
export const DEFAULT_USER_AGENT = 'mastodon-rx';

/**
 * A base URL as Mastodon.py makes it: `https://` added when there is no http(s) scheme,
 * trailing slashes removed.
 *
 * ## Example
 * ```ts
 * protocolize('mastodon.social/')  // 'https://mastodon.social'
 * ```
 */
export function protocolize(baseUrl: string): string {
  const withScheme = /^https?:\/\//i.test(baseUrl) ? baseUrl : `https://${baseUrl}`;
  return withScheme.replace(/\/+$/, '');
}
