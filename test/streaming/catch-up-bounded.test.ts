import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { map, Observable } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import {
  MastodonNetworkError, MastodonNotFoundError, MastodonServiceUnavailableError,
  MastodonStream, type Mastodon, type StreamEvent,
} from '../../src/index.js';
import type { ConnectionSignal } from '../../src/streaming/connection.js';
import { decodeEvent } from '../../src/streaming/decode.js';
import { toPage } from '../../src/pagination/page.js';
import { reply } from '../ratelimit/virtual-server.js';

const target = { name: 'public', path: '/api/v1/streaming/public', query: {} };
const source = { event: 'update', path: '/api/v1/timelines/public' } as const;
const status = (id: string): { id: string } => ({ id });
const live = (id: string): ConnectionSignal => ({ kind: 'event', event: decodeEvent('update', JSON.stringify(status(id)), ['public']) });
const notFound = new MastodonNotFoundError('404', { status: 404, reason: 'Not Found', error: 'Record not found', body: {} });
const unavailable = new MastodonServiceUnavailableError('503', { status: 503, reason: 'Service Unavailable', error: 'down', body: {} });

/** What the stream emitted, in short: update ids, and gap notices as `gap(before..after: Error)`. */
function short(event: StreamEvent): string {
  if (event.type === 'update') return event.payload.id;
  if (event.type === 'gap') {
    const { last_id_before, first_id_after, error } = event.payload;
    return `gap(${last_id_before ?? ''}..${first_id_after ?? ''}: ${(error as Error).constructor.name})`;
  }
  return event.type;
}

interface Rest {
  /** The answer to the starting cursor read (`limit=1`). */
  start: () => Observable<unknown>;
  /** The answer to the catch-up read (`min_id`). */
  missed: () => Observable<unknown>;
}

/** Runs a stream in virtual time against the REST answers and connections `build` makes with the scheduler it is given. */
function run(
  build: (ts: TestScheduler) => { rest: Rest; connections: Observable<ConnectionSignal>[] }, windowMs: number,
): { emitted: string[]; frames: number[]; requests: string[]; subscriptions: number } {
  const ts = new TestScheduler((actual, expected) => assert.deepEqual(actual, expected));
  const emitted: string[] = [];
  const frames: number[] = [];
  const requests: string[] = [];
  let subscriptions = 0;
  ts.run(() => {
    const { rest, connections } = build(ts);
    const api = {
      send: (request: { params?: Record<string, unknown> }) => {
        const kind = request.params?.['min_id'] !== undefined ? 'missed' : 'start';
        requests.push(`${ts.now()} ${kind}`);
        return rest[kind]().pipe(map((page) => reply(200, {}, JSON.stringify(page))));
      },
    } as unknown as Mastodon;
    let n = 0;
    const stream = new MastodonStream({
      api, target, scheduler: ts, catchUpSources: [source],
      connect: () => { subscriptions += 1; return connections[Math.min(n++, connections.length - 1)]!; },
      options: { timeout: 1000, initial_delay: 1, jitter: 0 },
    });
    const sub = stream.subscribe((event) => { emitted.push(short(event)); frames.push(ts.now()); });
    ts.schedule(() => sub.unsubscribe(), windowMs);
  });
  return { emitted, frames, requests, subscriptions };
}

