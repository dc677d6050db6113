import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TestScheduler } from 'rxjs/testing';
import type { Observable } from 'rxjs';
import {
  attachListener, CallbackStreamListener, MastodonNetworkError, MastodonStream, StreamListener,
  type Mastodon, type Status, type StreamEvent, type StreamStatus,
} from '../../src/index.js';
import type { ConnectionSignal } from '../../src/streaming/connection.js';
import { decodeEvent } from '../../src/streaming/decode.js';

const target = { name: 'public', path: '/api/v1/streaming/public', query: {} };
const drop = new MastodonNetworkError('dropped');

function update(id: string, acct = 'alice'): StreamEvent {
  return decodeEvent('update', JSON.stringify({ id, created_at: '2022-11-06T21:17:06.000Z', account: { id: '1', acct } }), ['public']);
}

const signals: Record<string, ConnectionSignal> = {
  o: { kind: 'open' }, h: { kind: 'heartbeat' }, b: { kind: 'bytes' },
  a: { kind: 'event', event: update('1') }, c: { kind: 'event', event: update('2') },
};

function streamOf(scheduler: TestScheduler, connection: Observable<ConnectionSignal>, options = {}): MastodonStream {
  return new MastodonStream({
    api: {} as Mastodon, target, connect: () => connection, scheduler, catchUpSources: [],
    options: { timeout: 10, initial_delay: 1, jitter: 0, ...options },
  });
}

function runner(): TestScheduler {
  return new TestScheduler((actual, expected) => assert.deepEqual(actual, expected));
}

describe('MastodonStream (virtual time)', () => {
  it('opens one connection for all subscribers, at the first, and closes it with the last', () => {
    const ts = runner();
    ts.run(({ cold, expectObservable, expectSubscriptions }) => {
      const connection = cold('o-a---c-----', signals);
      const stream = streamOf(ts, connection);
      expectObservable(stream, '^-----!').toBe('--a---', { a: signals['a']!.kind === 'event' ? (signals['a'] as { event: StreamEvent }).event : undefined });
      expectObservable(stream, '---^-------!').toBe('------c----', { c: (signals['c'] as { event: StreamEvent }).event });
      expectSubscriptions(connection.subscriptions).toBe('^----------!');
    });
  });

  it('opens a fresh connection for a subscriber that comes after the last one left', () => {
    const ts = runner();
    ts.run(({ cold, expectObservable, expectSubscriptions }) => {
      const connection = cold('o-a', signals);
      const stream = streamOf(ts, connection);
      expectObservable(stream, '^--!').toBe('--a', { a: (signals['a'] as { event: StreamEvent }).event });
      expectObservable(stream, '-----^--!').toBe('-------a', { a: (signals['a'] as { event: StreamEvent }).event });
      expectSubscriptions(connection.subscriptions).toBe(['^--!', '-----^--!']);
    });
  });

  it('reports connecting, open, reconnecting (attempt and wait) and closed on status$', () => {
    const ts = runner();
    ts.run(({ cold, expectObservable }) => {
      const connection = cold('o--#', signals, drop);
      const stream = streamOf(ts, connection);
      const states: StreamStatus[] = [];
      stream.status$.subscribe((s) => states.push(s));
      expectObservable(stream, '^ 1500ms !').toBe('');
      ts.flush();
      assert.deepEqual(states, [
        { state: 'closed' }, { state: 'connecting' }, { state: 'open' },
        { state: 'reconnecting', attempt: 1, delay_ms: 1000, error: drop },
        { state: 'connecting' }, { state: 'open' },
        // opening proves nothing (it delivered nothing and lasted 3 ms): the second wait is longer
        { state: 'reconnecting', attempt: 2, delay_ms: 2000, error: drop },
        { state: 'closed' },
      ]);
    });
  });

  it('starts the waits over only after a connection that delivered and stayed open 5 s', () => {
    const ts = runner();
    ts.run(({ cold, expectObservable }) => {
      let n = 0;
      // two that open and fail at once, one that heartbeats and lasts 6 s, then one that fails again
      const attempts = [cold('o#', signals, drop), cold('o#', signals, drop), cold('o-h 6s #', signals, drop), cold('o#', signals, drop)];
      const stream = new MastodonStream({
        api: {} as Mastodon, target, connect: () => attempts[Math.min(n++, 3)]!, scheduler: ts, catchUpSources: [],
        options: { timeout: 100, initial_delay: 1, jitter: 0 },
      });
      const waits: number[] = [];
      stream.status$.subscribe((s) => { if (s.state === 'reconnecting') waits.push(s.delay_ms); });
      expectObservable(stream, '^ 20s !').toBe('');
      ts.flush();
      assert.deepEqual(waits.slice(0, 5), [1000, 2000, 1000, 2000, 4000]);
    });
  });

  it('lets the waits grow to max_delay against a server that accepts and closes every connection at once', () => {
    const ts = runner();
    ts.run(({ cold, expectObservable, expectSubscriptions }) => {
      // it even sends a heartbeat (`:)`) before closing
      const connection = cold('oh#', signals, drop);
      const stream = streamOf(ts, connection, { max_delay: 8 });
      const waits: number[] = [];
      stream.status$.subscribe((s) => { if (s.state === 'reconnecting') waits.push(s.delay_ms); });
      expectObservable(stream, '^ 60s !').toBe('');
      ts.flush();
      assert.deepEqual(waits.slice(0, 7), [1000, 2000, 4000, 8000, 8000, 8000, 8000]);
      // 1 + 2 + 4 + 8 × 5 s of waiting leaves room for 9 connections in a minute, not hundreds
      expectSubscriptions(connection.subscriptions).toBe([
        '^ 1ms !', '1002ms ^ 1ms !', '3004ms ^ 1ms !', '7006ms ^ 1ms !', '15008ms ^ 1ms !', '23010ms ^ 1ms !',
        '31012ms ^ 1ms !', '39014ms ^ 1ms !', '47016ms ^ 1ms !', '55018ms ^ 1ms !',
      ]);
    });
  });

  it('times out a stalled connection and reconnects', () => {
    const ts = runner();
    ts.run(({ cold, expectSubscriptions, expectObservable }) => {
      const connection = cold('o h', signals);  // then silence
      const stream = streamOf(ts, connection, { timeout: 5 });
      expectObservable(stream, '^ 7000ms !').toBe('');
      // silent after the heartbeat at frame 1: read timeout at 5001, wait 1 s, reconnect at 6001
      expectSubscriptions(connection.subscriptions).toBe(['^ 5000ms !', '6001ms ^ 999ms !']);
    });
  });

  it('counts 45 s without a byte as a stall by default: three of the server\'s 15 s heartbeats', () => {
    const ts = runner();
    ts.run(({ cold, expectSubscriptions, expectObservable }) => {
      const connection = cold('o', signals);  // then silence
      const stream = new MastodonStream({
        api: {} as Mastodon, target, connect: () => connection, scheduler: ts, catchUpSources: [], options: { initial_delay: 1, jitter: 0 },
      });
      expectObservable(stream, '^ 50s !').toBe('');
      expectSubscriptions(connection.subscriptions).toBe(['^ 44999ms !', '46s ^ 4000ms !']);
    });
  });

  it('ticks heartbeat$ for each heartbeat', () => {
    const ts = runner();
    ts.run(({ cold, expectObservable }) => {
      const stream = streamOf(ts, cold('o-h-h', signals));
      expectObservable(stream.heartbeat$, '^----!').toBe('--x-x', { x: undefined });
      expectObservable(stream, '^----!').toBe('');
    });
  });
});

