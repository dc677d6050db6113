import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { firstValueFrom } from 'rxjs';
import {
  Mastodon, MastodonNotFoundError, MastodonVersionError,
} from '../../src/index.js';
import { FakeMastodon, serverInfo } from '../../src/testing/index.js';
import { readJsonFixture } from '../support/fixtures.js';
import { clientFor, useFakeServer } from '../support/fake.js';

/** The keys of `documented` (an object, recursively; an array by its first item) that `served` lacks. */
function missingKeys(documented: unknown, served: unknown, at = ''): string[] {
  if (Array.isArray(documented)) {
    return documented.length > 0 && Array.isArray(served) && served.length > 0 ? missingKeys(documented[0], served[0], `${at}[0]`) : [];
  }
  if (typeof documented !== 'object' || documented === null) return [];
  if (typeof served !== 'object' || served === null) return [at];
  return Object.entries(documented).flatMap(([key, value]) => key in served
    ? missingKeys(value, (served as Record<string, unknown>)[key], `${at}.${key}`)
    : [`${at}.${key}`]);
}

describe('instance v2', () => {
  const fake = useFakeServer({ version: '4.5.0' });

  it('instanceV2 answers with every field of the documented example, the API level of 4.5 among them', async () => {
    const api = clientFor(fake.server, 'iv2a');
    const info = await firstValueFrom(api.instanceV2());
    const documented = readJsonFixture<Record<string, unknown>>('entity-examples-4.7/Instance.json');
    // The documentation's example misspells one key, as `max_display_name_lenth`; the server sends it right.
    const accounts = (documented['configuration'] as { accounts: Record<string, unknown> }).accounts;
    delete accounts['max_display_name_lenth'];
    // The contact is an account, whose fields are the accounts' business; translations are keyed by locale, data not shape.
    (documented['contact'] as Record<string, unknown>)['account'] = {};
    (documented['rules'] as Record<string, unknown>[])[0]!['translations'] = {};
    assert.equal(info.contact.account, null, 'no contact account until the admin names one');
    serverInfo(fake.server.store).contactUsername = 'iv2a';
    const named = await firstValueFrom(api.instanceV2());
    assert.deepEqual(missingKeys(documented, named), []);
    assert.equal(named.contact.account?.username, 'iv2a');
    assert.equal(named.domain, new URL(fake.server.url).host);
    assert.deepEqual(named.api_versions, { mastodon: 7 });
    assert.equal(named.configuration.urls.streaming, fake.server.url.replace(/^http/, 'ws'));
    serverInfo(fake.server.store).contactUsername = null;
  });

  it('reports the limits the fake server enforces', async () => {
    const api = clientFor(fake.server, 'iv2b');
    const { configuration } = await firstValueFrom(api.instanceV2());
    const poll = { options: ['a', 'b'], expires_in: configuration.polls.min_expiration - 1 };
    await assert.rejects(firstValueFrom(api.statusPost('too short a poll', { poll })), /Poll expiration is too short/);
    const tooLong = 'x'.repeat(configuration.accounts.max_display_name_length! + 1);
    await assert.rejects(firstValueFrom(api.accountUpdateCredentials({ display_name: tooLong })), /Display name is too long/);
    assert.ok(configuration.media_attachments.supported_mime_types.includes('image/png'));
    await assert.rejects(firstValueFrom(api.mediaPost(Buffer.from('plain text'), { mime_type: 'text/plain' })), /content type is invalid/);
  });

  it('instance() reads v2 on servers from 4.0 and v1 before, after one version request', async () => {
    const api = new Mastodon({ api_base_url: fake.server.url });
    const before = fake.server.requests.length;
    const v2 = await firstValueFrom(api.instance());
    assert.ok('domain' in v2 && !('uri' in v2));
    assert.deepEqual(fake.server.requests.slice(before).map((r) => r.route), ['GET /api/v2/instance/', 'GET /api/v2/instance/']);

    const old = await FakeMastodon.start({ version: '3.5.5' });
    try {
      const oldApi = new Mastodon({ api_base_url: old.url });
      const v1 = await firstValueFrom(oldApi.instance());
      assert.ok('uri' in v1 && v1.version === '3.5.5');
      assert.deepEqual(old.requests.map((r) => r.path), ['/api/v2/instance/', '/api/v1/instance/', '/api/v1/instance/']);
      await assert.rejects(firstValueFrom(oldApi.instanceV2()), MastodonVersionError, 'created 4.0.0, refused before sending');
      assert.equal(old.requests.length, 3);
      await assert.rejects(firstValueFrom(clientFor(old, 'unchecked').instanceV2()), MastodonNotFoundError, 'and 404 when sent');
    } finally {
      await old.close();
    }
  });

  it('instanceV1 still answers, in the v1 shape', async () => {
    const v1 = await firstValueFrom(clientFor(fake.server, 'iv2c').instanceV1());
    assert.equal(v1.uri, new URL(fake.server.url).host);
    assert.equal(v1.version, '4.5.0');
  });

  it('api_versions only from 4.3, or as the server is told', async () => {
    const servers = await Promise.all([FakeMastodon.start(), FakeMastodon.start({ version: '4.4.2' }), FakeMastodon.start({ version: '4.0.2', apiVersion: 3 })]);
    try {
      const levels = await Promise.all(servers.map(async (server) => (await firstValueFrom(clientFor(server, 'lvl').instanceV2())).api_versions));
      assert.deepEqual(levels, [undefined, { mastodon: 5 }, { mastodon: 3 }]);
    } finally {
      await Promise.all(servers.map((server) => server.close()));
    }
  });
});
