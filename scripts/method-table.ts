// Writes docs/methods.md: every Mastodon.py 1.8 method (test/fixtures/mastodonpy-1.8/endpoints.json)
// beside its name here, how it is called (required parameters positional, the rest in one
// options object, as DESIGN.md point 1 says) and the request it sends, read from the
// rows of src/api.ts's exports (or, for hand-written functions, from endpoints.json); then
// every method beyond 1.8, beside its Mastodon.py 2.2.2 name or as one that no version wraps.
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
const LATER_ENDPOINTS_FILE = join(ROOT, 'test', 'fixtures', 'mastodonpy-2.2', 'endpoints.json');

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

/**
 * The section for the functions of src/api.ts that Mastodon.py 1.8 lacks: each with its
 * Mastodon.py 2.2.2 name and call, or marked as an operation no Mastodon.py version wraps.
 */
function laterSection(entries: readonly MethodEntry[], later: readonly MethodEntry[]): string[] {
  const known = new Set(entries.map((entry) => camelCaseOf(entry.method)));
  const laterByName = new Map(later.map((entry) => [camelCaseOf(entry.method), entry]));
  const rows = tableRows();
  const names = Object.keys(api).filter((name) => typeof (api as Record<string, unknown>)[name] === 'function' && !known.has(name)).sort();
  const lines = [
    '', '## Beyond Mastodon.py 1.8', '',
    'Methods that came after Mastodon.py 1.8: by Mastodon.py 2.2.2\'s name where it has the method, else by a name',
    'in the same style, for operations that no Mastodon.py version wraps.', '',
    '| mastodon-rx | Mastodon.py 2.2.2 | request | how it is built |',
    '| --- | --- | --- | --- |',
  ];
  for (const name of names) {
    const entry = laterByName.get(name);
    const row = rows.get(name);
    const request = row ? code(`${row.method} ${row.path}`) : entry?.http ? code(`${entry.http} ${entry.path}`) : '—';
    const how = row ? (row.returns.kind === 'page' || row.returns.kind === 'object-page' ? 'table row, paginated' : 'table row') : 'hand-written';
    const call = entry ? code(callOf(entry, name, 'method')) : code(`api.${name}(…)`);
    lines.push(`| ${call} | ${entry ? code(entry.method) : 'not wrapped'} | ${request} | ${how} |`);
  }
  const wrapped = names.filter((name) => laterByName.has(name)).length;
  lines.push('', `${names.length} methods beyond 1.8: ${wrapped} with Mastodon.py 2.2.2's names, ${names.length - wrapped} that it does not wrap.`);
  return lines;
}

/** The Markdown of docs/methods.md. */
export function methodTable(entries: readonly MethodEntry[], later: readonly MethodEntry[] = []): string {
  const rows = tableRows();
  const switches = versionSwitches();
  const extras = handWritten();
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
  ];
  for (const { entry, name, form } of coverage) {
    const full = entries.find((e) => e.method === entry.method)!;
    const row = rows.get(name);
    let request: string;
    let how: string;
    if (form === 'missing') {
      request = full.http ? code(`${full.http} ${full.path}`) : '—';
      how = '**missing**';
    } else if (row) {
      request = code(`${row.method} ${row.path}`);
      how = row.returns.kind === 'page' || row.returns.kind === 'object-page' ? 'table row, paginated' : 'table row';
    } else if (switches.has(name)) {
      const { version, rows: [newer, older] } = switches.get(name)!;
      request = `${code(`${newer.method} ${newer.path}`)}, before ${version} ${code(`${older.method} ${older.path}`)}`;
      how = 'version switch over two table rows';
    } else {
      request = full.http ? code(`${full.http} ${full.path}`) : 'no request';
      how = extras.has(name) ? 'hand-written' : form === 'constructor' ? 'constructor' : 'method of `MastodonClient`';
    }
    const call = form === 'missing' ? '—' : code(callOf(full, name, form));
    lines.push(`| ${code(entry.method)} | ${call} | ${request} | ${how} |`);
  }
  return `${[...lines, ...laterSection(entries, later)].join('\n')}\n`;
}

export function readEntries(): MethodEntry[] {
  return JSON.parse(readFileSync(ENDPOINTS_FILE, 'utf8')) as MethodEntry[];
}

/** Mastodon.py 2.2.2's methods. */
export function readLaterEntries(): MethodEntry[] {
  return JSON.parse(readFileSync(LATER_ENDPOINTS_FILE, 'utf8')) as MethodEntry[];
}

function main(argv: readonly string[]): number {
  const table = methodTable(readEntries(), readLaterEntries());
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

