import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const THIS_FILE = relative(ROOT, fileURLToPath(import.meta.url)).split(sep).join('/');

/** Text that names a place outside the repository: the reference folder beside it, this machine's work folder, the old override. */
const OUTSIDE = [/\.\.[/\\]shared\b/, /(^|[^\w.])\/work\//, /MASTODON_RX_SHARED/, /\bshared[/\\]reference\b/];

/** Mentions allowed where they are prose about the outside, never a path the code reads. */
const ALLOWED: readonly { readonly file: string; readonly text: string; readonly why: string }[] = [
  { file: 'test/fixtures/README.md', text: '`../shared/reference`', why: 'documents where developers keep the folder scripts/refresh-fixtures.ts copies from' },
  { file: 'test/fixtures/mastodon-api/operations-coverage.md', text: '`shared/reference/mastodon-api/openapi.json`', why: 'a verbatim copy that names its own sources' },
];

/** Folders a checkout without git still leaves out, as .gitignore does. */
const UNTRACKED = new Set(['.git', 'node_modules', 'dist', 'coverage', 'out']);

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    if (UNTRACKED.has(name)) return [];
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [relative(ROOT, path).split(sep).join('/')];
  });
}

/** The tracked files (`git ls-files`), or every file outside build and install folders when this is no git checkout. */
function projectFiles(): string[] {
  if (!existsSync(join(ROOT, '.git'))) return walk(ROOT);
  return execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 }).split('\0').filter(Boolean);
}

/** The lines of `text` that name a path outside the project, with their line numbers. */
export function outsidePaths(file: string, text: string): string[] {
  const allowed = ALLOWED.filter((a) => a.file === file);
  return text.split('\n').flatMap((line, i) => {
    const rest = allowed.reduce((l, a) => l.split(a.text).join(''), line);
    return OUTSIDE.some((pattern) => pattern.test(rest)) ? [`${file}:${i + 1}: ${line.trim().slice(0, 160)}`] : [];
  });
}

describe('the project stands alone', () => {
  it('finds a path outside the project wherever one is named, and lets the documented mentions be', () => {
    assert.equal(outsidePaths('x.ts', "readFileSync('../../shared/reference/mastodonpy-1.8/endpoints.json')").length, 1);
    assert.equal(outsidePaths('x.ts', "const CASSETTES = '/work/shared/reference/cassettes';").length, 1);
    assert.equal(outsidePaths('x.ts', "process.env['MASTODON_RX_SHARED']").length, 1);
    assert.equal(outsidePaths('x.ts', "join(dir, 'shared/reference')").length, 1);
    assert.equal(outsidePaths('x.ts', "join(ROOT, 'test/fixtures/mastodonpy-1.8/endpoints.json'); // shared by two tests").length, 0);
    assert.equal(outsidePaths('test/fixtures/README.md', 'kept at `../shared/reference` beside it').length, 0);
    assert.equal(outsidePaths('test/fixtures/README.md', 'read from ../shared/reference/x').length, 1);
  });

  it('names no path outside the repository in any tracked file', () => {
    const files = projectFiles().filter((file) => file !== THIS_FILE);
    assert.ok(files.includes('package.json') && files.includes('test/fixtures/README.md'), `listed ${files.length} files`);
    const found = files.flatMap((file) => outsidePaths(file, readFileSync(join(ROOT, file), 'utf8')));
    assert.deepEqual(found, [], `files that name a path outside the project:\n${found.join('\n')}`);
  });

  it('gives every fixture folder a section of test/fixtures/README.md that names its license', () => {
    const readme = readFileSync(join(ROOT, 'test/fixtures/README.md'), 'utf8');
    const folders = readdirSync(join(ROOT, 'test/fixtures')).filter((name) => statSync(join(ROOT, 'test/fixtures', name)).isDirectory());
    assert.ok(folders.length >= 4, `found ${folders.join(', ')}`);
    const license = { 'mastodon-api': 'GFDL-1.3', 'entity-examples-4.7': 'GFDL-1.3', 'mastodonpy-1.8': 'MIT', 'mastodonpy-2.2': 'MIT' } as const;
    for (const folder of folders) {
      const name = (license as Record<string, string>)[folder] ?? '';
      assert.match(readme, new RegExp(`## \`${folder.replace(/\./g, '\\.')}/\` — .*\\(${name || '[^)]+'}\\)`), `${folder} has a section that names its license`);
    }
  });
});
