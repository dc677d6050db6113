// Which of Mastodon.py 1.8's methods (test/fixtures/mastodonpy-1.8/endpoints.json) this library
// has, by DESIGN.md's naming rule: snake_case → camelCase, `__init__` → the constructor,
// static methods on the class; and whether each is a function of mastodon-rx/api too (the
// class is generated from them; `setLanguage` is a method of MastodonClient itself). Prints
// one line per entry and a summary.
//
//   npm run coverage:api               report; exit 0 even with methods missing
//   npm run coverage:api -- --strict   exit 1 when any method is missing
//   npm run coverage:api -- --missing  print only the missing entries (and the summary)
//   npm run coverage:api -- --endpoints path/to/endpoints.json
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Mastodon, MastodonClient } from '../src/index.js';
import * as api from '../src/api.js';

/** One entry of endpoints.json, as far as this report needs it. */
export interface EndpointEntry {
  readonly method: string;
  readonly module: string;
  readonly http: string | null;
  readonly path: string | null;
}

/** How an entry exists in the library, or that it does not. */
export type Form = 'method' | 'static' | 'static+method' | 'constructor' | 'missing';

/** The verdict on one entry. */
export interface Coverage {
  readonly entry: EndpointEntry;
  /** The name it has here. */
  readonly name: string;
  readonly form: Form;
  /** How it is reached without the class: a function of mastodon-rx/api, a method of MastodonClient, or not at all. */
  readonly standalone?: 'function' | 'client' | 'none';
}

/**
 * A Mastodon.py name by DESIGN.md point 1: `status_post` → `statusPost`.
 *
 * ## Example
 * ```ts
 * camelCaseOf('account_verify_credentials')  // 'accountVerifyCredentials'
 * ```
 */
export function camelCaseOf(name: string): string {
  return name.replace(/_+([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
}

function isFunction(value: unknown): boolean {
  return typeof value === 'function';
}

/**
 * Looks each entry up on a client class: instance method, static method, or the constructor;
 * given the api module and the bare client class, also whether it is a function or a method
 * of the bare client.
 */
export function coverageOf(entries: readonly EndpointEntry[], client: { prototype: object },
  standalone?: { functions: object; bareClient: { prototype: object } }): Coverage[] {
  return entries.map((entry): Coverage => {
    if (entry.method === '__init__') return { entry, name: 'constructor', form: isFunction(client) ? 'constructor' : 'missing' };
    const name = camelCaseOf(entry.method);
    const onInstance = isFunction((client.prototype as Record<string, unknown>)[name]);
    const onClass = isFunction((client as unknown as Record<string, unknown>)[name]);
    const form: Form = onInstance && onClass ? 'static+method' : onInstance ? 'method' : onClass ? 'static' : 'missing';
    if (!standalone) return { entry, name, form };
    const reach = isFunction((standalone.functions as Record<string, unknown>)[name]) ? 'function'
      : isFunction((standalone.bareClient.prototype as Record<string, unknown>)[name]) ? 'client' : 'none';
    return { entry, name, form, standalone: reach };
  });
}

/** The report's text lines: one per entry, then a summary. */
export function reportLines(coverage: readonly Coverage[], onlyMissing = false): string[] {
  const lines: string[] = [];
  for (const { entry, name, form, standalone } of coverage) {
    if (onlyMissing && form !== 'missing' && standalone !== 'none') continue;
    const route = entry.http ? `${entry.http} ${entry.path}` : 'no request';
    const mark = form === 'missing' ? '✘' : '✔';
    const where = name === 'constructor' ? 'new Mastodon(...)' : form.startsWith('static') ? `Mastodon.${name}` : `api.${name}`;
    const reach = standalone === undefined ? '' : `${standalone.padEnd(9)} `;
    lines.push(`${mark} ${entry.method.padEnd(32)} ${where.padEnd(40)} ${form.padEnd(13)} ${reach}${entry.module} · ${route}`);
  }
  const missing = coverage.filter((c) => c.form === 'missing');
  const classOnly = coverage.filter((c) => c.form !== 'missing' && c.standalone === 'none');
  lines.push('');
  lines.push(`${coverage.length} entries in endpoints.json: ${coverage.length - missing.length} present, ${missing.length} missing.`);
  if (missing.length > 0) lines.push(`Missing: ${missing.map((c) => c.entry.method).join(', ')}`);
  if (classOnly.length > 0) lines.push(`Only on the Mastodon class, not in mastodon-rx/api: ${classOnly.map((c) => c.entry.method).join(', ')}`);
  return lines;
}

function main(argv: readonly string[]): number {
  const flag = (name: string): boolean => argv.includes(name);
  const at = argv.indexOf('--endpoints');
  const file = at >= 0 && argv[at + 1]
    ? argv[at + 1]!
    : join(dirname(fileURLToPath(import.meta.url)), '../test/fixtures/mastodonpy-1.8/endpoints.json');
  const entries = JSON.parse(readFileSync(file, 'utf8')) as EndpointEntry[];
  const coverage = coverageOf(entries, Mastodon, { functions: api, bareClient: MastodonClient });
  const seen = new Set(coverage.map((c) => c.entry.method));
  if (seen.size !== entries.length || coverage.length !== entries.length) {
    console.error('endpoints.json has duplicate or unaccounted entries');
    return 1;
  }
  console.log(`API coverage against Mastodon.py 1.8 (${file})`);
  for (const line of reportLines(coverage, flag('--missing'))) console.log(line);
  const missing = coverage.some((c) => c.form === 'missing' || c.standalone === 'none');
  return flag('--strict') && missing ? 1 : 0;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = main(process.argv.slice(2));
}
