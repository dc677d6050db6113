// The loopback server every client of a benchmark talks to. It serves `GET
// /api/v1/timelines/home` from bodies serialised in advance, so that all clients receive the
// same bytes and the server's own work stays small and equal for all of them.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pageBody, statusId } from './statuses.js';

export const BENCH_TOKEN = 'bench-token';

/** Rate-limit headers as Mastodon sends them, with a reset in the future, so clients read them. */
function rateLimitHeaders(): Record<string, string> {
  const reset = new Date(Date.now() + 5 * 60_000).toISOString().replace('Z', '000Z');
  return { 'x-ratelimit-limit': '300', 'x-ratelimit-remaining': '299', 'x-ratelimit-reset': reset };
}

export interface BenchServer {
  readonly url: string;
  /** Requests answered so far. */
  readonly served: () => number;
  close(): Promise<void>;
}

export interface BenchServerOptions {
  /** Items per page. Default 40. */
  readonly pageSize?: number;
  /**
   * How many items the timeline holds, for pagination. Without it, every request receives
   * the same first page, with a `next` link (for request-overhead runs).
   */
  readonly timelineLength?: number;
}

/**
 * Starts the server on 127.0.0.1 (a free port). With `timelineLength`, pages are cut by
 * `max_id` as Mastodon cuts them and carry `Link` headers to the next and previous page;
 * the status bodies are serialised once, the pages joined from them per request.
 */
export async function startBenchServer(options: BenchServerOptions = {}): Promise<BenchServer> {
  const pageSize = options.pageSize ?? 40;
  const length = options.timelineLength;
  const fixedPage = pageBody(0, pageSize);
  // Item k (0 = newest) has id statusId(length - k): ids fall as one pages on.
  const itemJson = length === undefined ? [] : Array.from({ length }, (_, k) => pageBody(length - k, 1).slice(1, -1));
  let served = 0;
  let base = '';

  const home = (req: IncomingMessage, res: ServerResponse, url: URL): void => {
    if (req.headers['authorization'] !== `Bearer ${BENCH_TOKEN}`) {
      res.writeHead(401, { 'content-type': 'application/json' });
      res.end('{"error":"The access token is invalid"}');
      return;
    }
    const limit = Math.min(Number(url.searchParams.get('limit') ?? pageSize) || pageSize, 40);
    let body: string;
    let newest: string;
    let oldest: string;
    if (length === undefined) {
      body = fixedPage;
      newest = statusId(0);
      oldest = statusId(pageSize - 1);
    } else {
      const maxId = url.searchParams.get('max_id');
      const start = maxId === null ? 0 : length - (Number(BigInt(maxId) - BigInt(statusId(0)))) + 1;
      const items = itemJson.slice(Math.max(0, start), Math.max(0, start) + limit);
      body = `[${items.join(',')}]`;
      newest = statusId(length - start);
      oldest = statusId(length - start - items.length + 1);
      if (items.length === 0) {
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': 2, ...rateLimitHeaders() });
        res.end('[]');
        return;
      }
    }
    const here = `${base}/api/v1/timelines/home?limit=${limit}`;
    res.writeHead(200, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(body),
      link: `<${here}&max_id=${oldest}>; rel="next", <${here}&min_id=${newest}>; rel="prev"`,
      ...rateLimitHeaders(),
    });
    res.end(body);
  };

  const server = createServer((req, res) => {
    served += 1;
    const url = new URL(req.url ?? '/', base);
    if (req.method === 'GET' && url.pathname === '/api/v1/timelines/home') return home(req, res, url);
    if (req.method === 'GET' && (url.pathname === '/api/v1/instance' || url.pathname === '/api/v1/instance/')) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"uri":"127.0.0.1","title":"bench","version":"4.0.2","urls":{}}');
      return;
    }
    res.writeHead(404, { 'content-type': 'application/json' });
    res.end('{"error":"Record not found"}');
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    served: () => served,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
