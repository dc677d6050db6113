import { MastodonFileNotFoundError, MastodonIllegalArgumentError, MastodonIOError } from '../errors.js';

type Fs = typeof import('node:fs');

/** node:fs when running in Node, without a static import that would break browser bundles. */
function nodeFs(): Fs | undefined {
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  return proc?.getBuiltinModule?.('node:fs') as Fs | undefined;
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
