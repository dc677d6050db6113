import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project's `test/fixtures/` folder (its README names the source and license of each file). */
export const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));

/**
 * The absolute path of a fixture, given as a path inside `test/fixtures/`.
 *
 * ## Example
 * ```ts
 * const table = readFileSync(fixturePath('mastodonpy-1.8/endpoints.json'), 'utf8');
 * ```
 */
export function fixturePath(path: string): string {
  return join(FIXTURES, ...path.split('/'));
}

/**
 * A JSON fixture, parsed.
 *
 * ## Example
 * ```ts
 * const entries = readJsonFixture<EndpointEntry[]>('mastodonpy-1.8/endpoints.json');
 * ```
 */
export function readJsonFixture<T>(path: string): T {
  return JSON.parse(readFileSync(fixturePath(path), 'utf8')) as T;
}
