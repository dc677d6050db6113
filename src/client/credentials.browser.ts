// Browsers read no files: a client takes its credentials as values. The bundler's `browser`
// field puts this module in the place of credentials.ts, which reads and writes files in Node.
import { MastodonIllegalArgumentError } from '../errors.js';
import { checkSecretGiven, LOOKS_LIKE_PATH, type LoadedCredentials } from './credential-values.js';
import { protocolize, type MastodonOptions } from './options.js';

export type { LoadedCredentials } from './credential-values.js';

/**
 * The credentials given as values; a `client_id` or `access_token` that looks like a path is an
 * argument error, since a browser cannot read the file.
 *
 * ## Example
 * ```ts
 * loadCredentials({ api_base_url: 'mastodon.example', access_token: 'token' }).api_base_url  // 'https://mastodon.example'
 * ```
 */
export function loadCredentials(options: MastodonOptions): LoadedCredentials {
  for (const value of [options.client_id, options.access_token]) {
    if (typeof value === 'string' && LOOKS_LIKE_PATH.test(value)) {
      throw new MastodonIllegalArgumentError(`${value} looks like a credential file, and files can only be read in Node.js; pass the value itself`);
    }
  }
  checkSecretGiven(options);
  return {
    api_base_url: options.api_base_url === undefined ? undefined : protocolize(options.api_base_url),
    client_id: options.client_id,
    client_secret: options.client_secret,
    access_token: options.access_token,
    client_name: undefined,
  };
}

/**
 * Credential files need Node.js: in a browser, `to_file` is an argument error.
 *
 * ## Example
 * ```ts
 * writeCredentialFile('usercred.secret', [token])  // throws MastodonIllegalArgumentError
 * ```
 */
export function writeCredentialFile(path: string, _lines: readonly string[]): void {
  throw new MastodonIllegalArgumentError(`Credential files need Node.js; cannot write ${path}`);
}
