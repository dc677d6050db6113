import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { parse } from 'yaml';
import { Mastodon, type MastodonOptions } from '../../src/index.js';
import { parsePairs, type ParsedParams } from '../../src/testing/index.js';
import { fixturePath } from './fixtures.js';

/** The recordings of real traffic with a Mastodon 4.0.2 server. */
export const CASSETTE_ROOT = fixturePath('mastodonpy-1.8/cassettes');

/** The host the recordings were made against; replays swap it for the replay server's. */
const RECORDED_ORIGIN = 'http://localhost:3000';

/** One request and its response, as recorded. */
export interface Interaction {
  readonly request: {
    readonly method: string;
    readonly uri: string;
    readonly body: string | null;
    readonly headers: Readonly<Record<string, string>>;
  };
  readonly response: {
    readonly status: number;
    readonly reason: string;
    readonly headers: Readonly<Record<string, string>>;
    readonly body: string;
  };
}

interface RawInteraction {
  request: { method: string; uri: string; body: unknown; headers?: Record<string, unknown[]> };
  response: { status: { code: number; message: string }; headers?: Record<string, unknown[]>; body?: { string?: unknown } };
}

function textOf(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (value instanceof Uint8Array) return Buffer.from(value).toString('latin1');
  return String(value);
}

function headersOf(raw: Record<string, unknown[]> | undefined): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, values] of Object.entries(raw ?? {})) headers[name.toLowerCase()] = values.map(textOf).join(', ');
  return headers;
}

/**
 * The interactions of a cassette, by file name (`'test_toot.yaml'`), from `cassettes/` or
 * another folder of the recordings (`'cassettes_old_pagination'`).
 */
export function loadCassette(name: string, folder = 'cassettes'): Interaction[] {
  const doc = parse(readFileSync(join(CASSETTE_ROOT, folder, name), 'utf8')) as { interactions: RawInteraction[] };
  return doc.interactions.map(({ request, response }) => ({
    request: {
      method: request.method,
      uri: request.uri,
      body: request.body === null || request.body === undefined ? null : textOf(request.body),
      headers: headersOf(request.headers),
    },
    response: {
      status: response.status.code,
      reason: response.status.message,
      headers: headersOf(response.headers),
      body: textOf(response.body?.string),
    },
  }));
}

/** A request reduced to what matters: verb, path, query and body parameters. */
export interface SemanticRequest {
  readonly method: string;
  readonly path: string;
  readonly query: ParsedParams;
  readonly body: unknown;
}

function parseBody(body: string | null, contentType: string | undefined): unknown {
  if (body === null || body === '') return {};
  const type = (contentType ?? '').toLowerCase();
  if (type.startsWith('application/json')) return JSON.parse(body) as unknown;
  if (type.startsWith('multipart/')) return { multipart: true };
  return parsePairs(new URLSearchParams(body).entries());
}

/** The semantic form of a recorded request. */
export function recordedRequest(interaction: Interaction): SemanticRequest {
  const url = new URL(interaction.request.uri);
  return {
    method: interaction.request.method,
    path: url.pathname,
    query: parsePairs(url.searchParams.entries()),
    body: parseBody(interaction.request.body, interaction.request.headers['content-type']),
  };
}

/** A request the replay server received. */
export interface ReceivedRequest extends SemanticRequest {
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
}

/** A loopback server that answers with a cassette's responses, in order, and records what it gets. */
export interface ReplayServer {
  readonly url: string;
  readonly received: ReceivedRequest[];
  close(): Promise<void>;
}

/**
 * Serves the recorded responses of `interactions`, one per request, in order; the recorded
 * host in bodies and `Link` headers becomes the replay server's own. A request beyond the
 * recording gets a 599.
 */
export function startReplayServer(interactions: readonly Interaction[]): Promise<ReplayServer> {
  return new Promise((resolve) => {
    const received: ReceivedRequest[] = [];
    let url = '';
    const server = createServer((req: IncomingMessage, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const target = new URL(req.url ?? '/', url);
        received.push({
          method: req.method ?? 'GET',
          path: target.pathname,
          query: parsePairs(target.searchParams.entries()),
          body: parseBody(Buffer.concat(chunks).toString('utf8'), req.headers['content-type']),
          headers: req.headers,
        });
        const interaction = interactions[received.length - 1];
        if (!interaction) {
          res.writeHead(599).end('{"error":"request beyond the recording"}');
          return;
        }
        const { status, reason, headers, body } = interaction.response;
        const swap = (text: string): string => text.split(RECORDED_ORIGIN).join(url);
        const out: Record<string, string> = { 'content-type': headers['content-type'] ?? 'application/json' };
        for (const name of ['link', 'x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset', 'date']) {
          if (headers[name] !== undefined) out[name] = swap(headers[name]);
        }
        res.writeHead(status, reason, out).end(swap(body));
      });
    });
    server.listen(0, '127.0.0.1', () => {
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      resolve({
        url,
        received,
        close: () => new Promise<void>((done) => { server.close(() => done()); server.closeAllConnections(); }),
      });
    });
  });
}

/**
 * Asserts that a request sent now is the recorded one: same verb, path, query and body
 * parameters (order of form fields aside). `ignore` names parameters left out of the
 * comparison on both sides (such as a bug of the recording client that is not copied).
 */
export function assertSameRequest(received: SemanticRequest, recorded: SemanticRequest, ignore: readonly string[] = []): void {
  const strip = (params: unknown): unknown => {
    if (typeof params !== 'object' || params === null || Array.isArray(params)) return params;
    return Object.fromEntries(Object.entries(params).filter(([key]) => !ignore.includes(key)));
  };
  assert.equal(received.method, recorded.method, 'HTTP verb');
  assert.equal(received.path.replace(/\/$/, ''), recorded.path.replace(/\/$/, ''), 'path');
  assert.deepEqual(strip(received.query), strip(recorded.query), 'query parameters');
  assert.deepEqual(strip(received.body), strip(recorded.body), 'body parameters');
}

/** Options of {@link replay}. */
export interface ReplayOptions {
  /** Parameters left out of the comparison (a bug of the recording client not copied). */
  readonly ignore?: readonly string[];
  /** Client options beside the replay server's URL. */
  readonly client?: MastodonOptions;
}

/**
 * Replays a cassette: `drive` makes its calls on a client pointed at a replay server; then
 * every request sent must be the recorded one, and none may be missing or extra.
 *
 * ## Example
 * ```ts
 * const status = await replay('test_toot.yaml', async (api) => {
 *   const posted = await firstValueFrom(api.toot('Toot!'));
 *   await firstValueFrom(api.statusDelete(posted));
 *   return posted;
 * });
 * ```
 */
export async function replay<T>(cassette: string, drive: (api: Mastodon) => Promise<T>, options: ReplayOptions = {}): Promise<T> {
  const interactions = loadCassette(cassette);
  const server = await startReplayServer(interactions);
  try {
    const api = new Mastodon({
      api_base_url: server.url, access_token: 'token', client_id: 'id', client_secret: 'secret',
      version_check_mode: 'none', ...options.client,
    });
    const result = await drive(api);
    assert.equal(server.received.length, interactions.length, `every request recorded in ${cassette} was sent, and no other`);
    server.received.forEach((received, i) => assertSameRequest(received, recordedRequest(interactions[i]!), options.ignore));
    return result;
  } finally {
    await server.close();
  }
}
