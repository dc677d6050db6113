import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { firstValueFrom } from 'rxjs';
import { Agent, type Dispatcher } from 'undici';
import { FetchBackend, UndiciBackend } from '../../src/index.js';
import { json, startLoopback } from '../support/loopback.js';

/** An agent that remembers the abort signal of every request it dispatches. */
class SignalRecordingAgent extends Agent {
  readonly signals: AbortSignal[] = [];
  override dispatch(options: Dispatcher.DispatchOptions, handler: Dispatcher.DispatchHandler): boolean {
    const signal = (options as { signal?: AbortSignal }).signal;
    if (signal) this.signals.push(signal);
    return super.dispatch(options, handler);
  }
}

describe('backend teardown after an answer', () => {
  it('undici: the signal of an answered request is left alone when the subscriber leaves', async () => {
    const server = await startLoopback((_req, res) => json(res, { ok: true }));
    const agent = new SignalRecordingAgent();
    try {
      const response = await firstValueFrom(new UndiciBackend({ dispatcher: agent }).handle({ method: 'GET', url: `${server.url}/x`, headers: {} }));
      assert.equal(response.status, 200);
      assert.equal(agent.signals.length, 1);
      assert.equal(agent.signals[0]!.aborted, false);
    } finally {
      await agent.close();
      await server.close();
    }
  });

  it('fetch: the signal of an answered request is left alone when the subscriber leaves', async () => {
    const signals: AbortSignal[] = [];
    const backend = new FetchBackend(async (_url, init) => {
      signals.push(init!.signal!);
      return new Response('{"ok":true}', { status: 200 });
    });
    const response = await firstValueFrom(backend.handle({ method: 'GET', url: 'http://127.0.0.1:1/x', headers: {} }));
    assert.equal(response.body, '{"ok":true}');
    assert.equal(signals[0]!.aborted, false);
  });
});
