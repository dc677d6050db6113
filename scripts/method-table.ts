// Writes docs/methods.md: every Mastodon.py 1.8 method (test/fixtures/mastodonpy-1.8/endpoints.json)
// beside its name here, how it is called (required parameters positional, the rest in one
// options object, as DESIGN.md point 1 says) and the request it sends, read from the
// rows of src/api.ts's exports (or, for hand-written functions, from endpoints.json); then, in
// sections of their own, the methods Mastodon.py 2.2.2 added (test/fixtures/mastodonpy-2.2/)
// and the functions of src/api.ts that no Mastodon.py version has.
//
//   npx tsx scripts/method-table.ts           write docs/methods.md
//   npx tsx scripts/method-table.ts --check   fail if docs/methods.md is not what it would write
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Mastodon } from '../src/index.js';
import * as api from '../src/api.js';
import type { AnyEndpoint, VersionSwitch } from '../src/endpoints/define.js';
import { camelCaseOf, coverageOf } from './coverage-api.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const METHODS_FILE = join(ROOT, 'docs', 'methods.md');
/** Mastodon.py 1.8's methods, copied into the project (test/fixtures/README.md says from where). */
const ENDPOINTS_FILE = join(ROOT, 'test', 'fixtures', 'mastodonpy-1.8', 'endpoints.json');
/** Mastodon.py 2.2.2's methods, in the same format. */
const ENDPOINTS_2_2_FILE = join(ROOT, 'test', 'fixtures', 'mastodonpy-2.2', 'endpoints.json');

/** One entry of endpoints.json, as far as the table needs it. */
export interface MethodEntry {
  readonly method: string;
  readonly module: string;
  readonly http: string | null;
  readonly path: string | null;
  readonly params: readonly string[];
  readonly defaults: Readonly<Record<string, string>>;
  readonly paginated: boolean;
  readonly version_created: string | null;
}

/** The row of each endpoint function of src/api.ts, by its name. */
function tableRows(): Map<string, AnyEndpoint> {
  const rows = new Map<string, AnyEndpoint>();
  for (const [name, value] of Object.entries(api)) {
    const row = (value as { row?: AnyEndpoint }).row;
    if (typeof value === 'function' && row !== undefined) rows.set(name, row);
  }
  return rows;
}

/** The version switches of src/api.ts (`byVersion`), by name. */
function versionSwitches(): Map<string, VersionSwitch<never[], unknown>> {
  const switches = new Map<string, VersionSwitch<never[], unknown>>();
  for (const [name, value] of Object.entries(api)) {
    if (typeof value === 'function' && 'rows' in value) switches.set(name, value as unknown as VersionSwitch<never[], unknown>);
  }
  return switches;
}

/** The functions of src/api.ts without a row of their own: written by hand. */
function handWritten(): Set<string> {
  return new Set(Object.entries(api).filter(([, value]) => typeof value === 'function' && !('row' in value) && !('rows' in value))
    .map(([name]) => name));
}

const code = (text: string): string => `\`${text.replace(/\|/g, '\\|')}\``;

/** How the method is called here: `api.statusPost(status, options?)`. */
function callOf(entry: MethodEntry, name: string, form: string): string {
  const required = entry.params.filter((p) => !(p in entry.defaults));
  const args = [...required, ...(required.length < entry.params.length ? ['options?'] : [])].join(', ');
  if (form === 'constructor') return `new Mastodon(${args ? 'options' : ''})`;
  const owner = form.startsWith('static') ? 'Mastodon' : 'api';
  return `${owner}.${name}(${args})`;
}

/** The request of an export of src/api.ts and how it is built: `[request, how]`; `full` gives the table's route for hand-written ones (without it, `—`). */
function requestOf(name: string, full: MethodEntry | undefined, form: string): [string, string] {
  const row = tableRows().get(name);
  const switched = versionSwitches().get(name);
  if (row) return [code(`${row.method} ${row.path}`), row.returns.kind === 'page' ? 'table row, paginated' : 'table row'];
  if (switched) {
    const { version, rows: [newer, older] } = switched;
    return [`${code(`${newer.method} ${newer.path}`)}, before ${version} ${code(`${older.method} ${older.path}`)}`, 'version switch over two table rows'];
  }
  const how = handWritten().has(name) ? 'hand-written' : form === 'constructor' ? 'constructor' : 'method of `MastodonClient`';
  if (full === undefined) return ['—', how];
  return [full.http ? code(`${full.http} ${full.path}`) : 'no request', how];
}

