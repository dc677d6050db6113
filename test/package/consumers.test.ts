import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { filesUnder } from '../../scripts/refresh-fixtures.js';

// The package as a user installs it: `tsc -p tsconfig.build.json` into a node_modules/mastodon-rx
// of a folder of its own, beside package.json, README.md and LICENSE, with the project's
// dependencies linked next to it. Then the ways the README says it loads: `import`, `require()`,
// and TypeScript consumers, strict and with skipLibCheck off, with and without the DOM lib.

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BUILD_TIMEOUT = 240_000;
const CHECK_TIMEOUT = 120_000;

let home = '';
let pkg = '';
let app = '';

/** A program that uses the client, the fake server, an error class and the socket types, as an app does. */
const CONSUMER = `import { firstValueFrom } from 'rxjs';
import { Mastodon, MastodonNotFoundError, paginate, type Status, type WebSocketLike } from 'mastodon-rx';
import { FakeMastodon } from 'mastodon-rx/testing';

export async function firstStatus(): Promise<Status | undefined> {
  const server = await FakeMastodon.start();
  const { token } = server.createUser('alice');
  const api = new Mastodon({ api_base_url: server.url, access_token: token });
  await firstValueFrom(api.statusPost('hello'));
  const page = await firstValueFrom(paginate(api.timelineHome({ limit: 1 })));
  const gone = new MastodonNotFoundError('gone');
  const socket: WebSocketLike | undefined = undefined;
  await server.close();
  return gone.status === 404 && socket === undefined ? page[0] : undefined;
}
`;