describe('catch-up, best-effort and bounded (virtual time)', () => {
  it('fills a gap in time: missed statuses first, then the live ones held meanwhile, none twice', () => {
    const result = run((ts) => ({ rest: {
      start: () => ts.createColdObservable('-(a|)', { a: toPage([status('10')], undefined) }),
      missed: () => ts.createColdObservable('--(a|)', { a: toPage([status('12'), status('11')], undefined) }),
    }, connections: [ts.createColdObservable('-o-a-b', { o: { kind: 'open' }, a: live('12'), b: live('13') })] }), 100);
    assert.deepEqual(result.emitted, ['11', '12', '13']);
  });

  it('a catch-up that hangs holds live events 5 s at most, then the stream goes live with a gap notice; the connection stays', () => {
    const result = run((ts) => ({ rest: {
      start: () => ts.createColdObservable('(a|)', { a: toPage([status('10')], undefined) }),
      missed: () => ts.createColdObservable('-'),
    }, connections: [ts.createColdObservable('o-a 6s b', { o: { kind: 'open' }, a: live('12'), b: live('13') })] }), 10_000);
    assert.deepEqual(result.emitted, ['gap(10..12: MastodonReadTimeout)', '12', '13']);
    assert.deepEqual(result.frames, [5000, 5000, 6003]);
    assert.equal(result.subscriptions, 1, 'no reconnect');
  });

  it('a catch-up refused with 404 gives the notice at once (no live event yet, so no first id): live events do not wait', () => {
    const result = run((ts) => ({ rest: {
      start: () => ts.createColdObservable('(a|)', { a: toPage([status('10')], undefined) }),
      missed: () => ts.createColdObservable('-#', undefined, notFound),
    }, connections: [ts.createColdObservable('o-a-b', { o: { kind: 'open' }, a: live('12'), b: live('13') })] }), 100);
    assert.deepEqual(result.emitted, ['gap(10..: MastodonNotFoundError)', '12', '13']);
    assert.deepEqual(result.frames, [1, 2, 4]);
    assert.equal(result.subscriptions, 1);
  });

  it('retries a read that failed with 503 after the backoff waits (1 s, 2 s), and fills the gap in order when it works', () => {
    let tries = 0;
    const result = run((ts) => ({ rest: {
      start: () => ts.createColdObservable('(a|)', { a: toPage([status('10')], undefined) }),
      missed: () => (++tries < 3 ? ts.createColdObservable('-#', undefined, unavailable)
        : ts.createColdObservable('-(a|)', { a: toPage([status('11')], undefined) })),
    }, connections: [ts.createColdObservable('o-a', { o: { kind: 'open' }, a: live('12') })] }), 10_000);
    assert.deepEqual(result.requests, ['0 start', '0 missed', '1001 missed', '3002 missed']);
    assert.deepEqual(result.emitted, ['11', '12']);
    assert.deepEqual(result.frames, [3003, 3003]);
  });

  it('a flood while catch-up hangs: at most 1,000 live events wait; the next one sends the notice and all of them at once', () => {
    const ids = Array.from({ length: 1001 }, (_, i) => String(12 + i));
    const result = run((ts) => ({ rest: {
      start: () => ts.createColdObservable('(a|)', { a: toPage([status('10')], undefined) }),
      missed: () => ts.createColdObservable('-'),
    }, connections: [new Observable<ConnectionSignal>((subscriber) => {
      return ts.schedule(() => {
        subscriber.next({ kind: 'open' });
        for (const id of ids) subscriber.next(live(id));
      }, 1);
    })] }), 10_000);
    assert.deepEqual(result.emitted, ['gap(10..12: MastodonReadTimeout)', ...ids]);
    assert.ok(result.frames.every((frame) => frame === 1), 'nobody waits for the 5 s deadline');
    assert.equal(result.subscriptions, 1, 'no reconnect');
  });

  it('a REST that keeps failing with 503: retries until the 5 s are up, then the notice with its last failure; never a reconnect', () => {
    const result = run((ts) => ({ rest: {
      start: () => ts.createColdObservable('(a|)', { a: toPage([status('10')], undefined) }),
      missed: () => ts.createColdObservable('-#', undefined, unavailable),
    }, connections: [ts.createColdObservable('o-a', { o: { kind: 'open' }, a: live('12') })] }), 20_000);
    assert.deepEqual(result.requests, ['0 start', '0 missed', '1001 missed', '3002 missed']);
    assert.deepEqual(result.emitted, ['gap(10..12: MastodonServiceUnavailableError)', '12']);
    assert.equal(result.subscriptions, 1);
  });

  it('without any REST (the starting read refused too), the stream works, with the same notice on every connection', () => {
    const drop = new MastodonNetworkError('dropped');
    const result = run((ts) => ({ rest: {
      start: () => ts.createColdObservable('#', undefined, notFound),
      missed: () => ts.createColdObservable('#', undefined, notFound),
    }, connections: [
      ts.createColdObservable('o-a-#', { o: { kind: 'open' }, a: live('12') }, drop),
      ts.createColdObservable('o-b', { o: { kind: 'open' }, b: live('13') }),
    ] }), 5000);
    assert.deepEqual(result.emitted, ['gap(..: MastodonNotFoundError)', '12', 'gap(12..: MastodonNotFoundError)', '13']);
    assert.deepEqual(result.requests, ['0 start', '1004 missed']);
  });

  it('a connection lost while catching up lets go of the updates it held, which the next catch-up fetches in order, and delivers the deletes it held', () => {
    const drop = new MastodonNetworkError('dropped');
    let reads = 0;
    const deleted: ConnectionSignal = { kind: 'event', event: decodeEvent('delete', '5', ['public']) };
    const result = run((ts) => ({
      rest: {
        start: () => ts.createColdObservable('(a|)', { a: toPage([status('10')], undefined) }),
        // the first two reads hang; the third answers with all that was missed
        missed: () => (++reads < 3 ? ts.createColdObservable('-')
          : ts.createColdObservable('-(a|)', { a: toPage([status('13'), status('12'), status('11')], undefined) })),
      },
      connections: [
        ts.createColdObservable('o-a-d-#', { o: { kind: 'open' }, a: live('12'), d: deleted }, drop),  // held 12 and a delete, then lost
        ts.createColdObservable('o-#', { o: { kind: 'open' } }, drop),  // held nothing, then lost
        ts.createColdObservable('o-b', { o: { kind: 'open' }, b: live('14') }),
      ],
    }), 10_000);
    assert.deepEqual(result.emitted, ['delete', '11', '12', '13', '14']);
  });

  it('a notice names no first id when no live event came yet, and is typed with the reason', () => {
    const result = run((ts) => ({ rest: {
      start: () => ts.createColdObservable('(a|)', { a: toPage([status('10')], undefined) }),
      missed: () => ts.createColdObservable('-'),
    }, connections: [ts.createColdObservable('o 9s a', { o: { kind: 'open' }, a: live('12') })] }), 10_000);
    assert.deepEqual(result.emitted, ['gap(10..: MastodonReadTimeout)', '12']);
  });
});
