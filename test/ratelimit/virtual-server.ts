import { defer, map, type Observable, timer } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import assert from 'node:assert/strict';
import type { HttpBackend, HttpRequest, HttpResponse } from '../../src/index.js';
import { Mastodon, type MastodonOptions } from '../../src/index.js';

/** A TestScheduler that runs to the end (no frame limit), comparing with node's assert. */
export function virtualScheduler(): TestScheduler {
  const scheduler = new TestScheduler((actual, expected) => assert.deepEqual(actual, expected));
  scheduler.maxFrames = Number.POSITIVE_INFINITY;
  return scheduler;
}

/** One request as the virtual server saw it. */
export interface VirtualExchange {
  readonly sentAt: number;
  readonly answeredAt: number;
  readonly path: string;
  readonly status: number;
  /** The window's reset, in ms on the local virtual clock. */
  readonly resetAt: number;
}

/** Options of {@link WindowedServer}. */
export interface WindowedServerOptions {
  readonly limit: number;
  readonly windowSeconds: number;
  readonly latencyMs: number;
  /** How far the server's clock is ahead of the client's, in seconds. */
  readonly skewSeconds?: number;
}

/**
 * A Mastodon-like server in virtual time: fixed windows of `limit` requests, `429` beyond,
 * `X-RateLimit-*` headers (ISO reset with six fractional digits), a `Date` header, and each
 * answer `latencyMs` after the request. `GET .../statuses/{id}` answers `{"id": id}`.
 */
export class WindowedServer implements HttpBackend {
  readonly exchanges: VirtualExchange[] = [];
  private readonly used = new Map<number, number>();

  constructor(private readonly scheduler: TestScheduler, private readonly options: WindowedServerOptions) {}

  handle(request: HttpRequest): Observable<HttpResponse> {
    return defer(() => {
      const sentAt = this.scheduler.now();
      const windowMs = this.options.windowSeconds * 1000;
      const window = Math.floor(sentAt / windowMs);
      const used = (this.used.get(window) ?? 0) + 1;
      this.used.set(window, used);
      const status = used > this.options.limit ? 429 : 200;
      const resetAt = (window + 1) * windowMs;
      const skewMs = (this.options.skewSeconds ?? 0) * 1000;
      const path = new URL(request.url).pathname;
      const id = path.split('/').pop() ?? '';
      const response: HttpResponse = {
        status,
        statusText: status === 429 ? 'Too Many Requests' : 'OK',
        headers: {
          'content-type': 'application/json',
          'x-ratelimit-limit': String(this.options.limit),
          'x-ratelimit-remaining': String(Math.max(this.options.limit - used, 0)),
          'x-ratelimit-reset': isoWithMicros(resetAt + skewMs),
          date: new Date(sentAt + skewMs).toUTCString(),
        },
        body: status === 429 ? '{"error":"Too many requests"}' : JSON.stringify({ id }),
      };
      return timer(this.options.latencyMs, this.scheduler).pipe(map(() => {
        this.exchanges.push({ sentAt, answeredAt: this.scheduler.now(), path, status, resetAt });
        return response;
      }));
    });
  }
}

/** `2022-12-01T21:00:00.846373Z`: an ISO time with six fractional digits, as Mastodon sends it. */
export function isoWithMicros(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}

/** A client of a virtual backend: every wait on `scheduler`, no version check. */
export function virtualClient(backend: HttpBackend, scheduler: TestScheduler, options: MastodonOptions = {}): Mastodon {
  return new Mastodon({
    api_base_url: 'https://mastodon.example', access_token: 'token', version_check_mode: 'none',
    session: backend, scheduler, ...options,
  });
}

/** A backend that answers the n-th request with the n-th Observable (marbles), then fails. */
export function scriptedBackend(replies: readonly Observable<HttpResponse>[]): HttpBackend & { readonly requests: HttpRequest[] } {
  const requests: HttpRequest[] = [];
  return {
    requests,
    handle: (request) => defer(() => {
      const reply = replies[requests.length];
      requests.push(request);
      if (!reply) throw new Error(`Unexpected request ${requests.length}: ${request.url}`);
      return reply;
    }),
  };
}

/** A response with the given status and headers. */
export function reply(status: number, headers: Record<string, string> = {}, body = '{"id":"1"}'): HttpResponse {
  return { status, statusText: status === 429 ? 'Too Many Requests' : 'OK', headers: { 'content-type': 'application/json', ...headers }, body };
}
