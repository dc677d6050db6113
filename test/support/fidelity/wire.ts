import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';

/** A request as the replay sends it. */
export interface WireRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: Buffer;
}

/** An answer as the replay received it. */
export interface WireResponse {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/** How long an answer may take before the replay gives up on it (status 0). */
const ANSWER_TIMEOUT_MS = 10_000;

/**
 * Sends a request as it was recorded, whatever its verb and body (`GET` with a JSON body
 * included, which `fetch` refuses), and reads the whole answer; one that does not come in
 * time is status 0, so that a hanging route fails its comparison instead of the run.
 */
export function send(req: WireRequest): Promise<WireResponse> {
  return new Promise((resolve, reject) => {
    const headers = { ...req.headers, 'content-length': String(req.body?.length ?? 0) };
    const out = httpRequest(req.url, { method: req.method, headers, timeout: ANSWER_TIMEOUT_MS }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    out.on('timeout', () => {
      out.destroy();
      resolve({ status: 0, headers: {}, body: '' });
    });
    out.on('error', reject);
    out.end(req.body);
  });
}

/** One Server-Sent Event: its name and data. */
export interface SseEvent {
  readonly event: string;
  readonly data: string;
}

/** The events of an SSE body (comments and heartbeats left out). */
export function parseSse(text: string): SseEvent[] {
  const events: SseEvent[] = [];
  for (const block of text.split(/\r?\n\r?\n/)) {
    let event = 'message';
    const data: string[] = [];
    for (const line of block.split(/\r?\n/)) {
      if (line.startsWith('event:')) event = line.slice(6).trim();
      else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
    }
    if (data.length > 0) events.push({ event, data: data.join('\n') });
  }
  return events;
}

/** A stream held open while a replay goes on; `close` ends it and gives what it received. */
export interface OpenStream {
  close(): Promise<WireResponse>;
}

/** Opens a streaming request; its answer is read until `close`. */
export function openStream(req: WireRequest): OpenStream {
  let status = 0;
  let headers: IncomingHttpHeaders = {};
  const chunks: Buffer[] = [];
  let ended = false;
  const out = httpRequest(req.url, { method: req.method, headers: req.headers }, (res) => {
    status = res.statusCode ?? 0;
    headers = res.headers;
    res.on('data', (chunk: Buffer) => chunks.push(chunk));
    res.on('end', () => { ended = true; });
    res.on('error', () => { ended = true; });
  });
  out.on('error', () => { ended = true; });
  out.end();
  return {
    close: async () => {
      // Give events of the requests just answered the time to arrive.
      await new Promise((resolve) => setTimeout(resolve, 50));
      if (!ended) out.destroy();
      return { status, headers, body: Buffer.concat(chunks).toString('utf8') };
    },
  };
}
