import { MastodonIllegalArgumentError } from '../errors.js';

/** A parsed `major.minor.patch` version. */
export type Version = readonly [major: number, minor: number, patch: number];

const TRIPLE = /^(\d+)\.(\d+)\.(\d+)/;

/**
 * The Mastodon API version a server's `version` string promises. Forks that append their
 * own version after a `+` (`4.0.2+glitch`, `3.5.3+hometown-1.0.7`) give the Mastodon part;
 * Pleroma's `2.7.2 (compatible; Pleroma 2.4.5)` gives `2.7.2`; a `+` followed by a version
 * (`1.0.0+3.5.2`) gives that version. Pre-release text (`4.7.0-alpha.2`, `4.0.0rc1`) is
 * ignored.
 *
 * ## Example
 * ```ts
 * parseVersion('4.0.2+glitch')                          // [4, 0, 2]
 * parseVersion('2.7.2 (compatible; Pleroma 2.4.5)')     // [2, 7, 2]
 * parseVersion('4.7.0-alpha.2+pr-123')                  // [4, 7, 0]
 * ```
 */
export function parseVersion(text: string): Version {
  if (typeof text !== 'string') throw new MastodonIllegalArgumentError(`A version must be a string, not ${text === null ? 'null' : typeof text}`);
  const word = text.trim().split(/\s+/)[0] ?? '';
  const plus = word.indexOf('+');
  let core = word;
  if (plus >= 0) {
    const after = word.slice(plus + 1);
    core = TRIPLE.test(after) ? after : word.slice(0, plus);
  }
  // Each of the first three parts counts by its leading digits: `4.3.0rc1` is 4.3.0.
  const numbers = core.split('.').slice(0, 3).map((part) => Number(/^\d*/.exec(part)![0] || 'NaN'));
  if (numbers.length < 3 || numbers.some((n) => !Number.isSafeInteger(n))) {
    throw new MastodonIllegalArgumentError(`Not a version: ${JSON.stringify(text)}`);
  }
  return numbers as unknown as Version;
}

/** Whether version `a` is at least `b`. */
export function versionAtLeast(a: Version, b: Version): boolean {
  for (let i = 0; i < 3; i++) {
    if (a[i]! !== b[i]!) return a[i]! > b[i]!;
  }
  return true;
}

/** `[4, 0, 2]` as `'4.0.2'`. */
export function formatVersion(version: Version): string {
  return version.join('.');
}
