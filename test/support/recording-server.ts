import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request exactly as it arrived: raw URL, raw body, headers. */
export interface RawRequest {
  readonly method: string;
  /** The request target as sent: path and query string, still encoded. */
  readonly url: string;
  readonly body: string;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
}

/** A loopback server that records every request raw and answers 200 with a plausible JSON body. */
export interface RecordingServer {
  readonly url: string;
  readonly requests: RawRequest[];
  close(): Promise<void>;
}

/** What the recording server answers: the JSON body for a request. `[]` for GET, `{}` otherwise, by default. */
export type Answer = (method: string, path: string) => unknown;

const defaultAnswer: Answer = (method) => (method === 'GET' ? [] : {});

/**
 * Starts a recording server on 127.0.0.1.
 *
 * ## Example
 * ```ts
 * const server = await startRecordingServer();
 * // ... point a client at server.url, then read server.requests
 * await server.close();
 * ```
 */
export function startRecordingServer(answer: Answer = defaultAnswer): Promise<RecordingServer> {
  return new Promise((resolve) => {
    const requests: RawRequest[] = [];
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const method = req.method ?? 'GET';
        const url = req.url ?? '/';
        requests.push({ method, url, body: Buffer.concat(chunks).toString('utf8'), headers: { ...req.headers } });
        const body = JSON.stringify(answer(method, new URL(url, 'http://x').pathname));
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) }).end(body);
      });
    });
    server.listen(0, '127.0.0.1', () => {
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        requests,
        close: () => new Promise<void>((done) => { server.close(() => done()); server.closeAllConnections(); }),
      });
    });
  });
}

/** The text of a raw request with its URL and form encoding undone, for searching. */
export function decodedText(request: RawRequest): string {
  const decode = (text: string): string => {
    try {
      return decodeURIComponent(text.replace(/\+/g, ' '));
    } catch {
      return text;
    }
  };
  const headers = Object.entries(request.headers).map(([name, value]) => `${name}: ${String(value)}`).join('\n');
  return [request.url, decode(request.url), request.body, decode(request.body), headers].join('\n');
}
