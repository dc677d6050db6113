import type { HttpBackend } from './backend.js';
import { FetchBackend } from './fetch-backend.js';

let shared: HttpBackend | undefined;

/**
 * The backend clients use when none is given, in browser bundles: the global `fetch`. Bundlers
 * pick this file through the `browser` field of package.json, so undici stays out of them.
 *
 * @example new Mastodon({ api_base_url })  // uses defaultBackend()
 */
export function defaultBackend(): HttpBackend {
  shared ??= new FetchBackend();
  return shared;
}
