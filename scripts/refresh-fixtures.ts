// Copies the test fixtures again from a reference folder laid out as test/fixtures/ is
// (mastodonpy-1.8/, mastodonpy-2.2/, mastodon-api/); entity-examples-4.7/ is made here, not copied. Nothing in `npm start` or `npm test`
// runs it: the fixtures are committed, and test/fixtures/README.md says where each came from.
//
//   npx tsx scripts/refresh-fixtures.ts <reference folder>            copy every fixture again
//   npx tsx scripts/refresh-fixtures.ts <reference folder> --check    fail if a fixture differs
//   npx tsx scripts/refresh-fixtures.ts <reference folder> <file>...  add files (paths inside the reference folder)
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'test', 'fixtures');

/** Folders made here from the documentation (one example a file), not copied from the reference folder. */
const EXTRACTED_FOLDERS = ['entity-examples-4.7/'];

/** Every file under `dir`, as a path relative to it with `/` separators. */
export function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return filesUnder(path).map((inner) => `${name}/${inner}`);
    return [name];
  });
}

/** The fixtures that come from the reference folder: every file but the READMEs written here. */
export function copiedFixtures(): string[] {
  if (!existsSync(FIXTURES)) return [];
  return filesUnder(FIXTURES)
    .filter((file) => file !== 'README.md' && !EXTRACTED_FOLDERS.some((folder) => file.startsWith(folder)))
    .sort();
}

function copy(reference: string, file: string): void {
  const target = join(FIXTURES, ...file.split('/'));
  mkdirSync(dirname(target), { recursive: true });
  copyFileSync(join(reference, ...file.split('/')), target);
}

function main(argv: readonly string[]): number {
  const [reference, ...rest] = argv;
  if (reference === undefined || !existsSync(reference)) {
    console.error('Usage: npx tsx scripts/refresh-fixtures.ts <reference folder> [--check | <file>...]');
    return 2;
  }
  const check = rest.includes('--check');
  const added = rest.filter((arg) => arg !== '--check').map((file) => relative(reference, join(reference, file)).split(sep).join('/'));
  const files = [...new Set([...copiedFixtures(), ...added])].sort();
  const missing = files.filter((file) => !existsSync(join(reference, file)));
  if (missing.length > 0) {
    console.error(`Not in ${reference}:\n  ${missing.join('\n  ')}`);
    return 1;
  }
  if (check) {
    const differing = files.filter((file) => {
      const fixture = join(FIXTURES, file);
      return !existsSync(fixture) || !readFileSync(fixture).equals(readFileSync(join(reference, file)));
    });
    for (const file of differing) console.error(`differs from the reference: ${file}`);
    return differing.length === 0 ? 0 : 1;
  }
  for (const file of files) copy(reference, file);
  console.log(`Copied ${files.length} files into ${relative(process.cwd(), FIXTURES) || '.'}`);
  return 0;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = main(process.argv.slice(2));
}
