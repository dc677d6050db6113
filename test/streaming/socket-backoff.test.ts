import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { of } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { MastodonStream, type Mastodon, type StreamOptions, type StreamStatus } from '../../src/index.js';
import { reply } from '../ratelimit/virtual-server.js';
import { SocketMultiplexer, type WebSocketConstructor, type WebSocketLike } from '../../src/streaming/websocket-connection.js';

/** A WebSocket the test drives: it opens, talks and closes when told. */
class FakeSocket implements WebSocketLike {
  static made: FakeSocket[] = [];
  readyState = 0;
  onopen: ((event: Event) => void) | null = null;
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  onclose: ((event: CloseEvent) => void) | null = null;
  readonly sent: string[] = [];
  closedByClient = false;

  constructor(readonly url: string) {
    FakeSocket.made.push(this);
  }

  open(): void {
    this.readyState = 1;
    this.onopen?.({} as Event);
  }

  receive(data: string): void {
    this.onmessage?.({ data } as MessageEvent);
  }

  drop(): void {
    this.readyState = 3;
    this.onclose?.({ code: 1006, reason: '' } as CloseEvent);
  }

  send(data: string): void {
    this.sent.push(data);
  }

  close(): void {
    this.closedByClient = true;
    this.readyState = 3;
  }
}

const update = (id: string, stream: string[]): string => JSON.stringify({ stream, event: 'update', payload: JSON.stringify({ id }) });

interface Run {
  statuses: Record<string, string[]>;
  errors: Record<string, string>;
  sockets: FakeSocket[];
}

/**
 * Runs streams on one multiplexed socket in virtual time; `script` drives the sockets the
 * multiplexer makes (`socket(n)` is the n-th, once made).
 */
function run(
  streams: Record<string, { target: { name: string; path: string; query: Record<string, string> }; options?: StreamOptions }>,
  script: (ts: TestScheduler, socket: (n: number) => FakeSocket) => void,
  windowMs: number,
): Run {
  FakeSocket.made = [];
  const statuses: Record<string, string[]> = {};
  const errors: Record<string, string> = {};
  const ts = new TestScheduler((a, e) => assert.deepEqual(a, e));
  ts.run(() => {
    const api = { api_base_url: 'http://fake.invalid', access_token: 't', scheduler: ts, send: () => of(reply(200, {}, '{}')) } as unknown as Mastodon;
    const multiplexer = new SocketMultiplexer(api, FakeSocket as unknown as WebSocketConstructor, () => Promise.reject(new Error('no probe')));
    for (const [name, { target, options }] of Object.entries(streams)) {
      const stream = new MastodonStream({
        api, target, connect: multiplexer.connect, scheduler: ts, catchUpSources: [], random: () => 0,
        options: { initial_delay: 1, jitter: 0, ...options },
      });
      statuses[name] = [];
      stream.status$.subscribe((s: StreamStatus) => {
        statuses[name]!.push(`${ts.now()} ${s.state}${s.state === 'reconnecting' ? ` ${s.attempt} ${s.delay_ms}` : ''}`);
      });
      const sub = stream.subscribe({ error: (e: unknown) => { errors[name] = `${ts.now()} ${(e as Error).constructor.name}`; } });
      ts.schedule(() => sub.unsubscribe(), windowMs);
    }
    script(ts, (n) => FakeSocket.made[n]!);
  });
  return { statuses, errors, sockets: FakeSocket.made };
}

const publicTarget = { name: 'public', path: '/api/v1/streaming/public', query: {} };
const userTarget = { name: 'user', path: '/api/v1/streaming/user', query: {} };

