import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { firstValueFrom, Subscription } from 'rxjs';
import { take, toArray } from 'rxjs/operators';
import { Mastodon, MastodonMalformedEventError, MastodonRateLimitError, MastodonUnauthorizedError, type StreamStatus } from '../../src/index.js';
import { FakeMastodon, fakeStreaming } from '../../src/testing/index.js';
import { clientFor, useFakeServer } from '../support/fake.js';
import { eventually, firstOf } from './support.js';

const fast = { timeout: 2, initial_delay: 0.01, max_delay: 0.05, catch_up: false } as const;

describe('SSE streams against the fake server', { timeout: 20000 }, () => {
  const fake = useFakeServer();

  it('delivers a new status as a typed update event with dates revived', async () => {
    const { server } = fake;
    const api = clientFor(server, 'sse_alice');
    const me = server.store.userByLogin('sse_alice')!.account;
    const stream = api.streamUser(fast);
    const received = firstOf(stream, 'update', 1);
    await eventually(() => fakeStreaming(server.store).openConnections > 0);
    const posted = server.store.addStatus(me, 'hello stream');
    const [event] = await received;
    assert.equal(event!.payload.id, posted.id);
    assert.ok(event!.payload.created_at instanceof Date);
    assert.deepEqual(event!.stream, ['user']);
  });

  it('shares one connection among subscribers and closes it when the last leaves', async () => {
    const { server } = fake;
    const control = fakeStreaming(server.store);
    const api = clientFor(server, 'sse_share');
    const before = control.connectionsOpened;
    const stream = api.streamLocal(fast);
    const a = stream.subscribe();
    const b = stream.subscribe();
    await eventually(() => control.connectionsOpened === before + 1);
    a.unsubscribe();
    assert.equal(control.connectionsOpened, before + 1);
    b.unsubscribe();
    await eventually(() => control.connections.every((c) => !c.streams().includes('public:local')));
    const c = stream.subscribe();
    await eventually(() => control.connectionsOpened === before + 2);
    c.unsubscribe();
  });

  it('counts heartbeats (the `:)` preamble and `:thump`) on heartbeat$', async () => {
    const { server } = fake;
    fakeStreaming(server.store).heartbeatEvery(10);
    const api = clientFor(server, 'sse_beat');
    const stream = api.streamPublic(fast);
    const sub = stream.subscribe();
    const beats = await firstValueFrom(stream.heartbeat$.pipe(take(3), toArray()));
    assert.equal(beats.length, 3);
    sub.unsubscribe();
    fakeStreaming(server.store).heartbeatEvery(15000);
  });

  it('ends with MastodonUnauthorizedError on a bad token, without retrying', async () => {
    const { server } = fake;
    const api = new Mastodon({ api_base_url: server.url, access_token: 'not-a-token', version_check_mode: 'none' });
    const opened = fakeStreaming(server.store).connectionsOpened;
    const before = server.requestsTo('GET /api/v1/streaming/user').length;
    const error = await firstValueFrom(api.streamUser(fast)).catch((e: unknown) => e);
    assert.ok(error instanceof MastodonUnauthorizedError, String(error));
    // The standard status text where undici's request gives none, as over WebSocket.
    assert.match(error.message, /^Mastodon API returned error: 401 Unauthorized: /);
    assert.equal(server.requestsTo('GET /api/v1/streaming/user').length, before + 1);
    assert.equal(fakeStreaming(server.store).connectionsOpened, opened);
  });

  it('delivers unknown events and malformed ones without ending the stream', async () => {
    const { server } = fake;
    const api = clientFor(server, 'sse_odd');
    const me = server.store.userByLogin('sse_odd')!.account;
    const stream = api.streamUser(fast);
    const opened = fakeStreaming(server.store).connectionsOpened;
    const events = firstValueFrom(stream.pipe(take(3), toArray()));
    await eventually(() => fakeStreaming(server.store).connectionsOpened > opened);
    fakeStreaming(server.store).connections.at(-1)!.sendRaw('event: brand.new\ndata: {"id":"7"}\n\nevent: update\ndata: {broken\n\n');
    server.store.addStatus(me, 'still alive');
    const [unknown, malformed, update] = await events;
    assert.deepEqual(unknown, { type: 'unknown', event: 'brand.new', stream: ['user'], data: '{"id":"7"}', payload: { id: '7' } });
    assert.equal(malformed!.type, 'malformed');
    assert.ok(malformed!.type === 'malformed' && malformed!.error instanceof MastodonMalformedEventError);
    assert.equal(update!.type, 'update');
  });

  it("fails on a malformed event when asked to (malformed_events: 'error')", async () => {
    const { server } = fake;
    const api = clientFor(server, 'sse_strict');
    const stream = api.streamUser({ ...fast, malformed_events: 'error' });
    const opened = fakeStreaming(server.store).connectionsOpened;
    const result = firstValueFrom(stream.pipe(toArray())).catch((e: unknown) => e);
    await eventually(() => fakeStreaming(server.store).connectionsOpened > opened);
    fakeStreaming(server.store).connections.at(-1)!.sendRaw('event: notification\ndata: nope\n\n');
    assert.ok(await result instanceof MastodonMalformedEventError);
  });

  /** What status$ says of a direct stream whose first `times` attempts the server refuses with `status`, until it opens and is closed. */
  async function statesAfterRefusals(clientName: string, times: number, status: number): Promise<StreamStatus[]> {
    const { server } = fake;
    fakeStreaming(server.store).refuse(times, status);
    const stream = clientFor(server, clientName).streamDirect(fast);
    const states: StreamStatus[] = [];
    const watch = stream.status$.subscribe((s) => states.push(s));
    const sub = stream.subscribe();
    await eventually(() => states.some((s) => s.state === 'open'));
    sub.unsubscribe();
    watch.unsubscribe();
    return states;
  }

  it('reconnects after refused attempts and reports each in status$', async () => {
    const states = await statesAfterRefusals('sse_refused', 2, 503);
    const reconnecting = states.filter((s) => s.state === 'reconnecting');
    assert.deepEqual(reconnecting.map((s) => s.state === 'reconnecting' && s.attempt), [1, 2]);
    assert.equal(states.at(-1)!.state, 'closed');
  });

  it('reconnects after a refusal with 429 (rate limited), reporting MastodonRateLimitError on status$', async () => {
    const states = await statesAfterRefusals('sse_429', 1, 429);
    const reconnecting = states.filter((s) => s.state === 'reconnecting');
    assert.equal(reconnecting.length, 1);
    assert.ok(reconnecting[0]!.state === 'reconnecting' && reconnecting[0]!.error instanceof MastodonRateLimitError, String(reconnecting[0]));
  });

  it('sends the token only to the streaming host the server names', async () => {
    const { server } = fake;
    const streamingHost = await FakeMastodon.start();
    after(() => streamingHost.close());
    const remove = server.intercept((req) => req.route === 'GET /api/v1/instance/'
      ? { json: { version: '4.0.2', urls: { streaming_api: streamingHost.url.replace('http', 'ws') } } }
      : undefined);
    const sub = new Subscription();
    try {
      const { token } = server.createUser('sse_host');
      // The streaming host knows the same token (a shared database, as with a real Mastodon).
      streamingHost.store.tokens.set(token, server.store.tokens.get(token)!);
      const user = server.store.users.get(server.store.tokens.get(token)!.accountId!)!;
      streamingHost.store.users.set(user.account.id, user);
      const before = server.requestsTo('GET /api/v1/streaming/user').length;
      const api = new Mastodon({ api_base_url: server.url, access_token: token, version_check_mode: 'none' });
      sub.add(api.streamUser(fast).subscribe());
      await eventually(() => fakeStreaming(streamingHost.store).openConnections === 1);
      assert.equal(streamingHost.requestsTo('GET /api/v1/streaming/user')[0]!.headers['authorization'], `Bearer ${token}`);
      assert.equal(server.requestsTo('GET /api/v1/streaming/user').length, before);
    } finally {
      sub.unsubscribe();
      remove();
    }
  });

  for (const transport of ['sse', 'websocket'] as const) {
    it(`${transport}: an instance lookup answered 400 falls back to the API host and says so on status$`, async () => {
      const { server } = fake;
      const remove = server.intercept((req) => req.route === 'GET /api/v1/instance/' ? { status: 400, json: { error: 'nope' } } : undefined);
      try {
        const api = clientFor(server, `fallback_${transport}`);
        const stream = api.streamDirect({ ...fast, transport });
        const states: StreamStatus[] = [];
        const watch = stream.status$.subscribe((s) => states.push(s));
        const sub = stream.subscribe();
        await eventually(() => states.some((s) => s.state === 'open'));
        sub.unsubscribe();
        watch.unsubscribe();
        const fallback = states.find((s) => s.state === 'connecting' && s.fallback !== undefined);
        assert.ok(fallback?.state === 'connecting' && fallback.fallback?.host === server.url, JSON.stringify(states));
        assert.match(String(fallback.fallback.error), /400 Bad Request: nope/);
      } finally {
        remove();
      }
    });
  }

  it('checks the streaming health', async () => {
    const api = clientFor(fake.server, 'sse_health');
    assert.equal(await firstValueFrom(api.streamHealthy()), true);
  });

  it('refuses a hashtag with a leading # through the error channel', async () => {
    const api = clientFor(fake.server, 'sse_hash');
    const stream = api.streamHashtag('#cats');
    const error = await firstValueFrom(stream).catch((e: unknown) => e);
    assert.match(String(error), /omit leading #/);
  });

  it('streams only what a hashtag stream shows', async () => {
    const { server } = fake;
    const api = clientFor(server, 'sse_tag');
    const me = server.store.userByLogin('sse_tag')!.account;
    const opened = fakeStreaming(server.store).connectionsOpened;
    const got = firstOf(api.streamHashtag('cats', fast), 'update', 1);
    await eventually(() => fakeStreaming(server.store).connectionsOpened > opened);
    server.store.addStatus(me, 'dogs only');
    const cat = server.store.addStatus(me, 'I like #cats');
    assert.equal((await got)[0]!.payload.id, cat.id);
  });

});
