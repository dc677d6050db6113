import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { firstValueFrom, forkJoin } from 'rxjs';
import {
  call, Mastodon, MastodonClient, MastodonIllegalArgumentError, MastodonServerError, MastodonVersionError, page, parseVersion, row,
  versionAtLeast, type Status,
} from '../../src/index.js';
import { formatVersion } from '../../src/versions/version.js';
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
      assert.equal(api.mastodon_api_version, 0, '4.0 says no API level');
      // one for the version, one for api.instance() itself, which reads v2 on 4.0
      assert.equal(server.requestsTo('GET /api/v2/instance/').length, 2);
      assert.equal(server.requestsTo('GET /api/v1/instance/').length, 0);
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

describe('the server version and API feature level, from instance v2', () => {
  /** A row that needs API level 7 (quotes came with it), sent through the home timeline's route. */
  const needsLevel7 = row('GET /api/v1/timelines/home', { created: '4.0.0', api_version: 7, returns: page<Status> });

  it('are read from instance v2 in one request', async () => {
    const server = await FakeMastodon.start({ version: '4.5.1' });
    try {
      const api = new MastodonClient({ api_base_url: server.url, access_token: server.createUser('lvl1').token });
      assert.equal(formatVersion(await firstValueFrom(api.serverVersion())), '4.5.1');
      assert.equal(api.mastodon_api_version, 7);
      await firstValueFrom(call(api, needsLevel7, []));
      assert.deepEqual(server.requests.map((r) => r.route), ['GET /api/v2/instance/', 'GET /api/v1/timelines/home']);
    } finally {
      await server.close();
    }
  });

  it('come from instance v1 on servers without v2 (before 4.0), where the level is 0', async () => {
    const server = await FakeMastodon.start({ version: '3.5.5' });
    try {
      const api = new Mastodon({ api_base_url: server.url, access_token: server.createUser('lvl2').token });
      assert.equal(await firstValueFrom(api.retrieveMastodonVersion()), '3.5.5');
      assert.equal(api.mastodon_api_version, 0);
      assert.deepEqual(server.requests.map((r) => r.path), ['/api/v2/instance/', '/api/v1/instance/'], 'v2 answered 404');
    } finally {
      await server.close();
    }
  });

  it('refuse a row that needs a higher API level before sending it, in both check modes; none checks nothing', async () => {
    const server = await FakeMastodon.start({ version: '4.4.3' });
    try {
      const { token } = server.createUser('lvl3');
      for (const mode of ['created', 'changed'] as const) {
        const api = new MastodonClient({ api_base_url: server.url, access_token: token, version_check_mode: mode });
        const refused = await firstValueFrom(call(api, needsLevel7, [])).catch((e: unknown) => e);
        assert.ok(refused instanceof MastodonVersionError, mode);
        assert.match(refused.message, /Need API version 7, server has 5/);
      }
      assert.equal(server.requestsTo('GET /api/v1/timelines/home').length, 0);
      const unchecked = new MastodonClient({ api_base_url: server.url, access_token: token, version_check_mode: 'none' });
      await firstValueFrom(call(unchecked, needsLevel7, []));
      assert.equal(server.requestsTo('GET /api/v1/timelines/home').length, 1);
      assert.equal(server.requestsTo('GET /api/v2/instance/').length, 2, 'one fetch per checking client, none for none');
    } finally {
      await server.close();
    }
  });

  it('a version given to the constructor still fetches the level, once, for a row that needs one', async () => {
    const server = await FakeMastodon.start({ version: '4.5.0' });
    try {
      const api = new MastodonClient({ api_base_url: server.url, access_token: server.createUser('lvl4').token, mastodon_version: '4.5.0' });
      await firstValueFrom(api.versionCheck('4.0.0'));
      assert.equal(server.requests.length, 0, 'the given version answers a version check');
      await firstValueFrom(forkJoin([call(api, needsLevel7, []), call(api, needsLevel7, [])]));
      await firstValueFrom(api.versionCheck(undefined, undefined, 7));
      assert.equal(server.requestsTo('GET /api/v2/instance/').length, 1);
      await assert.rejects(firstValueFrom(api.versionCheck(undefined, undefined, 8)), MastodonVersionError);
    } finally {
      await server.close();
    }
  });

  it('a failing instance v2 fails the check without asking v1, and the next call asks again', async () => {
    let down = true;
    const server = await startLoopback((req, res) => {
      if (req.url.startsWith('/api/v2/instance')) {
        if (down) json(res, { error: 'down' }, 503);
        else json(res, { version: '4.3.0', api_versions: { mastodon: 2 } });
      } else json(res, { id: '1' });
    });
    try {
      const api = new Mastodon({ api_base_url: server.url });
      await assert.rejects(firstValueFrom(api.status('1')), MastodonServerError);
      assert.deepEqual(server.seen.map((r) => r.url), ['/api/v2/instance/']);
      down = false;
      assert.equal((await firstValueFrom(api.status('1'))).id, '1');
      assert.equal(api.mastodon_api_version, 2);
    } finally {
      await server.close();
    }
  });

  it('a non-JSON answer at /api/v2/instance (a web page) falls back to v1, and a forgotten version is asked again', async () => {
    const server = await startLoopback((req, res) => {
      if (req.url.startsWith('/api/v2/')) {
        res.writeHead(200, { 'content-type': 'text/html' }).end('<!DOCTYPE html><p>app</p>');
      } else json(res, { version: '3.4.1' });
    });
    try {
      const api = new Mastodon({ api_base_url: server.url });
      assert.equal(await firstValueFrom(api.retrieveMastodonVersion()), '3.4.1');
      await firstValueFrom(api.versionCheck('3.0.0'));
      assert.equal(server.seen.length, 2);
      api.forgetServerVersion();
      assert.equal(api.mastodon_version, undefined);
      await firstValueFrom(api.versionCheck('3.0.0'));
      assert.equal(server.seen.length, 4);
    } finally {
      await server.close();
    }
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