/** One line of a Mastodon.py table: its name, the call here, the request and how it is built. */
function methodLine(entries: readonly MethodEntry[], coverage: ReturnType<typeof coverageOf>[number]): string {
  const { entry, name, form } = coverage;
  const full = entries.find((e) => e.method === entry.method)!;
  const [request, how] = form === 'missing' ? [full.http ? code(`${full.http} ${full.path}`) : '—', '**missing**'] : requestOf(name, full, form);
  const call = form === 'missing' ? '—' : code(callOf(full, name, form));
  return `| ${code(entry.method)} | ${call} | ${request} | ${how} |`;
}

/**
 * The Markdown of docs/methods.md: the table of Mastodon.py 1.8's methods; given `later`
 * (Mastodon.py 2.2.2's table), the methods it added and the functions no Mastodon.py has.
 */
export function methodTable(entries: readonly MethodEntry[], later: readonly MethodEntry[] = []): string {
  const coverage = coverageOf(entries, Mastodon);
  const lines = [
    '# Mastodon.py 1.8 → mastodon-rx',
    '',
    'Every method of Mastodon.py 1.8, and its name here (generated by `scripts/method-table.ts` from',
    'the exports of `src/api.ts`; `npm test` fails when this file is stale). Parameters that Mastodon.py',
    'requires are positional, in its order; every parameter with a default goes in one trailing',
    'options object with its snake_case name. Every method returns a cold Observable; paginated',
    'ones emit a `Page` (see `paginate`). Each method is also a function of `mastodon-rx/api` that',
    'takes the client first: `api.statusPost(text)` is `statusPost(client, text)`.',
    '',
    `${coverage.filter((c) => c.form !== 'missing').length} of ${entries.length} methods present.`,
    '',
    '| Mastodon.py | mastodon-rx | request | how it is built |',
    '| --- | --- | --- | --- |',
    ...coverage.map((c) => methodLine(entries, c)),
  ];
  if (later.length > 0) lines.push(...laterSections(entries, later));
  return `${lines.join('\n')}\n`;
}

/** The methods Mastodon.py added after 1.8, then the functions of src/api.ts that no Mastodon.py version names. */
function laterSections(entries: readonly MethodEntry[], later: readonly MethodEntry[]): string[] {
  const known = new Set(entries.map((e) => e.method));
  const added = later.filter((e) => !known.has(e.method));
  const coverage = coverageOf(added, Mastodon);
  const named = new Set([...entries, ...later].map((e) => camelCaseOf(e.method)));
  const own = Object.entries(api).filter(([name, value]) => typeof value === 'function' && !named.has(name)).map(([name]) => name).sort();
  return [
    '',
    '## Added by Mastodon.py 2.2.2',
    '',
    `The methods Mastodon.py added after 1.8, by their Mastodon.py 2.2.2 names: ${coverage.filter((c) => c.form !== 'missing').length} of ${added.length} present.`,
    '',
    '| Mastodon.py 2.2.2 | mastodon-rx | request | how it is built |',
    '| --- | --- | --- | --- |',
    ...coverage.map((c) => methodLine(later, c)),
    '',
    '## Not in Mastodon.py',
    '',
    'Operations of the Mastodon API that no Mastodon.py version wraps, named in its style, and',
    'helpers of this library. A hand-written one says in its doc comment what it sends.',
    '',
    '| mastodon-rx | request | how it is built |',
    '| --- | --- | --- |',
    ...own.map((name) => {
      const [request, how] = requestOf(name, undefined, 'method');
      return `| ${code(`api.${name}`)} | ${request} | ${how} |`;
    }),
  ];
}

export function readEntries(file = ENDPOINTS_FILE): MethodEntry[] {
  return JSON.parse(readFileSync(file, 'utf8')) as MethodEntry[];
}

function main(argv: readonly string[]): number {
  const table = methodTable(readEntries(), readEntries(ENDPOINTS_2_2_FILE));
  if (argv.includes('--check')) {
    const current = existsSync(METHODS_FILE) ? readFileSync(METHODS_FILE, 'utf8') : '';
    if (current === table) return 0;
    console.error('docs/methods.md is stale: run `npx tsx scripts/method-table.ts` and commit it.');
    return 1;
  }
  writeFileSync(METHODS_FILE, table);
  console.log(`Wrote ${METHODS_FILE}`);
  return 0;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = main(process.argv.slice(2));
}

