import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { firstValueFrom, forkJoin } from 'rxjs';
import { Mastodon, MastodonIllegalArgumentError, MastodonVersionError, parseVersion, versionAtLeast } from '../../src/index.js';
import { FakeMastodon } from '../../src/testing/index.js';
import { json, startLoopback } from '../support/loopback.js';

describe('version strings', () => {
  const cases: [string, [number, number, number]][] = [
    ['4.0.2', [4, 0, 2]],
    ['4.0.2+glitch', [4, 0, 2]],
    ['3.5.3+hometown-1.0.7', [3, 5, 3]],
    ['2.7.2 (compatible; Pleroma 2.4.5)', [2, 7, 2]],
    ['4.7.0-alpha.2+pr-123', [4, 7, 0]],
    ['4.0.0rc1', [4, 0, 0]],
    ['1.0.0+3.5.2', [3, 5, 2]],
  ];
  for (const [text, expected] of cases) {
    it(`${text} → ${expected.join('.')}`, () => assert.deepEqual(parseVersion(text), expected));
  }
  it('rejects what is not a version', () => {
    for (const bad of ['', '4', '4.0', 'four.zero.two', '.1.2']) assert.throws(() => parseVersion(bad), MastodonIllegalArgumentError, bad);
  });
  it('compares part by part', () => {
    assert.ok(versionAtLeast([4, 0, 2], [3, 5, 5]));
    assert.ok(versionAtLeast([3, 5, 5], [3, 5, 5]));
    assert.ok(!versionAtLeast([3, 4, 9], [3, 5, 0]));
    assert.ok(!versionAtLeast([2, 10, 0], [10, 0, 0]));
  });
  it('tells apart versions that differ only in the patch number', () => {
    assert.ok(!versionAtLeast([3, 5, 4], [3, 5, 5]));
    assert.ok(versionAtLeast([3, 5, 6], [3, 5, 5]));
    assert.ok(!versionAtLeast(parseVersion('4.0.1+glitch'), parseVersion('4.0.2')));
  });
});

