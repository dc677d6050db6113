// Bundle size for browsers: a tiny app that makes a client and fetches the home timeline,
// bundled by esbuild for `platform: 'browser'` (minified, ESM), once per library (this one
// twice: the whole Mastodon class, and MastodonClient with the one function); reported
// minified and gzipped, relative to masto.js. This library is bundled as users get it: built
// to dist/ and resolved through bench/node_modules/mastodon-rx (package.json `exports` and
// `browser` fields). The bundle must hold neither undici nor a Node.js built-in.
//
//   npx tsx bench/bundle.bench.ts
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, type Metafile } from 'esbuild';
import { saveSection } from './support/results.js';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, 'out', 'bundle');

const MODULAR_APP = `import { MastodonClient } from 'mastodon-rx/core';
import { timelineHome } from 'mastodon-rx/api';
const client = new MastodonClient({ api_base_url: 'https://mastodon.example', access_token: 'token' });
timelineHome(client, { limit: 5 }).subscribe((page) => console.log(page.length));`;

const APPS: Record<string, string> = {
  'mastodon-rx': `import { Mastodon } from 'mastodon-rx';
const api = new Mastodon({ api_base_url: 'https://mastodon.example', access_token: 'token' });
api.timelineHome({ limit: 5 }).subscribe((page) => console.log(page.length));`,
  // The same app, with rxjs left out: an Angular app ships rxjs already.
  'mastodon-rx (rxjs external)': `import { Mastodon } from 'mastodon-rx';
const api = new Mastodon({ api_base_url: 'https://mastodon.example', access_token: 'token' });
api.timelineHome({ limit: 5 }).subscribe((page) => console.log(page.length));`,
  // The same call through the light client and the one endpoint function: what an app that
  // imports only what it uses pays.
  'mastodon-rx/core + api': MODULAR_APP,
  'mastodon-rx/core + api (rxjs external)': MODULAR_APP,
  masto: `import { createRestAPIClient } from 'masto';
const masto = createRestAPIClient({ url: 'https://mastodon.example', accessToken: 'token' });
masto.v1.timelines.home.list({ limit: 5 }).then((page) => console.log(page.length));`,
  megalodon: `import generator from 'megalodon';
const client = generator('mastodon', 'https://mastodon.example', 'token');
client.getHomeTimeline({ limit: 5 }).then((res) => console.log(res.data.length));`,
};

/** Packages each app leaves to its host. */
const EXTERNAL: Record<string, string[]> = {
  'mastodon-rx (rxjs external)': ['rxjs', 'rxjs/*'],
  'mastodon-rx/core + api (rxjs external)': ['rxjs', 'rxjs/*'],
};

interface BundleResult {
  readonly name: string;
  readonly minified: number | null;
  readonly gzipped: number | null;
  readonly nodeInputs: readonly string[];
  readonly note: string;
}

const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

/** Inputs of the bundle that are undici or Node.js built-ins (which a browser does not have). */
function nodeOnlyInputs(metafile: Metafile): string[] {
  const found = new Set<string>();
  for (const [path, input] of Object.entries(metafile.inputs)) {
    if (/node_modules\/undici\//.test(path)) found.add('undici');
    for (const imported of input.imports) if (imported.external && NODE_BUILTINS.has(imported.path)) found.add(imported.path);
  }
  return [...found].sort();
}

async function bundle(name: string): Promise<BundleResult> {
  const file = name.replace(/\W+/g, '-');
  const entry = join(out, `${file}-app.js`);
  writeFileSync(entry, `${APPS[name]}\n`);
  const outfile = join(out, `${file}.min.js`);
  try {
    const result = await build({
      entryPoints: [entry], outfile, bundle: true, minify: true, format: 'esm', platform: 'browser',
      target: 'es2022', metafile: true, logLevel: 'silent', absWorkingDir: here, nodePaths: [join(here, 'node_modules')], external: EXTERNAL[name] ?? [],
    });
    const code = readFileSync(outfile);
    const nodeInputs = nodeOnlyInputs(result.metafile);
    return { name, minified: code.length, gzipped: gzipSync(code, { level: 9 }).length, nodeInputs, note: nodeInputs.length ? `pulls in ${nodeInputs.join(', ')}` : '' };
  } catch (error) {
    const errors = (error as { errors?: { text: string }[] }).errors ?? [];
    const missing = [...new Set(errors.map((e) => /"([^"]+)"/.exec(e.text)?.[1]).filter((m): m is string => m !== undefined))];
    // Bundle again with what a browser lacks left out, to show the size of the rest.
    await build({
      entryPoints: [entry], outfile, bundle: true, minify: true, format: 'esm', platform: 'browser',
      target: 'es2022', metafile: true, logLevel: 'silent', absWorkingDir: here, external: [...NODE_BUILTINS, ...missing],
    });
    const code = readFileSync(outfile);
    return {
      name, minified: code.length, gzipped: gzipSync(code, { level: 9 }).length, nodeInputs: missing,
      note: `does not bundle for browsers as is: needs ${missing.slice(0, 6).join(', ')}${missing.length > 6 ? ', …' : ''}; size with those left out`,
    };
  }
}

async function main(): Promise<void> {
  mkdirSync(out, { recursive: true });
  const root = join(here, '..');
  execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
  const results: BundleResult[] = [];
  for (const name of Object.keys(APPS)) results.push(await bundle(name));
  const masto = results.find((r) => r.name === 'masto')!;
  const kb = (bytes: number | null): number | null => (bytes === null ? null : Math.round(bytes / 102.4) / 10);
  const rows = results.map((r) => [
    r.name, kb(r.minified), kb(r.gzipped),
    r.gzipped !== null && masto.gzipped ? Math.round((r.gzipped / masto.gzipped) * 100) / 100 : null,
    r.note || 'no Node.js-only code',
  ]);
  saveSection('bundle', {
    title: 'Bundle size for browsers',
    description: 'A tiny app that creates a client and fetches the home timeline, bundled by esbuild '
      + '(`platform: \'browser\'`, minified, ESM); gzip level 9. "× masto" compares gzipped sizes (lower is better). '
      + '`mastodon-rx` is the whole `Mastodon` class; `mastodon-rx/core + api` is `MastodonClient` with the one '
      + 'function `timelineHome` (rxjs external: left to the host app, as in Angular).',
    columns: ['library', 'minified (KB)', 'gzipped (KB)', '× masto', 'notes'],
    rows,
    raw: results,
  });
  console.log('bundle size (KB): library, minified, gzipped, × masto, notes');
  for (const row of rows) console.log(row.map((c) => (c === null ? '—' : String(c))).join('\t'));
  for (const ours of results.filter((r) => r.name.startsWith('mastodon-rx'))) {
    if (ours.nodeInputs.length > 0) {
      console.error(`${ours.name}: the browser bundle holds Node.js-only code: ${ours.nodeInputs.join(', ')}`);
      process.exitCode = 1;
    }
  }
}

await main();
