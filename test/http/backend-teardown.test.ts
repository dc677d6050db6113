import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { firstValueFrom } from 'rxjs';
import { Agent, type Dispatcher } from 'undici';
import { FetchBackend, UndiciBackend } from '../../src/index.js';
import { json, startLoopback } from '../support/loopback.js';
import { within } from '../support/deadline.js';

/** An agent that counts the requests it dispatches and the aborts their handlers ask for. */
class AbortRecordingAgent extends Agent {
  dispatched = 0;
  aborts = 0;
  private onAbort: () => void = () => {};
  /** Resolves at the next abort. */
  nextAbort(): Promise<void> {
    return new Promise((resolve) => { this.onAbort = resolve; });
  }
  override dispatch(options: Dispatcher.DispatchOptions, handler: Dispatcher.DispatchHandler): boolean {
    this.dispatched += 1;
    const onRequestStart = handler.onRequestStart?.bind(handler);
    handler.onRequestStart = (controller, context) => {
      const abort = controller.abort.bind(controller);
      controller.abort = (reason: Error) => {
        this.aborts += 1;
        abort(reason);
        this.onAbort();
      };
      onRequestStart?.(controller, context);
    };
    return super.dispatch(options, handler);
  }
}

describe('backend teardown after an answer', () => {
  it('undici: an answered request is not aborted when the subscriber leaves', async () => {
    const server = await startLoopback((_req, res) => json(res, { ok: true }));
    const agent = new AbortRecordingAgent();
    try {
      const response = await firstValueFrom(new UndiciBackend({ dispatcher: agent }).handle({ method: 'GET', url: `${server.url}/x`, headers: {} }));
      assert.equal(response.status, 200);
      assert.equal(response.statusText, 'OK');
      assert.equal(agent.dispatched, 1);
      assert.equal(agent.aborts, 0);
    } finally {
      await agent.close();
      await server.close();
    }
  });

  it('undici: a request left before it reached a socket is aborted as soon as it does, and nothing is delivered', async () => {
    let received = 0;
    const server = await startLoopback((_req, res) => { received += 1; json(res, { ok: true }); });
    const agent = new AbortRecordingAgent();
    try {
      const aborted = agent.nextAbort();
      const subscription = new UndiciBackend({ dispatcher: agent }).handle({ method: 'GET', url: `${server.url}/x`, headers: {} })
        .subscribe({ next: () => assert.fail('no response after unsubscribe'), error: () => assert.fail('no error after unsubscribe') });
      subscription.unsubscribe();
      await within(aborted, 5_000, 'undici aborted the request');
      assert.equal(agent.aborts, 1);
      assert.equal(received, 0);
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