describe('StreamListener adapters', () => {
  it('dispatches events to on_… methods (dots to underscores), unknown ones to on_unknown_event', () => {
    const ts = runner();
    const calls: unknown[][] = [];
    class Recorder extends StreamListener {
      override on_update(status: Status): void { calls.push(['update', status.id]); }
      override on_delete(id: string): void { calls.push(['delete', id]); }
      override on_status_update(status: Status): void { calls.push(['status_update', status.id]); }
      override on_filters_changed(): void { calls.push(['filters_changed']); }
      override on_unknown_event(name: string, payload?: unknown): void { calls.push(['unknown', name, payload]); }
      override handle_heartbeat(): void { calls.push(['heartbeat']); }
      on_brand_new(payload: unknown): void { calls.push(['brand_new', payload]); }
    }
    const events: Record<string, ConnectionSignal> = {
      o: { kind: 'open' }, h: { kind: 'heartbeat' },
      u: { kind: 'event', event: update('5') },
      d: { kind: 'event', event: decodeEvent('delete', '109252111498807689', ['public']) },
      s: { kind: 'event', event: decodeEvent('status.update', '{"id":"5","account":{"acct":"a"}}', ['public']) },
      f: { kind: 'event', event: decodeEvent('filters_changed', 'undefined', ['user']) },
      n: { kind: 'event', event: decodeEvent('brand.new', '{"x":1}', ['public']) },
      m: { kind: 'event', event: decodeEvent('mystery', '"?"', ['public']) },
    };
    const seen: boolean[] = [];
    let handle: ReturnType<typeof attachListener> | undefined;
    ts.run(({ cold }) => {
      handle = attachListener(streamOf(ts, cold('ohudsfnm', events)), new Recorder());
      ts.schedule(() => {
        seen.push(handle!.is_alive(), handle!.is_receiving());
        handle!.close();
      }, 100);
    });
    assert.deepEqual(seen, [true, true]);
    assert.deepEqual(calls, [
      ['heartbeat'], ['update', '5'], ['delete', '109252111498807689'], ['status_update', '5'], ['filters_changed'],
      ['brand_new', { x: 1 }], ['unknown', 'mystery', '?'],
    ]);
    assert.equal(handle!.is_alive(), false);
    assert.equal(handle!.is_receiving(), false);
  });

  it('CallbackStreamListener calls local_update_handler for local accounts only, and on_abort on failures', () => {
    const ts = runner();
    const all: string[] = [];
    const local: string[] = [];
    const aborts: unknown[] = [];
    const events: Record<string, ConnectionSignal> = {
      o: { kind: 'open' },
      l: { kind: 'event', event: update('1', 'alice') },
      r: { kind: 'event', event: update('2', 'bob@remote.example') },
    };
    let handle: ReturnType<typeof attachListener> | undefined;
    ts.run(({ cold }) => {
      const stream = streamOf(ts, cold('olr#', events, drop), { reconnect: false });
      handle = attachListener(stream, new CallbackStreamListener({
        update_handler: (s) => all.push(s.id), local_update_handler: (s) => local.push(s.id), abort_handler: (e) => aborts.push(e),
      }));
    });
    assert.deepEqual(all, ['1', '2']);
    assert.deepEqual(local, ['1']);
    assert.deepEqual(aborts, [drop]);
    assert.equal(handle!.is_alive(), false);
  });
});
