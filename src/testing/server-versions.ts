import { parseVersion, versionAtLeast } from '../versions/version.js';

/**
 * The API feature level (`api_versions.mastodon` of instance v2) of a Mastodon release, as the
 * API documentation dates the levels: 2 with 4.3, 5 by the end of 4.4, 7 with 4.5, 10 with
 * 4.6.0 and 11 with 4.6.1. Releases before 4.3 have none.
 *
 * ## Example
 * ```ts
 * apiVersionOf('4.5.2')  // 7
 * apiVersionOf('4.0.2')  // undefined
 * ```
 */
export function apiVersionOf(version: string): number | undefined {
  const parsed = parseVersion(version);
  const levels: readonly [string, number][] = [['4.6.1', 11], ['4.6.0', 10], ['4.5.0', 7], ['4.4.0', 5], ['4.3.0', 2]];
  return levels.find(([release]) => versionAtLeast(parsed, parseVersion(release)))?.[1];
}

/**
 * Whether a fake server that reports `version` has what Mastodon added in `release`.
 * @example releasedBy('4.4.0', '4.3.0')  // true
 */
export function releasedBy(version: string, release: string): boolean {
  return versionAtLeast(parseVersion(version), parseVersion(release));
}
