import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, type Metafile } from 'esbuild';

const ROOT = process.cwd();
const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : name.endsWith('.ts') ? [path] : [];
  });
}

/** What a browser could not run: undici, or imports of Node.js built-ins. */
function nodeOnly(metafile: Metafile): string[] {
  const found = new Set<string>();
  for (const [path, input] of Object.entries(metafile.inputs)) {
    if (path.includes('node_modules/undici/')) found.add('undici');
    for (const imported of input.imports) if (NODE_BUILTINS.has(imported.path)) found.add(imported.path);
  }
  return [...found].sort();
}

// The package as it is published (dist/ beside package.json), transpiled file by file, then an
// app that uses it bundled the way a browser app is.
describe('browser bundles', () => {
  let dir: string;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'mastodon-rx-bundle-'));
    await build({ entryPoints: sources(join(ROOT, 'src')), outdir: join(dir, 'dist'), outbase: join(ROOT, 'src'), format: 'esm', platform: 'neutral', logLevel: 'error' });
    copyFileSync(join(ROOT, 'package.json'), join(dir, 'package.json'));
    writeFileSync(join(dir, 'app.js'), [
      "import { Mastodon, FetchBackend } from './dist/index.js';",
      "new Mastodon({ api_base_url: 'https://mastodon.example' }).timelineHome().subscribe(console.log);",
      'console.log(FetchBackend);',
    ].join('\n'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const bundle = async (platform: 'browser' | 'node'): Promise<Metafile> => (await build({
    entryPoints: [join(dir, 'app.js')], bundle: true, platform, write: false, metafile: true,
    nodePaths: [join(ROOT, 'node_modules')], logLevel: 'error', external: platform === 'node' ? ['undici'] : [],
  })).metafile;

  it('hold neither undici nor a Node.js built-in; the default backend is fetch', async () => {
    const metafile = await bundle('browser');
    assert.deepEqual(nodeOnly(metafile), []);
    const inputs = Object.keys(metafile.inputs);
    assert.ok(inputs.some((path) => path.endsWith('dist/http/default-backend.browser.js')));
    assert.ok(!inputs.some((path) => path.endsWith('dist/http/undici-backend.js')));
  });

  it('while a Node.js bundle keeps undici as the default backend', async () => {
    const metafile = await bundle('node');
    const inputs = Object.keys(metafile.inputs);
    assert.ok(inputs.some((path) => path.endsWith('dist/http/undici-backend.js')));
    assert.ok(!inputs.some((path) => path.includes('.browser.')));
  });
});