/** Type-checks `files` of the app folder with these options; the diagnostics as text. */
function typeCheck(files: readonly string[], options: Record<string, unknown>): string[] {
  const { options: parsed, errors } = ts.convertCompilerOptionsFromJson(
    { strict: true, skipLibCheck: false, noEmit: true, target: 'es2022', types: ['node'], ...options }, app);
  assert.deepEqual(errors, []);
  const program = ts.createProgram(files.map((file) => join(app, file)), parsed);
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const where = d.file && d.start !== undefined ? `${d.file.fileName}:${d.file.getLineAndCharacterOfPosition(d.start).line + 1}: ` : '';
    return `${where}${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
  });
}

/** Runs a script of the app folder with this Node; its standard output. */
function runNode(file: string): string {
  return execFileSync(process.execPath, [join(app, file)], { cwd: app, encoding: 'utf8', timeout: 60_000 });
}

describe('the package as users load it', () => {
  before(() => {
    home = mkdtempSync(join(tmpdir(), 'mastodon-rx-package-'));
    pkg = join(home, 'node_modules', 'mastodon-rx');
    app = join(home, 'app');
    mkdirSync(pkg, { recursive: true });
    mkdirSync(app);
    execFileSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(ROOT, 'tsconfig.build.json'), '--outDir', join(pkg, 'dist')],
      { cwd: ROOT, stdio: 'pipe', timeout: BUILD_TIMEOUT });
    for (const file of ['package.json', 'README.md', 'LICENSE']) copyFileSync(join(ROOT, file), join(pkg, file));
    for (const name of readdirSync(join(ROOT, 'node_modules'))) {
      if (!name.startsWith('.') && name !== 'mastodon-rx') symlinkSync(join(ROOT, 'node_modules', name), join(home, 'node_modules', name), 'dir');
    }
    writeFileSync(join(app, 'consumer.mts'), CONSUMER);
    writeFileSync(join(app, 'consumer.cts'), CONSUMER);
    writeFileSync(join(app, 'consumer.ts'), CONSUMER);
  }, { timeout: BUILD_TIMEOUT });
  after(() => rmSync(home, { recursive: true, force: true }));

  it('names in engines the Node versions that can require() an ES module, this one among them', () => {
    const manifest = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8')) as { type: string; engines: { node: string } };
    assert.equal(manifest.type, 'module');
    assert.equal(manifest.engines.node, '^20.19.0 || >=22.12.0');
    const [major, minor] = process.versions.node.split('.').map(Number) as [number, number];
    assert.ok((major === 20 && minor >= 19) || (major === 22 && minor >= 12) || major > 22, process.versions.node);
  });

  it('loads with import and talks to the fake server', { timeout: CHECK_TIMEOUT }, () => {
    writeFileSync(join(app, 'imported.mjs'), `import { firstValueFrom } from 'rxjs';
import { Mastodon } from 'mastodon-rx';
import { FakeMastodon } from 'mastodon-rx/testing';
const server = await FakeMastodon.start();
const { token } = server.createUser('alice');
const api = new Mastodon({ api_base_url: server.url, access_token: token });
const status = await firstValueFrom(api.statusPost('from import'));
console.log(JSON.stringify([status.account.acct, status.content, import.meta.resolve('mastodon-rx').includes('/node_modules/mastodon-rx/dist/')]));
await server.close();
`);
    assert.deepEqual(JSON.parse(runNode('imported.mjs')), ['alice', '<p>from import</p>', true]);
  });

  it('loads with require() from CommonJS, with the same classes as import', { timeout: CHECK_TIMEOUT }, () => {
    writeFileSync(join(app, 'required.cjs'), `const { firstValueFrom } = require('rxjs');
const { Mastodon, MastodonNotFoundError } = require('mastodon-rx');
const { FakeMastodon } = require('mastodon-rx/testing');
(async () => {
  const server = await FakeMastodon.start();
  const { token } = server.createUser('bob');
  const api = new Mastodon({ api_base_url: server.url, access_token: token });
  const failure = await firstValueFrom(api.status('404404')).catch((error) => error);
  const imported = await import('mastodon-rx');
  console.log(JSON.stringify([failure instanceof MastodonNotFoundError, imported.Mastodon === Mastodon, require.resolve('mastodon-rx').endsWith('dist/index.js')]));
  await server.close();
})();
`);
    assert.deepEqual(JSON.parse(runNode('required.cjs')), [true, true, true]);
  });

  it('type-checks without the DOM lib: nodenext, from an ES module and from a CommonJS file', { timeout: CHECK_TIMEOUT }, () => {
    assert.deepEqual(typeCheck(['consumer.mts', 'consumer.cts'], { module: 'nodenext', moduleResolution: 'nodenext', lib: ['es2022'] }), []);
  });

  it('type-checks with the DOM lib, where the DOM\'s and undici\'s WebSocket both fit useWebSocket', { timeout: CHECK_TIMEOUT }, () => {
    writeFileSync(join(app, 'sockets.mts'), `import { WebSocket as UndiciWebSocket } from 'undici';
import { Mastodon, useWebSocket } from 'mastodon-rx';
const api = new Mastodon({ api_base_url: 'https://mastodon.example' });
useWebSocket(api, WebSocket);
useWebSocket(api, UndiciWebSocket);
`);
    assert.deepEqual(typeCheck(['consumer.mts', 'sockets.mts'], { module: 'nodenext', moduleResolution: 'nodenext', lib: ['es2022', 'dom', 'dom.iterable'] }), []);
  });

  // The library's declarations were checked above; these two check how the package resolves.
  it('type-checks for a bundler (moduleResolution bundler), as a browser app builds it', { timeout: CHECK_TIMEOUT }, () => {
    assert.deepEqual(typeCheck(['consumer.ts'], { module: 'esnext', moduleResolution: 'bundler', lib: ['es2022', 'dom'], types: [], skipLibCheck: true }), []);
  });

  it('type-checks with node16 from an ES module file', { timeout: CHECK_TIMEOUT }, () => {
    assert.deepEqual(typeCheck(['consumer.mts'], { module: 'node16', moduleResolution: 'node16', lib: ['es2022'], skipLibCheck: true }), []);
  });

  it('is refused, as the README says, by node16 from a CommonJS file and by node10 resolution', { timeout: CHECK_TIMEOUT }, () => {
    const node16 = typeCheck(['consumer.cts'], { module: 'node16', moduleResolution: 'node16', lib: ['es2022'], skipLibCheck: true });
    assert.ok(node16.length > 0 && node16.every((d) => d.includes('cannot be imported with \'require\'')), node16.join('\n'));
    const node10 = typeCheck(['consumer.ts'], { module: 'commonjs', moduleResolution: 'node10', lib: ['es2022'], skipLibCheck: true });
    assert.ok(node10.some((d) => d.includes('Cannot find module \'mastodon-rx/testing\'')), node10.join('\n'));
  });

  it('ships source maps that carry the TypeScript they map to', () => {
    const maps = filesUnder(join(pkg, 'dist')).filter((file) => file.endsWith('.js.map'));
    assert.ok(maps.length > 100, `${maps.length} maps`);
    for (const file of maps) {
      const map = JSON.parse(readFileSync(join(pkg, 'dist', file), 'utf8')) as { sources: string[]; sourcesContent?: string[] };
      assert.equal(map.sources.length, 1, file);
      const source = join(pkg, 'dist', file, '..', map.sources[0]!).replace(join(pkg, 'src'), join(ROOT, 'src'));
      assert.equal(map.sourcesContent?.[0], readFileSync(source, 'utf8'), file);
    }
  });
});
