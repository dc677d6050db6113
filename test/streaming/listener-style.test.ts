import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CallbackStreamListener, StreamListener, type Status } from '../../src/index.js';
import { fakeStreaming } from '../../src/testing/index.js';
import { clientFor, useFakeServer } from '../support/fake.js';
import { eventually } from './support.js';

describe('stream methods called with a listener, as Mastodon.py code does', { timeout: 20000 }, () => {
  const fake = useFakeServer();

  it('streamLocal(listener, { run_async, reconnect_async }) attaches it and returns a live handle', async () => {
    const { server } = fake;
    const api = clientFor(server, 'py_listener');
    const me = server.store.userByLogin('py_listener')!.account;
    const updates: Status[] = [];
    const handle = api.streamLocal(new CallbackStreamListener({ update_handler: (status) => updates.push(status) }), {
      run_async: true, reconnect_async: true, reconnect_async_wait_sec: 0.01,
    });
    await eventually(() => handle.is_receiving());
    const posted = server.store.addStatus(me, 'heard by a listener');
    await eventually(() => updates.length === 1);
    assert.equal(updates[0]!.id, posted.id);

    fakeStreaming(server.store).dropAll();
    await eventually(() => handle.is_receiving() && fakeStreaming(server.store).openConnections > 0);
    server.store.addStatus(me, 'after the drop');
    await eventually(() => updates.length === 2);
    assert.ok(handle.is_alive());
    handle.close();
    assert.equal(handle.is_alive(), false);
  });

  it('without reconnect_async the first failure ends the handle, and on_abort hears it', async () => {
    const { server } = fake;
    const api = clientFor(server, 'py_listener_once');
    const aborts: unknown[] = [];
    class Recorder extends StreamListener {
      override on_abort(error: unknown): void { aborts.push(error); }
    }
    const handle = api.streamHashtag('cats', new Recorder());
    await eventually(() => handle.is_receiving());
    fakeStreaming(server.store).dropAll();
    await eventually(() => !handle.is_alive());
    assert.ok(aborts.length >= 1);
  });
});

describe('stream requests identify the client', { timeout: 20000 }, () => {
  const fake = useFakeServer();

  it('send the client\'s User-Agent, as its REST requests do', async () => {
    const { server } = fake;
    const api = clientFor(server, 'ua_streamer', { user_agent: 'tests/9' });
    const subscription = api.streamLocal({ catch_up: false }).subscribe();
    try {
      await eventually(() => server.requests.some((r) => r.path.startsWith('/api/v1/streaming/public')));
      const request = server.requests.find((r) => r.path.startsWith('/api/v1/streaming/public'))!;
      assert.equal(request.headers['user-agent'], 'tests/9');
    } finally {
      subscription.unsubscribe();
    }
  });
});
