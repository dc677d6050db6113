import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

const ROOT = process.cwd();
const MODULES: Readonly<Record<string, string>> = {
  'mastodon-rx': './src/index.js',
  'mastodon-rx/core': './src/core.js',
  'mastodon-rx/api': './src/api.js',
  'mastodon-rx/testing': './src/testing/index.js',
};

/** The TypeScript blocks of the README's tour, each with its imports taken out. */
function tourSnippets(): { imports: Map<string, Set<string>>; bodies: string[] } {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const tour = readme.slice(readme.indexOf('## A tour'), readme.indexOf('## Benchmarks'));
  const imports = new Map<string, Set<string>>();
  const bodies = [...tour.matchAll(/```ts\n([\s\S]*?)```/g)].map(([, code]) => code!.replace(
    /^import \{([^}]*)\} from '([^']+)';\n/gm,
    (_line, names: string, from: string) => {
      const set = imports.get(from) ?? new Set<string>();
      for (const name of names.split(',').map((n) => n.trim()).filter(Boolean)) set.add(name);
      imports.set(from, set);
      return '';
    },
  ));
  return { imports, bodies };
}

// Each block of the tour is type-checked as the body of an async function, against the
// library's sources, with `api`, `api_base_url` and `access_token` declared.
describe('the README tour', () => {
  it('type-checks, every block of it', () => {
    const { imports, bodies } = tourSnippets();
    assert.ok(bodies.length >= 11, `found ${bodies.length} blocks`);
    const importLines = [...imports].map(([from, names]) => `import { ${[...names].join(', ')} } from '${MODULES[from] ?? from}';`);
    const names = imports.get('mastodon-rx') ?? new Set();
    const source = [
      ...importLines,
      names.has('Mastodon') ? '' : "import { Mastodon } from './src/index.js';",
      'declare const api: Mastodon;',
      'declare const api_base_url: string;',
      'declare const access_token: string;',
      ...bodies.map((body, i) => `export async function snippet${i + 1}(): Promise<void> {\n${body}}`),
    ].join('\n');

    const file = join(ROOT, '__readme_tour__.ts');
    const config = ts.getParsedCommandLineOfConfigFile(join(ROOT, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} })!;
    const host = ts.createCompilerHost(config.options);
    const { getSourceFile, fileExists, readFile } = host;
    host.fileExists = (name) => name === file || fileExists.call(host, name);
    host.readFile = (name) => (name === file ? source : readFile.call(host, name));
    host.getSourceFile = (name, language, ...rest) => (name === file
      ? ts.createSourceFile(name, source, language)
      : getSourceFile.call(host, name, language, ...rest));
    const program = ts.createProgram({ rootNames: [file], options: { ...config.options, noEmit: true, noUnusedLocals: false }, host });
    const diagnostics = ts.getPreEmitDiagnostics(program, program.getSourceFile(file));
    const messages = diagnostics.map((d) => {
      const where = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : undefined;
      const line = where ? source.split('\n')[where.line] : '';
      return `${ts.flattenDiagnosticMessageText(d.messageText, '\n')}\n    at: ${line?.trim()}`;
    });
    assert.deepEqual(messages, []);
  });
});