describe('version checks against the server', () => {
  it('fetches the version once, shared by concurrent first calls', async () => {
    const server = await FakeMastodon.start({ version: '4.0.2+glitch' });
    try {
      const { token } = server.createUser('v1');
      const api = new Mastodon({ api_base_url: server.url, access_token: token });
      await firstValueFrom(forkJoin([api.me(), api.timelineHome(), api.instance(), api.me()]));
      await firstValueFrom(api.me());
      assert.equal(api.mastodon_version, '4.0.2');
      // one for the version, one for api.instance() itself
      assert.equal(server.requestsTo('GET /api/v1/instance/').length, 2);
    } finally {
      await server.close();
    }
  });

  it('refuses endpoints newer than the server, in created and changed modes; none checks nothing', async () => {
    const api = (mode: 'created' | 'changed' | 'none', version: string): Mastodon =>
      new Mastodon({ api_base_url: 'https://m.example', version_check_mode: mode, mastodon_version: version, session: { handle: () => { throw new Error('must not send'); } } });
    const error = await firstValueFrom(api('created', '3.3.0').emailResendConfirmation()).catch((e: unknown) => e);
    assert.ok(error instanceof MastodonVersionError);
    assert.match(error.message, /Need version 3\.4\.0/);
    // status changed last in 2.0.0: fine when created, refused when checking for changes on 1.5.0
    await assert.rejects(firstValueFrom(api('changed', '1.5.0').status('1')), MastodonVersionError);
    await assert.rejects(firstValueFrom(api('created', '1.5.0').status('1')), /must not send/);
    await assert.rejects(firstValueFrom(api('none', '0.1.0').emailResendConfirmation()), /must not send/);
  });

  it('refuses an endpoint on a server one patch release older than the endpoint, in both modes', async () => {
    // GET /api/v1/instance/peers came with 2.1.2 and last changed then.
    const sent: string[] = [];
    const api = (mode: 'created' | 'changed', version: string): Mastodon => new Mastodon({
      api_base_url: 'https://m.example', version_check_mode: mode, mastodon_version: version,
      session: { handle: (request) => { sent.push(`${mode} ${version}`); throw new Error(`sent ${request.url}`); } },
    });
    for (const mode of ['created', 'changed'] as const) {
      const refused = await firstValueFrom(api(mode, '2.1.1').instancePeers()).catch((e: unknown) => e);
      assert.ok(refused instanceof MastodonVersionError, `${mode} 2.1.1`);
      assert.match(refused.message, /Need version 2\.1\.2/);
      for (const version of ['2.1.2', '2.1.3']) await assert.rejects(firstValueFrom(api(mode, version).instancePeers()), /sent https:\/\/m\.example\/api\/v1\/instance\/peers/);
    }
    assert.deepEqual(sent, ['created 2.1.2', 'created 2.1.3', 'changed 2.1.2', 'changed 2.1.3']);
  });

  it('a failed version fetch fails the call and is tried again by the next one', async () => {
    let fail = true;
    const server = await startLoopback((req, res) => {
      if (req.url.startsWith('/api/v1/instance')) {
        if (fail) json(res, { error: 'down' }, 503);
        else json(res, { version: '3.5.5' });
      } else json(res, { id: '1' });
    });
    try {
      const api = new Mastodon({ api_base_url: server.url });
      await assert.rejects(firstValueFrom(api.status('1')));
      fail = false;
      assert.equal((await firstValueFrom(api.status('1'))).id, '1');
      assert.equal(await firstValueFrom(api.verifyMinimumVersion('3.5.0', { cached: true })), true);
      assert.equal(await firstValueFrom(api.verifyMinimumVersion('4.0.0')), false);
      assert.equal(await firstValueFrom(api.retrieveMastodonVersion()), '3.5.5');
    } finally {
      await server.close();
    }
  });

  it('retrieveMastodonVersion emits 1.0.0 for a server that does not say its version, or fails with fail_hard', async () => {
    let answer: 'down' | 'no version' | 'up' = 'down';
    const server = await startLoopback((req, res) => {
      if (answer === 'down') json(res, { error: 'down' }, 503);
      else json(res, answer === 'up' ? { version: '4.5.1' } : { title: 'no version here' });
    });
    try {
      const api = new Mastodon({ api_base_url: server.url, request_timeout: 5_000 });
      assert.equal(await firstValueFrom(api.retrieveMastodonVersion()), '1.0.0');
      await assert.rejects(firstValueFrom(api.retrieveMastodonVersion({ fail_hard: true })), /503|down|Unavailable/i);
      answer = 'no version';
      assert.equal(await firstValueFrom(api.retrieveMastodonVersion({ fail_hard: false })), '1.0.0');
      await assert.rejects(firstValueFrom(api.retrieveMastodonVersion({ fail_hard: true })), /did not say its version/);
      // 1.0.0 is not remembered: the next ask reaches the server again.
      answer = 'up';
      assert.equal(await firstValueFrom(api.retrieveMastodonVersion()), '4.5.1');
      assert.equal(api.mastodon_version, '4.5.1');
    } finally {
      await server.close();
    }
  });

  it('retrieveMastodonVersion refuses a fail_hard that is not a boolean, without asking', async () => {
    const sent: string[] = [];
    const api = new Mastodon({ api_base_url: 'https://m.example', session: { handle: (request) => { sent.push(request.url); throw new Error('sent'); } } });
    await assert.rejects(firstValueFrom(api.retrieveMastodonVersion({ fail_hard: 'yes' as unknown as boolean })), MastodonIllegalArgumentError);
    assert.deepEqual(sent, []);
  });
});

describe('feature sets', () => {
  it('content_type needs pleroma and quote_id fedibird', async () => {
    const api = (feature_set: 'mainline' | 'pleroma' | 'fedibird'): Mastodon =>
      new Mastodon({ api_base_url: 'https://m.example', version_check_mode: 'none', feature_set, session: { handle: () => { throw new Error('sent'); } } });
    await assert.rejects(firstValueFrom(api('mainline').statusPost('x', { content_type: 'text/markdown' })), MastodonIllegalArgumentError);
    await assert.rejects(firstValueFrom(api('pleroma').statusPost('x', { content_type: 'text/markdown' })), /sent/);
    await assert.rejects(firstValueFrom(api('pleroma').statusPost('x', { quote_id: '1' })), MastodonIllegalArgumentError);
    await assert.rejects(firstValueFrom(api('fedibird').statusPost('x', { quote_id: '1' })), /sent/);
  });
});
