import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Observable } from 'rxjs';
import { FetchBackend, Mastodon, UndiciBackend, type HttpBackend, type MastodonOptions } from '../../src/index.js';

/** A request a hostile server received, body and all. */
export interface ReceivedRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/** A loopback server playing a broken or hostile Mastodon, counting what it saw. */
export interface HostileServer {
  /** `http://127.0.0.1:port`, no trailing slash. */
  readonly url: string;
  readonly requests: ReceivedRequest[];
  /** Connections accepted so far. */
  readonly connections: () => number;
  /** Connections still open now. */
  readonly openSockets: () => number;
  /** Resolves with the sockets still open once none is, or once `ms` have passed. */
  settled(ms?: number): Promise<number>;
  close(): Promise<void>;
}

/** Answers one request: write the response (or a part of it, or nothing). */
export type HostileAnswer = (request: ReceivedRequest, res: ServerResponse) => void;

/**
 * Starts a server on 127.0.0.1, port 0. Every answer the test does not cut short should say
 * `connection: close`, so that a socket still open afterwards is one the client holds.
 *
 * ## Example
 * ```ts
 * const server = await startHostileServer((_req, res) => res.writeHead(200).end('['.repeat(9000)));
 * ```
 */
export function startHostileServer(answer: HostileAnswer): Promise<HostileServer> {
  const requests: ReceivedRequest[] = [];
  const sockets = new Set<Socket>();
  let connections = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const request = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      requests.push(request);
      answer(request, res);
    });
  });
  server.on('connection', (socket: Socket) => {
    connections++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        requests,
        connections: () => connections,
        openSockets: () => sockets.size,
        settled: async (ms = 2000) => {
          const until = Date.now() + ms;
          while (sockets.size > 0 && Date.now() < until) await new Promise((done) => setTimeout(done, 20));
          return sockets.size;
        },
        close: () => new Promise<void>((done) => { server.close(() => done()); server.closeAllConnections(); }),
      });
    });
  });
}

/** The backend a case runs with: `HOSTILE_BACKEND=fetch` for `FetchBackend`, else undici. */
export function caseBackend(): { name: 'fetch' | 'undici'; backend: HttpBackend } {
  return process.env['HOSTILE_BACKEND'] === 'fetch'
    ? { name: 'fetch', backend: new FetchBackend() }
    : { name: 'undici', backend: new UndiciBackend() };
}

/** A client of `server` on the case's backend, with a token, checking no versions. */
export function hostileClient(server: { url: string }, backend: HttpBackend, options: MastodonOptions = {}): Mastodon {
  return new Mastodon({ api_base_url: server.url, access_token: 'hostile-test-token', version_check_mode: 'none', session: backend, ...options });
}

/** How an Observable ended, in a form a report can carry. */
export interface Outcome {
  readonly values: number;
  readonly completed: boolean;
  readonly error?: { readonly name: string; readonly message: string; readonly chain: readonly string[]; readonly status?: number; readonly reason?: string; readonly body?: unknown };
}

/**
 * Subscribes and waits for the end (or `ms`): how many values, and the error's class chain
 * (`['MastodonNotFoundError', 'MastodonAPIError', 'MastodonError', 'Error']`).
 */
export function outcomeOf(observable: Observable<unknown>, ms = 20_000): Promise<Outcome> {
  return new Promise((resolve) => {
    let values = 0;
    const timer = setTimeout(() => {
      subscription.unsubscribe();
      resolve({ values, completed: false });
    }, ms);
    const subscription = observable.subscribe({
      next: () => { values++; },
      complete: () => {
        clearTimeout(timer);
        resolve({ values, completed: true });
      },
      error: (error: unknown) => {
        clearTimeout(timer);
        resolve({ values, completed: false, error: describeError(error) });
      },
    });
  });
}

function describeError(error: unknown): NonNullable<Outcome['error']> {
  const chain: string[] = [];
  for (let proto = Object.getPrototypeOf(error) as object | null; proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto) as object | null) {
    chain.push((proto.constructor as { name: string }).name);
  }
  const e = error as { name?: unknown; message?: unknown; status?: unknown; reason?: unknown; body?: unknown };
  const body = typeof e.body === 'string' && e.body.length > 1000 ? `${e.body.slice(0, 1000)}…` : e.body;
  return {
    name: String(e.name), message: String(e.message).slice(0, 2000), chain,
    ...(typeof e.status === 'number' ? { status: e.status } : {}),
    ...(typeof e.reason === 'string' ? { reason: e.reason } : {}),
    ...(body === undefined ? {} : { body: safeForJson(body) }),
  };
}

function safeForJson(value: unknown): unknown {
  try {
    JSON.stringify(value);
    return value;
  } catch {
    return '[not serialisable]';
  }
}

/** Samples the process's resident memory every 25 ms; `peakMb` is the highest seen. */
export function watchMemory(): { peakMb(): number; stop(): void } {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 25);
  return {
    peakMb: () => Math.round(Math.max(peak, process.memoryUsage().rss) / 2 ** 20),
    stop: () => clearInterval(timer),
  };
}
