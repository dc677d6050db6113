import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
/** Type-checking against the sources takes seconds, more on a busy machine. */
const CHECK_TIMEOUT = 120_000;

/**
 * What the README's tour says each of its examples assumes ("Each example below assumes …"):
 * a client `api` and the two strings it was made from. Global declarations, so a block that
 * makes its own `api` shadows this one; nothing else is given, so every other name a block uses
 * it must import itself.
 */
const TOUR_PRELUDE = `declare const api: import('mastodon-rx').Mastodon;
declare const api_base_url: string;
declare const access_token: string;
`;

interface Snippet {
  readonly line: number;
  readonly code: string;
  readonly inTour: boolean;
}

/** Every TypeScript block of the README, with the line it starts on and whether it is in the tour. */
function snippets(): Snippet[] {
  const tour = [README.indexOf('\n## A tour'), README.indexOf('\n## Benchmarks')];
  return [...README.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((match) => ({
    line: README.slice(0, match.index).split('\n').length + 1,
    code: match[1]!,
    inTour: match.index > tour[0]! && match.index < tour[1]!,
  }));
}

/**
 * Type-checks each snippet as a module of its own (its imports are its own), against the
 * library's sources under the package's names, with the project's compiler options. The
 * diagnostics, each with the README line it points at.
 */
function diagnosticsOf(blocks: readonly Snippet[], prelude: string | undefined): string[] {
  const files = new Map(blocks.map((block) => [join(ROOT, `__readme_line_${block.line}__.ts`), block]));
  const preludeFile = join(ROOT, '__readme_prelude__.d.ts');
  const sources = new Map<string, string>([...files].map(([file, block]) => [file, block.code]));
  if (prelude !== undefined) sources.set(preludeFile, prelude);
  const config = ts.getParsedCommandLineOfConfigFile(join(ROOT, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} })!;
  const options: ts.CompilerOptions = {
    ...config.options, noEmit: true, noUnusedLocals: false,
    paths: {
      'mastodon-rx': ['./src/index.ts'], 'mastodon-rx/core': ['./src/core.ts'], 'mastodon-rx/api': ['./src/api.ts'],
      'mastodon-rx/testing': ['./src/testing/index.ts'], 'mastodon-rx/angular': ['./src/angular.ts'],
    },
  };
  const host = ts.createCompilerHost(options);
  const { getSourceFile, fileExists, readFile } = host;
  host.fileExists = (name) => sources.has(name) || fileExists.call(host, name);
  host.readFile = (name) => sources.get(name) ?? readFile.call(host, name);
  host.getSourceFile = (name, language, ...rest) => (sources.has(name)
    ? ts.createSourceFile(name, sources.get(name)!, language)
    : getSourceFile.call(host, name, language, ...rest));
  const program = ts.createProgram({ rootNames: [...sources.keys()], options, host });
  return [...files].flatMap(([file, block]) => ts.getPreEmitDiagnostics(program, program.getSourceFile(file)).map((d) => {
    const at = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line : 0;
    return `README.md:${block.line + at}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}\n    ${block.code.split('\n')[at]?.trim()}`;
  }));
}

describe('the README\'s TypeScript blocks compile as pasted', () => {
  it('finds every block, in the tour and outside it', () => {
    const all = snippets();
    assert.ok(all.filter((s) => s.inTour).length >= 12, `${all.length} blocks`);
    assert.ok(all.filter((s) => !s.inTour).length >= 2, `${all.length} blocks`);
    assert.match(README, /Each example below assumes `api`, a client for a user \(`new Mastodon\(\{ api_base_url, access_token \}\)`\)/);
  });

  it('type-checks the blocks outside the tour on their own, with nothing declared for them', { timeout: CHECK_TIMEOUT }, () => {
    assert.deepEqual(diagnosticsOf(snippets().filter((s) => !s.inTour), undefined), []);
  });

  it('type-checks each block of the tour with its own imports and only the documented api, api_base_url and access_token', { timeout: CHECK_TIMEOUT }, () => {
    assert.deepEqual(diagnosticsOf(snippets().filter((s) => s.inTour), TOUR_PRELUDE), []);
  });

  it('reports a block that uses a name it does not import, at its README line', { timeout: CHECK_TIMEOUT }, () => {
    const broken: Snippet = { line: 7, code: "const api = new Mastodon({ api_base_url: 'https://m.example' });\nawait firstValueFrom(api.toot('hi'));\n", inTour: false };
    const found = diagnosticsOf([broken], undefined);
    assert.equal(found.length, 2, found.join('\n'));
    assert.match(found[0]!, /^README\.md:7: Cannot find name 'Mastodon'/);
    assert.match(found[1]!, /^README\.md:8: Cannot find name 'firstValueFrom'/);
  });
});
