import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = process.cwd();
const readJson = (path: string): Record<string, unknown> => JSON.parse(readFileSync(join(ROOT, path), 'utf8')) as Record<string, unknown>;

interface LockedPackage {
  readonly version?: string;
  readonly resolved?: string;
  readonly dependencies?: Record<string, string>;
  readonly peerDependencies?: Record<string, string>;
}

const FIX = 'run `npm run build && npm --prefix examples/angular install` and commit examples/angular/package-lock.json';

// `npm ci` in examples/angular installs what its lockfile says, also for the library it copies
// from `file:../..`: a dependency the library gained since the lockfile was written would be
// missing from the example's install without an error, until the build failed to resolve it.
describe('the Angular example\'s lockfile', () => {
  const lock = readJson('examples/angular/package-lock.json') as { packages: Record<string, LockedPackage> };
  const library = readJson('package.json') as LockedPackage;

  it('locks the library from the repository, with the dependencies and peers its package.json declares', () => {
    const locked = lock.packages['node_modules/mastodon-rx'];
    assert.equal(locked?.resolved, 'file:../..');
    assert.deepEqual(locked.dependencies ?? {}, library.dependencies ?? {}, FIX);
    assert.deepEqual(locked.peerDependencies ?? {}, library.peerDependencies ?? {}, FIX);
  });

  it('locks the same Angular as the repository\'s devDependencies ask for, which the tests run', () => {
    const wanted = (library as { devDependencies?: Record<string, string> }).devDependencies?.['@angular/core'] ?? '';
    const locked = lock.packages['node_modules/@angular/core']?.version;
    assert.ok(wanted.startsWith('~') && locked !== undefined, `${wanted} and ${locked}`);
    assert.equal(locked.split('.').slice(0, 2).join('.'), wanted.slice(1).split('.').slice(0, 2).join('.'), FIX);
  });
});
