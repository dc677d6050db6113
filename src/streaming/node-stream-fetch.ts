import type { Readable } from 'node:stream';
import { request, type Dispatcher } from 'undici';
import type { FetchLike, StreamReader, StreamResponse } from './sse-connection.js';
import { statusText } from './status-text.js';

const MAX_REDIRECTS = 5;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

type NodeHeaders = Record<string, string | string[] | undefined>;

function headerRecord(init: RequestInit | undefined): Record<string, string> {
  const record: Record<string, string> = {};
  new Headers(init?.headers).forEach((value, name) => { record[name] = value; });
  return record;
}

function headersView(headers: NodeHeaders): StreamResponse['headers'] {
  return {
    get: (name) => {
      const value = headers[name.toLowerCase()];
      return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
    },
  };
}

const HIGH_WATER = 16;

/**
 * Reads a Node `Readable` body as a web stream reader would, without a web stream between:
 * each `read()` gives the next chunk as the socket delivered it (no copy), holding at most
 * {@link HIGH_WATER} chunks before the body is paused.
 */
export function readerOf(body: Readable): StreamReader {
  const queue: Buffer[] = [];
  let head = 0;
  let ended = false;
  let failure: unknown;
  let waiting: { resolve: (result: ReadableStreamReadResult<Uint8Array>) => void; reject: (error: unknown) => void } | undefined;
  const settle = (): void => {
    const reader = waiting;
    if (!reader) return;
    if (head < queue.length) {
      waiting = undefined;
      reader.resolve({ done: false, value: take() });
    } else if (failure !== undefined) {
      waiting = undefined;
      reader.reject(failure);
    } else if (ended) {
      waiting = undefined;
      reader.resolve({ done: true, value: undefined });
    }
  };
  const take = (): Buffer => {
    const chunk = queue[head]!;
    queue[head++] = undefined as unknown as Buffer;
    if (head === queue.length) {
      queue.length = 0;
      head = 0;
      if (body.isPaused()) body.resume();
    }
    return chunk;
  };
  body.on('data', (chunk: Buffer) => {
    queue.push(chunk);
    if (queue.length - head >= HIGH_WATER) body.pause();
    settle();
  });
  body.on('end', () => { ended = true; settle(); });
  body.on('close', () => { ended = true; settle(); });
  body.on('error', (error: unknown) => { failure = error; settle(); });
  return {
    read: () => {
      if (head < queue.length) return Promise.resolve({ done: false, value: take() });
      if (failure !== undefined) return Promise.reject(failure);
      if (ended) return Promise.resolve({ done: true, value: undefined });
      return new Promise((resolve, reject) => { waiting = { resolve, reject }; });
    },
    cancel: () => {
      body.destroy();
      return Promise.resolve();
    },
  };
}

/** A long-lived response as undici gives it, after the redirects followed. */
export interface NodeStreamResponse {
  readonly statusCode: number;
  readonly headers: NodeHeaders;
  /** The body, a Node stream; its errors are handled (aborting destroys it with one). */
  readonly body: Dispatcher.ResponseData['body'];
  /** Where the response came from. */
  readonly url: URL;
  readonly redirected: boolean;
}

/**
 * A GET for a long-lived response in Node, on undici's `request`: follows up to five
 * redirects, dropping `Authorization` when one leads to another origin; no header or body
 * timeout (the stream's own stall timeout watches the connection). Aborts with `signal`.
 *
 * ## Example
 * ```ts
 * const { statusCode, body } = await requestStream(new URL('http://127.0.0.1:4000/api/v1/streaming/public'), { accept: 'text/event-stream' });
 * ```
 */
export async function requestStream(target: URL, requestHeaders: Record<string, string>, signal?: AbortSignal): Promise<NodeStreamResponse> {
  const headers = { ...requestHeaders };
  let url = target;
  for (let hops = 0; ; hops++) {
    const response = await request(url, { method: 'GET', headers, signal, headersTimeout: 0, bodyTimeout: 0 });
    const location = response.headers['location'];
    if (REDIRECTS.has(response.statusCode) && typeof location === 'string' && hops < MAX_REDIRECTS) {
      await response.body.dump().catch(() => undefined);
      const next = new URL(location, url);
      if (next.origin !== url.origin) delete headers['authorization'];
      url = next;
      continue;
    }
    const body = response.body;
    // Aborting destroys the body with an error, possibly before anyone reads it: it is not an unhandled one.
    body.on('error', () => undefined);
    return { statusCode: response.statusCode, headers: response.headers, body, url, redirected: hops > 0 };
  }
}

/**
 * A `fetch` for long-lived SSE responses in Node ({@link requestStream}): the body is read
 * straight off undici's Node stream rather than through a web `ReadableStream`.
 *
 * ## Example
 * ```ts
 * const response = await nodeStreamFetch('http://127.0.0.1:4000/api/v1/streaming/public', { headers: { accept: 'text/event-stream' } });
 * const { value } = await response.body!.getReader().read();
 * ```
 */
export const nodeStreamFetch: FetchLike = async (input, init) => {
  const { statusCode, headers, body, url, redirected } = await requestStream(new URL(String(input)), headerRecord(init), init?.signal ?? undefined);
  return {
    status: statusCode,
    statusText: statusText(statusCode),
    url: url.href,
    redirected,
    headers: headersView(headers),
    text: () => body.text(),
    body: { getReader: () => readerOf(body) },
  };
};
