// How many operations of Mastodon 4.7 the library can send: the 210 of the API's OpenAPI
// description (test/fixtures/mastodon-api/operations.tsv) and the 59 of the admin API
// (admin-operations.tsv beside it). An operation counts when a row of mastodon-rx/api sends
// its verb and path (path parameters compared by position, trailing slashes ignored): an
// endpoint's row, a version switch's rows, or an exported row that a hand-written function or
// a stream sends. Prints a table by area, the operations not covered, and the totals.
//
//   npm run coverage:operations
//   npm run coverage:operations -- --min-non-admin 140 --min-admin 28   exit 1 below either count
//   npm run coverage:operations -- --missing                            list what is not covered
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as api from '../src/api.js';
import { rowsOf } from '../src/endpoints/define.js';

/** One operation of the server's API. */
export interface Operation {
  readonly method: string;
  readonly path: string;
  readonly area: string;
  readonly admin: boolean;
}

/**
 * A route as a comparable key: the query string and a trailing slash dropped, each path
 * parameter `{name}` as `{}`; a multi-segment parameter `{name*}` stays itself, so that it
 * stands for no particular operation.
 *
 * @example routeKey('GET', '/api/v1/accounts/{account_id}/')  // 'GET /api/v1/accounts/{}'
 */
export function routeKey(method: string, path: string): string {
  const bare = path.split('?')[0]!.replace(/\/+$/, '').replace(/\{\w+\}/g, '{}');
  return `${method.toUpperCase()} ${bare}`;
}

/**
 * The operations of a TSV with a header line, read by column name: `method`, `path`, and the
 * area from the `tag` or `area` column.
 *
 * @example readOperations(text, false)[0]  // { method: 'POST', path: '/api/v1/accounts', area: 'accounts', admin: false }
 */
export function readOperations(tsv: string, admin: boolean): Operation[] {
  const [header, ...lines] = tsv.split('\n').filter((line) => line.trim() !== '');
  const columns = header!.split('\t');
  const column = (cells: string[], name: string): string => cells[columns.indexOf(name)] ?? '';
  return lines.map((line) => {
    const cells = line.split('\t');
    return { method: column(cells, 'method'), path: column(cells, 'path'), area: column(cells, 'tag') || column(cells, 'area'), admin };
  });
}

/** The route keys of every row that mastodon-rx/api can send. @example libraryRouteKeys().has('GET /api/v1/timelines/home')  // true */
export function libraryRouteKeys(): Set<string> {
  return new Set(Object.values(api).flatMap((value) => rowsOf(value)).map((row) => routeKey(row.method, row.path)));
}

/** Operations covered and not, by area. */
export interface AreaCount {
  readonly area: string;
  readonly admin: boolean;
  readonly total: number;
  readonly covered: number;
  readonly missing: readonly Operation[];
}

/**
 * Counts, area by area, the operations whose route the library sends.
 *
 * @example countByArea(operations, libraryRouteKeys()).filter((a) => a.missing.length > 0)
 */
export function countByArea(operations: readonly Operation[], routes: ReadonlySet<string>): AreaCount[] {
  const areas = new Map<string, { admin: boolean; total: number; covered: number; missing: Operation[] }>();
  for (const operation of operations) {
    const key = `${operation.admin ? 'admin: ' : ''}${operation.area}`;
    const area = areas.get(key) ?? { admin: operation.admin, total: 0, covered: 0, missing: [] };
    area.total += 1;
    if (routes.has(routeKey(operation.method, operation.path))) area.covered += 1;
    else area.missing.push(operation);
    areas.set(key, area);
  }
  return [...areas].map(([area, count]) => ({ area, ...count })).sort((a, b) => Number(a.admin) - Number(b.admin) || a.area.localeCompare(b.area));
}

function numberAfter(argv: readonly string[], name: string): number | undefined {
  const at = argv.indexOf(name);
  if (at < 0) return undefined;
  const value = Number(argv[at + 1]);
  if (!Number.isInteger(value)) throw new Error(`${name} takes a whole number`);
  return value;
}

function main(argv: readonly string[]): number {
  const fixtures = join(dirname(fileURLToPath(import.meta.url)), '../test/fixtures/mastodon-api');
  const operations = [
    ...readOperations(readFileSync(join(fixtures, 'operations.tsv'), 'utf8'), false),
    ...readOperations(readFileSync(join(fixtures, 'admin-operations.tsv'), 'utf8'), true),
  ];
  const areas = countByArea(operations, libraryRouteKeys());
  const sum = (admin: boolean, field: 'total' | 'covered'): number =>
    areas.filter((a) => a.admin === admin).reduce((n, a) => n + a[field], 0);

  console.log('Mastodon 4.7 operations the library can send, by area');
  console.log('');
  console.log(`${'area'.padEnd(40)} ${'covered'.padStart(7)} ${'of'.padStart(4)}`);
  for (const area of areas) console.log(`${area.area.padEnd(40)} ${String(area.covered).padStart(7)} ${String(area.total).padStart(4)}`);
  if (argv.includes('--missing')) {
    console.log('');
    console.log('Not covered:');
    for (const area of areas) for (const op of area.missing) console.log(`  ${area.area.padEnd(38)} ${op.method} ${op.path}`);
  }
  const nonAdmin = sum(false, 'covered');
  const admin = sum(true, 'covered');
  console.log('');
  console.log(`non-admin: ${nonAdmin}/${sum(false, 'total')}   admin: ${admin}/${sum(true, 'total')}`);

  const minNonAdmin = numberAfter(argv, '--min-non-admin');
  const minAdmin = numberAfter(argv, '--min-admin');
  let status = 0;
  if (minNonAdmin !== undefined && nonAdmin < minNonAdmin) {
    console.error(`non-admin operations: ${nonAdmin}, fewer than the ${minNonAdmin} required`);
    status = 1;
  }
  if (minAdmin !== undefined && admin < minAdmin) {
    console.error(`admin operations: ${admin}, fewer than the ${minAdmin} required`);
    status = 1;
  }
  return status;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = main(process.argv.slice(2));
}
