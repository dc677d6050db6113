import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request a loopback server received, raw. */
export interface SeenRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
}

/** A bare HTTP server on 127.0.0.1 whose answers the test decides. */
export interface Loopback {
  readonly url: string;
  readonly seen: SeenRequest[];
  /** Resolves when a request's connection closes before its response was finished. */
  readonly aborted: Promise<SeenRequest>;
  close(): Promise<void>;
}

/** Starts a loopback server; `answer` writes each response (or never does, to hang). */
export function startLoopback(answer: (req: SeenRequest, res: ServerResponse) => void): Promise<Loopback> {
  return new Promise((resolve) => {
    const seen: SeenRequest[] = [];
    let onAbort: (req: SeenRequest) => void = () => {};
    const aborted = new Promise<SeenRequest>((done) => { onAbort = done; });
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const request = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
        seen.push(request);
        res.on('close', () => { if (!res.writableFinished) onAbort(request); });
        answer(request, res);
      });
    });
    server.listen(0, '127.0.0.1', () => {
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        seen,
        aborted,
        close: () => new Promise<void>((done) => { server.close(() => done()); server.closeAllConnections(); }),
      });
    });
  });
}

/** Answers with JSON. */
export function json(res: ServerResponse, body: unknown, status = 200, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
}
