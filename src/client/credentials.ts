import { MastodonFileNotFoundError, MastodonIllegalArgumentError, MastodonIOError } from '../errors.js';
import { protocolize, type MastodonOptions } from './options.js';
import { checkSecretGiven, LOOKS_LIKE_PATH, type LoadedCredentials } from './credential-values.js';

export type { LoadedCredentials } from './credential-values.js';

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
 * Writes a credential file readable by its owner only, as Mastodon.py's `to_file` does: one
 * value a line. The file has mode 0600 from its first byte: the values go into a new file in
 * the same folder, created 0600, which then replaces the target in one rename (an existing
 * file, whatever its mode, is replaced, never written). A symbolic link at the target, dangling
 * or not, is refused rather than followed, as is a value with a line break in it (a server
 * cannot make its token two lines of the file). Failures are `MastodonIOError`s.
 *
 * ## Example
 * ```ts
 * writeCredentialFile('usercred.secret', [token, 'https://mastodon.example'])
 * ```
 */
export function writeCredentialFile(path: string, lines: readonly string[]): void {
  const fs = nodeFs();
  if (!fs) throw new MastodonIllegalArgumentError(`Credential files need Node.js; cannot write ${path}`);
  if (lines.some((line) => /[\r\n]/.test(line))) {
    throw new MastodonIOError(`Not writing credential file ${path}: a value holds a line break`);
  }
  if (isSymbolicLink(fs, path)) {
    throw new MastodonIOError(`Not writing credential file ${path}: it is a symbolic link`);
  }
  const temporary = `${path}.${Math.random().toString(36).slice(2)}.tmp`;
  let fd: number | undefined;
  try {
    // O_EXCL: a fresh file, never one (or a link) that is already there; 0600 before a byte is in it.
    fd = fs.openSync(temporary, 'wx', 0o600);
    fs.fchmodSync(fd, 0o600);
    fs.writeSync(fd, `${lines.join('\n')}\n`);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = undefined;
    fs.renameSync(temporary, path);
  } catch (cause) {
    if (fd !== undefined) fs.closeSync(fd);
    fs.rmSync(temporary, { force: true });
    throw new MastodonIOError(`Cannot write credential file ${path}`, { cause });
  }
}

function isSymbolicLink(fs: Fs, path: string): boolean {
  try {
    return fs.lstatSync(path).isSymbolicLink();
  } catch (cause) {
    if ((cause as { code?: unknown }).code === 'ENOENT') return false;
    throw new MastodonIOError(`Cannot write credential file ${path}`, { cause });
  }
}

/**
 * Reads the credential files named by `client_id` / `access_token`, as Mastodon.py does: a
 * value is a file when such a file exists, else it is taken literally. A value that looks like
 * a path (a `/` or `\\` in it, or a name ending in `.secret` or `.txt`, which no token or client
 * id has) is never taken as a token: when it names no file, that is a
 * `MastodonFileNotFoundError`; where files cannot be read (browsers), an argument error.
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
  for (const [name, value] of [['client_id', options.client_id], ['access_token', options.access_token]] as const) {
    if (typeof value !== 'string' || !LOOKS_LIKE_PATH.test(value)) continue;
    if (!canReadFiles()) {
      throw new MastodonIllegalArgumentError(`${value} looks like a credential file, and files can only be read in Node.js; pass the value itself`);
    }
    if (!isCredentialFile(value)) {
      throw new MastodonFileNotFoundError(`${name} names the credential file ${value}, which does not exist or is not a file`);
    }
  }
  if (options.client_id !== undefined && isCredentialFile(options.client_id)) {
    const [id, secret, base, name] = readCredentialFile(options.client_id);
    loaded.client_id = id;
    loaded.client_secret = secret;
    loaded.client_name = name;
    adoptBaseUrl(base, options.client_id);
  } else {
    checkSecretGiven(options);
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
