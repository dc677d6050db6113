import { MastodonFileNotFoundError, MastodonIllegalArgumentError, MastodonIOError } from '../errors.js';
import { protocolize, type MastodonOptions } from './options.js';

type Fs = typeof import('node:fs');

/** node:fs when running in Node, without a static import that would break browser bundles. */
function nodeFs(): Fs | undefined {
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  return proc?.getBuiltinModule?.('node:fs') as Fs | undefined;
}

/** Whether this runtime can read credential files (Node.js). */
export function canReadFiles(): boolean {
  return nodeFs() !== undefined;
}

/** Values no token or client id looks like: paths and `*.secret` names. */
const LOOKS_LIKE_PATH = /[\\/]|\.(secret|txt)$/i;

/** Whether `value` names an existing file (always false outside Node). */
export function isCredentialFile(value: string): boolean {
  const fs = nodeFs();
  if (!fs) return false;
  try {
    return fs.statSync(value).isFile();
  } catch {
    return false;
  }
}

/** The non-empty lines of a credential file. */
export function readCredentialFile(path: string): string[] {
  const fs = nodeFs();
  if (!fs) throw new MastodonIllegalArgumentError(`Credential files need Node.js; cannot read ${path}`);
  try {
    return fs.readFileSync(path, 'utf8').split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== '');
  } catch (cause) {
    throw new MastodonFileNotFoundError(`Cannot read credential file ${path}`, { cause });
  }
}

/**
 * Writes a credential file readable by its owner only (mode 0600), as Mastodon.py's
 * `to_file` does: one value a line.
 */
export function writeCredentialFile(path: string, lines: readonly string[]): void {
  const fs = nodeFs();
  if (!fs) throw new MastodonIllegalArgumentError(`Credential files need Node.js; cannot write ${path}`);
  try {
    fs.writeFileSync(path, `${lines.join('\n')}\n`, { mode: 0o600 });
    fs.chmodSync(path, 0o600);
  } catch (cause) {
    throw new MastodonIOError(`Cannot write credential file ${path}`, { cause });
  }
}

/** What the constructor learns from its options and the credential files they name. */
export interface LoadedCredentials {
  api_base_url: string | undefined;
  client_id: string | undefined;
  client_secret: string | undefined;
  access_token: string | undefined;
  client_name: string | undefined;
}

/**
 * Reads the credential files named by `client_id` / `access_token`, as Mastodon.py does: a
 * value is a file when such a file exists, else it is taken literally. Where files cannot be
 * read (browsers), a value that looks like a path is an argument error rather than a token.
 *
 * ## Example
 * ```ts
 * loadCredentials({ access_token: 'usercred.secret' }).access_token  // the token on the file's first line
 * ```
 */
export function loadCredentials(options: MastodonOptions): LoadedCredentials {
  const given = options.api_base_url === undefined ? undefined : protocolize(options.api_base_url);
  const loaded: LoadedCredentials = {
    api_base_url: given,
    client_id: options.client_id,
    client_secret: options.client_secret,
    access_token: options.access_token,
    client_name: undefined,
  };
  const adoptBaseUrl = (fromFile: string | undefined, file: string): void => {
    if (fromFile === undefined) return;
    const normalised = protocolize(fromFile);
    if (given !== undefined && given !== normalised) {
      throw new MastodonIllegalArgumentError(`Mismatch in base URLs between files and/or specified: ${file} says ${normalised}, not ${given}`);
    }
    loaded.api_base_url = normalised;
  };
  for (const value of [options.client_id, options.access_token]) {
    if (value !== undefined && !canReadFiles() && LOOKS_LIKE_PATH.test(value)) {
      throw new MastodonIllegalArgumentError(`${value} looks like a credential file, and files can only be read in Node.js; pass the value itself`);
    }
  }
  if (options.client_id !== undefined && isCredentialFile(options.client_id)) {
    const [id, secret, base, name] = readCredentialFile(options.client_id);
    loaded.client_id = id;
    loaded.client_secret = secret;
    loaded.client_name = name;
    adoptBaseUrl(base, options.client_id);
  } else if (options.client_id !== undefined && options.client_secret === undefined) {
    throw new MastodonIllegalArgumentError(
      'Specified client id directly, but did not supply secret (or client_id names a credential file that cannot be read here)');
  }
  if (options.access_token !== undefined && isCredentialFile(options.access_token)) {
    const [token, base, id, secret] = readCredentialFile(options.access_token);
    loaded.access_token = token;
    adoptBaseUrl(base, options.access_token);
    if (options.client_id === undefined) {
      loaded.client_id = id;
      loaded.client_secret = secret;
    }
  }
  return loaded;
}
