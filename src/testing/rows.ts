import * as api from '../api.js';
import { rowsOf, type AnyEndpoint } from '../endpoints/define.js';

/** A row of `mastodon-rx/api` and the export that carries it. */
export interface ApiRow {
  /** The export's name: the endpoint function, version switch or row. */
  readonly name: string;
  readonly row: AnyEndpoint;
}

/**
 * Every endpoint row of `mastodon-rx/api`, found through its exports (an endpoint function's
 * `.row`, a version switch's `.rows`, an exported row), in export order.
 *
 * @example apiRows().map(({ row }) => `${row.method} ${row.path}`)
 */
export function apiRows(): ApiRow[] {
  return Object.entries(api).flatMap(([name, value]) => rowsOf(value).map((row) => ({ name, row })));
}

/**
 * Every route key the rows of `mastodon-rx/api` declare, `METHOD /path`: what the fake server
 * must answer.
 *
 * @example tableRouteKeys().includes('GET /api/v1/timelines/home')  // true
 */
export function tableRouteKeys(): string[] {
  return [...new Set(apiRows().map(({ row }) => `${row.method} ${row.path}`))];
}
