import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { firstValueFrom } from 'rxjs';
import { Mastodon, MastodonNotFoundError, MastodonRateLimitError, MastodonUnauthorizedError, parseLinkHeader } from '../../src/index.js';
import { tableRouteKeys, type FakeStatus } from '../../src/testing/index.js';
import { clientFor, useFakeServer } from '../support/fake.js';

describe('the fake server', () => {
  const fake = useFakeServer();

  it('answers every route of the endpoint tables', () => {
    const answered = new Set(fake.server.routeKeys);
    const missing = tableRouteKeys().filter((key) => !answered.has(key));
    assert.deepEqual(missing, []);
  });

  it('deleting a status deletes its boosts too, each announced', async () => {
    const author = clientFor(fake.server, 'boosted');
    const booster = clientFor(fake.server, 'booster');
    const original = await firstValueFrom(author.toot('boost me'));
    const boost = await firstValueFrom(booster.statusReblog(original));
    const deleted: string[] = [];
    const stop = fake.server.store.listen((change) => { if (change.type === 'status.deleted') deleted.push((change['status'] as FakeStatus).id); });
    try {
      await firstValueFrom(author.statusDelete(original));
    } finally {
      stop();
    }
    assert.deepEqual(deleted, [boost.id, original.id]);
    await assert.rejects(firstValueFrom(booster.status(boost.id)), MastodonNotFoundError);
    const home = await firstValueFrom(booster.timelineHome());
    assert.ok(!home.some((s) => s.id === boost.id || s.reblog?.id === original.id));
  });

  it('serves pages with real Link headers that lead to older and newer items', async () => {
    const api = clientFor(fake.server, 'pager');
    for (let i = 0; i < 5; i++) await firstValueFrom(api.toot(`post ${i}`));
    const first = await firstValueFrom(api.timelineHome({ limit: 2 }));
    assert.deepEqual(first.map((s) => s.content), ['<p>post 4</p>', '<p>post 3</p>']);
    const next = new URL(first._pagination_next!.url);
    assert.equal(next.searchParams.get('max_id'), first[1]!.id);
    assert.equal(next.searchParams.get('limit'), '2');
    assert.equal(new URL(first._pagination_prev!.url).searchParams.get('min_id'), first[0]!.id);
    const older = await firstValueFrom(api.apiRequest<typeof first>({ method: 'GET', path: first._pagination_next!.url, result: 'page' }));
    assert.deepEqual(older.map((s) => s.content), ['<p>post 2</p>', '<p>post 1</p>']);
    const raw = fake.server.requestsTo('GET /api/v1/timelines/home').length;
    assert.ok(raw >= 2);
    assert.equal(parseLinkHeader(undefined).length, 0);
  });

  it('reports its rate limit and answers 429 past it', async () => {
    const api = clientFor(fake.server, 'limited', { ratelimit_method: 'throw' });
    fake.server.setRateLimit(3, 300);
    try {
      await firstValueFrom(api.me());
      assert.equal(api.ratelimit_limit, 3);
      assert.equal(api.ratelimit_remaining, 2);
      assert.ok(api.ratelimit_reset > Date.now() / 1000 - 1);
      await firstValueFrom(api.me());
      await firstValueFrom(api.me());
      await assert.rejects(firstValueFrom(api.me()), MastodonRateLimitError);
    } finally {
      fake.server.setRateLimit(300, 300);
    }
  });

  it('refuses user routes without a valid token, and answers public ones as if none was sent, as Mastodon does', async () => {
    const anonymous = new Mastodon({ api_base_url: fake.server.url, version_check_mode: 'none' });
    await assert.rejects(firstValueFrom(anonymous.timelineHome()), MastodonUnauthorizedError);
    const forged = new Mastodon({ api_base_url: fake.server.url, access_token: 'forged', version_check_mode: 'none' });
    await assert.rejects(firstValueFrom(forged.timelineHome()), MastodonUnauthorizedError);
    assert.equal((await firstValueFrom(forged.instance())).version, '4.0.2');
  });

  it('lets a test answer in a route\'s place', async () => {
    const api = clientFor(fake.server, 'intercepted');
    const remove = fake.server.intercept((req) => req.route === 'GET /api/v1/instance/' ? { status: 200, json: { version: '9.9.9' } } : undefined);
    try {
      assert.equal((await firstValueFrom(api.instanceV1())).version, '9.9.9');
    } finally {
      remove();
    }
    assert.equal((await firstValueFrom(api.instanceV1())).version, '4.0.2');
  });
});
