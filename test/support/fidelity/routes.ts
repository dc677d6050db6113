import { isObject, kindOfKey } from './ids.js';
import type { RecordedExchange } from './recordings.js';

/** A route of the fake server, compiled to match recorded paths. */
export interface CompiledRoute {
  readonly key: string;
  readonly method: string;
  readonly pattern: RegExp;
  readonly literalLength: number;
}

/** A path without its trailing slashes (`/` stays). */
export function trimSlash(path: string): string {
  return path.length > 1 ? path.replace(/\/+$/, '') : path;
}

/** The routes of the fake server, to name the endpoint of a recorded request. */
export function compileRoutes(keys: readonly string[]): CompiledRoute[] {
  return keys.map((key) => {
    const [method, path] = [key.slice(0, key.indexOf(' ')), trimSlash(key.slice(key.indexOf(' ') + 1))];
    const source = path.replace(/[.+?^$()|[\]\\]/g, '\\$&').replace(/\{\w+\*?\}/g, '[^/]+');
    return { key: `${method} ${path}`, method, pattern: new RegExp(`^${source}$`), literalLength: path.replace(/\{\w+\*?\}/g, '').length };
  }).sort((a, b) => b.literalLength - a.literalLength);
}

/** The endpoint of a request: the fake's route it matches, else its path with numeric segments as `{id}`. */
export function endpointOf(routes: readonly CompiledRoute[], method: string, pathname: string): string {
  const path = trimSlash(pathname);
  const verb = method === 'HEAD' ? 'GET' : method;
  const route = routes.find((r) => r.method === verb && r.pattern.test(path));
  return route ? `${method} ${route.key.slice(route.key.indexOf(' ') + 1)}` : `${method} ${path.replace(/\/\d+(?=\/|$)/g, '/{id}')}`;
}

export function isStream(exchange: RecordedExchange): boolean {
  return exchange.request.url.pathname.startsWith('/api/v1/streaming') && !exchange.request.url.pathname.endsWith('/health');
}

function segmentsOf(pathname: string): string[] {
  return pathname.split('/').filter(Boolean);
}

export function looksLikeId(segment: string): boolean {
  return /^\d+$/.test(segment);
}

/** The kind of the records a route is about: its collection (`lists` in `/api/v1/lists/3/accounts`'s `3`). */
export function routeKind(pathname: string): string {
  const segments = segmentsOf(pathname).filter((s) => !/^(api|v\d+|admin)$/.test(s));
  return segments[0] ?? '';
}

/** The kind of the records at the top of an answer: the path's record when it is that one, else the last collection. */
export function answerKind(pathname: string, body: unknown): string {
  const segments = segmentsOf(pathname);
  const top = Array.isArray(body) ? body[0] : body;
  const topId = isObject(top) ? top['id'] : undefined;
  for (let i = 1; i < segments.length; i++) {
    if (looksLikeId(segments[i]!) && segments[i] === topId) return segments[i - 1]!;
  }
  const collections = segments.filter((s) => !looksLikeId(s) && !/^(api|v\d+)$/.test(s));
  return kindOfKey(collections[collections.length - 1] ?? '');
}

/** A `Link` URL reduced to what identifies it: path and sorted query. */
export function linkKey(url: URL): string {
  const params = [...url.searchParams.entries()].map(([k, v]) => `${k}=${v}`).sort();
  return `${trimSlash(url.pathname)}?${params.join('&')}`;
}

/** The links of a `Link` header by relation. */
export function linksOf(header: string | undefined): Map<string, string> {
  const links = new Map<string, string>();
  for (const match of (header ?? '').matchAll(/<([^>]+)>\s*;\s*rel="?([^";,]+)"?/g)) links.set(match[2]!, match[1]!);
  return links;
}
