import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, type Metafile } from 'esbuild';

const ROOT = process.cwd();

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : name.endsWith('.ts') ? [path] : [];
  });
}

/** Apps of a few lines, each importing from the package as users do. */
const APPS: Readonly<Record<string, readonly string[]>> = {
  'core-api': [
    "import { MastodonClient } from 'mastodon-rx/core';",
    "import { timelineHome, streamUser } from 'mastodon-rx/api';",
    "const client = new MastodonClient({ api_base_url: 'https://mastodon.example' });",
    'timelineHome(client).subscribe(console.log); streamUser(client).subscribe(console.log);',
  ],
  'class': [
    "import { Mastodon } from 'mastodon-rx';",
    "new Mastodon({ api_base_url: 'https://mastodon.example' }).timelineHome().subscribe(console.log);",
  ],
  'angular-functions': [
    "import { provideMastodonClient, injectMastodonClient, withHttpClient } from 'mastodon-rx/angular';",
    "import { timelineHome } from 'mastodon-rx/api';",
    "export const providers = [provideMastodonClient({ api_base_url: 'https://mastodon.example' }, withHttpClient())];",
    'export const home = () => timelineHome(injectMastodonClient());',
  ],
  'angular-class': [
    "import { provideMastodon, injectMastodon, withHttpClient } from 'mastodon-rx/angular';",
    "export const providers = [provideMastodon({ api_base_url: 'https://mastodon.example' }, withHttpClient())];",
    'export const home = () => injectMastodon().timelineHome();',
  ],
};

// The package as an app installs it (package.json beside dist/, in node_modules), so that its
// `exports` and `browser` fields and `sideEffects: false` are what the bundler reads.
describe('Angular in browser bundles: only where mastodon-rx/angular is imported', () => {
  let dir: string;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'mastodon-rx-angular-bundle-'));
    const pkg = join(dir, 'node_modules', 'mastodon-rx');
    mkdirSync(pkg, { recursive: true });
    await build({ entryPoints: sources(join(ROOT, 'src')), outdir: join(pkg, 'dist'), outbase: join(ROOT, 'src'), format: 'esm', platform: 'neutral', logLevel: 'error' });
    copyFileSync(join(ROOT, 'package.json'), join(pkg, 'package.json'));
    for (const [name, lines] of Object.entries(APPS)) writeFileSync(join(dir, `${name}.js`), lines.join('\n'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  /** The app's bundle inputs; `external` packages are left out of it (and of its inputs). */
  const bundle = async (app: string, external: string[] = []): Promise<Metafile> => (await build({
    entryPoints: [join(dir, `${app}.js`)], bundle: true, minify: true, format: 'esm', platform: 'browser', write: false, metafile: true,
    absWorkingDir: dir, nodePaths: [join(ROOT, 'node_modules')], external, logLevel: 'error',
  })).metafile;

  /** The package's modules that left code in the bundle. */
  const packageModules = (metafile: Metafile): string[] => Object.entries(Object.values(metafile.outputs)[0]!.inputs)
    .filter(([path, input]) => path.includes('node_modules/mastodon-rx/dist/') && input.bytesInOutput > 0)
    .map(([path]) => path.replace(/^.*node_modules\/mastodon-rx\/dist\//, ''));
  const angularInputs = (metafile: Metafile): string[] => Object.entries(metafile.inputs)
    .filter(([path, input]) => path.includes('node_modules/@angular/') || input.imports.some((i) => i.path.startsWith('@angular/')))
    .map(([path]) => path);

  it('holds no Angular module and no mastodon-rx/angular module in apps of mastodon-rx/core + api or of the class', async () => {
    for (const app of ['core-api', 'class']) {
      const metafile = await bundle(app);
      assert.deepEqual(angularInputs(metafile), [], app);
      assert.deepEqual(packageModules(metafile).filter((path) => path.startsWith('angular')), [], app);
      assert.ok(packageModules(metafile).includes('client/client.js'), `${app} is bundled from the package`);
    }
  });

  it('keeps the Mastodon class out of an Angular app that uses the light client and functions', async () => {
    const modules = packageModules(await bundle('angular-functions', ['@angular/*', 'rxjs', 'rxjs/*']));
    assert.ok(modules.includes('angular/http-client-backend.js') && modules.includes('angular/client.js'), modules.join(', '));
    assert.ok(!modules.includes('client/mastodon.js'), 'the class is not bundled');
    assert.ok(!modules.includes('angular/mastodon.js'), 'nor its provider');
  });

  it('brings the class in with provideMastodon', async () => {
    const modules = packageModules(await bundle('angular-class', ['@angular/*', 'rxjs', 'rxjs/*']));
    assert.ok(modules.includes('client/mastodon.js') && modules.includes('angular/mastodon.js'), modules.join(', '));
  });
});