describe('one socket, one backoff (virtual time)', { timeout: 30_000 }, () => {
  it('streams on a socket that drops hear the same reconnecting, and come back together on one new socket', () => {
    const { statuses, sockets } = run({ public: { target: publicTarget }, user: { target: userTarget } }, (ts, socket) => {
      ts.schedule(() => socket(0).open(), 10);
      ts.schedule(() => socket(0).drop(), 100);
      ts.schedule(() => socket(1).open(), 1110);
    }, 2000);
    assert.equal(sockets.length, 2);
    assert.deepEqual(statuses['public'], statuses['user']);
    assert.deepEqual(statuses['public'], ['0 closed', '0 connecting', '10 open', '100 reconnecting 1 1000', '1110 open', '2000 closed']);
    // Both subscribe again on the new socket, at its open.
    const subscribes = sockets[1]!.sent.map((m) => JSON.parse(m) as { type: string; stream: string }).filter((m) => m.type === 'subscribe');
    assert.deepEqual(subscribes.map((m) => m.stream), ['public', 'user']);
  });

  it('a socket that opens and closes at once sees its one backoff grow: 1 s, 2 s, 4 s, 8 s', () => {
    const { statuses, sockets } = run({ public: { target: publicTarget }, user: { target: userTarget } }, (ts, socket) => {
      let n = 0;
      ts.schedule(function again() {
        const current = FakeSocket.made[n];
        if (current && current.readyState === 0) {
          current.open();
          current.drop();
          n += 1;
        }
        if (ts.now() < 7100) this.schedule(undefined, 1);
      }, 1);
      void socket;
    }, 7100);
    assert.equal(sockets.length, 4);
    const waits = (statuses['public'] ?? []).filter((s) => s.includes('reconnecting')).map((s) => Number(s.split(' ')[3]));
    // Opened at 1, 1002, 3003 and 7004 ms: each wait twice the last, whichever stream is asked.
    assert.deepEqual(waits, [1000, 2000, 4000, 8000]);
    assert.deepEqual(statuses['public'], statuses['user']);
  });

  it('starts the waits over after a socket that carried messages and stayed open 5 s', () => {
    const { statuses } = run({ public: { target: publicTarget } }, (ts, socket) => {
      ts.schedule(() => { socket(0).open(); socket(0).drop(); }, 1);
      ts.schedule(() => { socket(1).open(); socket(1).receive(update('1', ['public'])); }, 1002);
      ts.schedule(() => socket(1).drop(), 7000);
      ts.schedule(() => socket(2).open(), 8001);
    }, 9000);
    const waits = (statuses['public'] ?? []).filter((s) => s.includes('reconnecting')).map((s) => Number(s.split(' ')[3]));
    assert.deepEqual(waits, [1000, 1000]);
  });

  it('watches the socket for stalls with the shortest timeout of its streams, 300 s where pings are hidden', () => {
    const quiet = run({ public: { target: publicTarget } }, (ts, socket) => {
      ts.schedule(() => socket(0).open(), 1);
    }, 400_000);
    assert.deepEqual(quiet.statuses['public']!.slice(0, 4), ['0 closed', '0 connecting', '1 open', '300000 reconnecting 1 1000']);
    const short = run({ public: { target: publicTarget, options: { timeout: 30 } }, user: { target: userTarget, options: { timeout: 60 } } }, (ts, socket) => {
      ts.schedule(() => socket(0).open(), 1);
    }, 40_000);
    assert.deepEqual(short.statuses['user']!.slice(0, 4), ['0 closed', '0 connecting', '1 open', '30000 reconnecting 1 1000']);
    assert.ok(short.sockets[0]!.closedByClient);
  });

  it('a stream that may not reconnect, or has spent its retries, ends; the others go on', () => {
    const { statuses, errors } = run({
      once: { target: publicTarget, options: { reconnect: false } },
      twice: { target: userTarget, options: { max_retries: 1 } },
      always: { target: { name: 'direct', path: '/api/v1/streaming/direct', query: {} } },
    }, (ts, socket) => {
      ts.schedule(() => { socket(0).open(); socket(0).drop(); }, 1);
      ts.schedule(() => { socket(1).open(); socket(1).drop(); }, 1002);
      ts.schedule(() => socket(2).open(), 3003);
    }, 5000);
    assert.deepEqual(errors, { once: '1 MastodonNetworkError', twice: '1002 MastodonNetworkError' });
    assert.deepEqual(statuses['always']!.filter((s) => s.includes('reconnecting')), ['1 reconnecting 1 1000', '1002 reconnecting 2 2000']);
  });
});
