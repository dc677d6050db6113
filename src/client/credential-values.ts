import { MastodonIllegalArgumentError } from '../errors.js';
import type { MastodonOptions } from './options.js';

/** What the constructor learns from its options and the credential files they name. */
export interface LoadedCredentials {
  api_base_url: string | undefined;
  client_id: string | undefined;
  client_secret: string | undefined;
  access_token: string | undefined;
  client_name: string | undefined;
}

/** Values no token or client id looks like: paths, and names ending in `.secret` or `.txt`. */
export const LOOKS_LIKE_PATH = /[\\/]|\.(secret|txt)$/i;

/**
 * Throws `MastodonIllegalArgumentError` when a client id is given as a value without its secret,
 * as Mastodon.py does.
 *
 * ## Example
 * ```ts
 * checkSecretGiven({ client_id: 'abc', client_secret: 'def' })  // passes
 * ```
 */
export function checkSecretGiven(options: MastodonOptions): void {
  if (options.client_id !== undefined && options.client_secret === undefined) {
    throw new MastodonIllegalArgumentError(
      'Specified client id directly, but did not supply secret (or client_id names a credential file that cannot be read here)');
  }
}
