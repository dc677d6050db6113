import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { CASSETTE_ROOT } from '../cassettes.js';

/** The host of the recorded server, which named itself by it (`@user@localhost:3000`). */
export const RECORDED_HOST = 'localhost:3000';

/** One recorded request and the real server's answer, bodies as they went over the wire. */
export interface RecordedExchange {
  /** Its place in the recording, from 0. */
  readonly index: number;
  readonly request: {
    readonly method: string;
    readonly url: URL;
    /** Header names in lower case. */
    readonly headers: Readonly<Record<string, string>>;
    readonly body: Buffer | null;
  };
  readonly response: {
    readonly status: number;
    readonly headers: Readonly<Record<string, string>>;
    readonly body: string;
  };
}

/** A recording (a VCR cassette) of real traffic. */
export interface Recording {
  /** The file name, such as `test_toot.yaml`. */
  readonly name: string;
  readonly exchanges: readonly RecordedExchange[];
}

interface RawExchange {
  request: { method: string; uri: string; body: unknown; headers?: Record<string, unknown[]> };
  response: { status: { code: number }; headers?: Record<string, unknown[]>; body?: { string?: unknown } };
}

function bytesOf(value: unknown): Buffer | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Uint8Array) return Buffer.from(value);
  return Buffer.from(String(value), 'utf8');
}

function headersOf(raw: Record<string, unknown[]> | undefined): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, values] of Object.entries(raw ?? {})) headers[name.toLowerCase()] = values.map(String).join(', ');
  return headers;
}

/** Reads one recording file. */
export function readRecording(path: string, name: string): Recording {
  const doc = parse(readFileSync(path, 'utf8')) as { interactions: RawExchange[] };
  return {
    name,
    exchanges: doc.interactions.map(({ request, response }, index) => ({
      index,
      request: { method: request.method, url: new URL(request.uri), headers: headersOf(request.headers), body: bytesOf(request.body) },
      response: {
        status: response.status.code,
        headers: headersOf(response.headers),
        body: bytesOf(response.body?.string)?.toString('utf8') ?? '',
      },
    })),
  };
}

/**
 * Every recording of a folder of the fixtures' recordings (`cassettes`: Mastodon 4.0.2), in
 * file-name order.
 */
export function loadRecordings(folder = 'cassettes'): Recording[] {
  const dir = join(CASSETTE_ROOT, folder);
  return readdirSync(dir).filter((name) => name.endsWith('.yaml')).sort()
    .map((name) => readRecording(join(dir, name), name));
}

/** The parsed JSON of a body, or undefined when it is not JSON. */
export function jsonOf(body: string): unknown {
  if (body.trim() === '') return undefined;
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return undefined;
  }
}

/** Whether an answer says it is JSON. */
export function isJsonAnswer(headers: Readonly<Record<string, unknown>>): boolean {
  return String(headers['content-type'] ?? '').toLowerCase().startsWith('application/json');
}
