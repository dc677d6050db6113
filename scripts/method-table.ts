// Writes docs/methods.md: every Mastodon.py 1.8 method (test/fixtures/mastodonpy-1.8/endpoints.json)
// beside its name here, how it is called (required parameters positional, the rest in one
// options object, as DESIGN.md point 1 says) and the request it sends, read from the
// rows of src/api.ts's exports (or, for hand-written functions, from endpoints.json); then the
// methods Mastodon.py added after 1.8 (test/fixtures/mastodonpy-2.2/endpoints.json), and the
// functions of src/api.ts that neither version has.
//
//   npx tsx scripts/method-table.ts           write docs/methods.md
//   npx tsx scripts/method-table.ts --check   fail if docs/methods.md is not what it would write
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Mastodon } from '../src/index.js';
import * as api from '../src/api.js';
import { rowsOf, type AnyEndpoint, type VersionSwitch } from '../src/endpoints/define.js';
import { camelCaseOf, coverageOf } from './coverage-api.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const METHODS_FILE = join(ROOT, 'docs', 'methods.md');
/** Mastodon.py 1.8's methods, copied into the project (test/fixtures/README.md says from where). */
const ENDPOINTS_FILE = join(ROOT, 'test', 'fixtures', 'mastodonpy-1.8', 'endpoints.json');
/** Mastodon.py 2.2.2's methods, the same way; `since` says which release added each. */
const ENDPOINTS_22_FILE = join(ROOT, 'test', 'fixtures', 'mastodonpy-2.2', 'endpoints.json');

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
  /** The Mastodon.py release that added the method (2.2.2's table only). */
  readonly since?: string;
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

/** The table lines of `entries`: each method, its call here, its request and how it is built. */
function methodLines(entries: readonly MethodEntry[]): { lines: string[]; present: number } {
  const rows = tableRows();
  const switches = versionSwitches();
  const extras = handWritten();
  const coverage = coverageOf(entries, Mastodon);
  const lines = ['| Mastodon.py | mastodon-rx | request | how it is built |', '| --- | --- | --- | --- |'];
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
      how = row.returns.kind === 'page' ? 'table row, paginated' : 'table row';
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
  return { lines, present: coverage.filter((c) => c.form !== 'missing').length };
}

/** The functions of src/api.ts that no Mastodon.py table names, with the routes of the rows they send. */
function beyondLines(tables: readonly (readonly MethodEntry[])[]): string[] {
  const named = new Set(tables.flatMap((entries) => entries.map((entry) => camelCaseOf(entry.method))));
  const lines = ['| mastodon-rx | request |', '| --- | --- |'];
  for (const [name, value] of Object.entries(api)) {
    if (typeof value !== 'function' || named.has(name)) continue;
    const routes = rowsOf(value).map((row) => code(`${row.method} ${row.path}`));
    lines.push(`| ${code(`api.${name}`)} | ${routes.length > 0 ? routes.join(', ') : 'hand-written'} |`);
  }
  return lines;
}

/** The Markdown of docs/methods.md; `later` is Mastodon.py 2.2.2's table, whose methods after 1.8 get a section. */
export function methodTable(entries: readonly MethodEntry[], later: readonly MethodEntry[] = []): string {
  const first = methodLines(entries);
  const added = later.filter((entry) => entry.since !== undefined && entry.since !== '1.8');
  const second = methodLines(added);
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
    `${first.present} of ${entries.length} methods present.`,
    '',
    ...first.lines,
  ];
  if (later.length > 0) {
    lines.push(
      '', '## Added by Mastodon.py 2.0 to 2.2.2', '',
      'The methods Mastodon.py added after 1.8, named the same way (the options 2.2.2 added to the',
      'methods of 1.8 go in their options objects).', '',
      `${second.present} of ${added.length} methods present.`, '',
      ...second.lines,
      '', '## Beyond Mastodon.py', '',
      'Functions of `mastodon-rx/api` that neither Mastodon.py 1.8 nor 2.2.2 has: operations Mastodon.py',
      'does not wrap, named in its style.', '',
      ...beyondLines([entries, later]),
    );
  }
  return `${lines.join('\n')}\n`;
}

export function readEntries(): MethodEntry[] {
  return JSON.parse(readFileSync(ENDPOINTS_FILE, 'utf8')) as MethodEntry[];
}

/** Mastodon.py 2.2.2's table. */
export function readLaterEntries(): MethodEntry[] {
  return JSON.parse(readFileSync(ENDPOINTS_22_FILE, 'utf8')) as MethodEntry[];
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

