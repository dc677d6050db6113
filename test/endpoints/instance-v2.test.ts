import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { firstValueFrom } from 'rxjs';
import {
  Mastodon, MastodonIllegalArgumentError, MastodonNotFoundError, MastodonVersionError,
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

describe('instance v2 and the server documents', () => {
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
    await assert.rejects(firstValueFrom(api.statusPost('too short a poll', { poll })), /Deadline is too soon/);
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

  it('instanceExtendedDescription and instancePrivacyPolicy: HTML with a revived date', async () => {
    const api = clientFor(fake.server, 'iv2d');
    serverInfo(fake.server.store).privacyPolicy = { content: '<p>We keep nothing.</p>', updated_at: '2025-03-01T12:00:00.000Z' };
    const policy = await firstValueFrom(api.instancePrivacyPolicy());
    assert.deepEqual(policy, { content: '<p>We keep nothing.</p>', updated_at: new Date('2025-03-01T12:00:00.000Z') });
    const about = await firstValueFrom(api.instanceExtendedDescription());
    assert.ok(about.updated_at instanceof Date);
    assert.match(about.content, /<p>/);
  });

  it('instanceTermsOfService: the terms in effect, or the version of a day, by path', async () => {
    const api = clientFor(fake.server, 'iv2e');
    const terms = serverInfo(fake.server.store).termsOfService;
    terms.length = 0;
    await assert.rejects(firstValueFrom(api.instanceTermsOfService()), MastodonNotFoundError, 'no terms yet');
    terms.push(
      { effective_date: '2024-01-01', content: '<p>old</p>' },
      { effective_date: '2025-04-15', content: '<p>now</p>' },
      { effective_date: '2999-01-01', content: '<p>later</p>' },
    );
    const now = await firstValueFrom(api.instanceTermsOfService());
    assert.deepEqual(now, { effective_date: new Date('2025-04-15'), effective: true, content: '<p>now</p>', succeeded_by: new Date('2999-01-01') });
    assert.equal(fake.server.requests.at(-1)!.path, '/api/v1/instance/terms_of_service');

    const old = await firstValueFrom(api.instanceTermsOfService({ date: '2024-01-01' }));
    assert.deepEqual([old.effective, old.succeeded_by], [false, new Date('2025-04-15')]);
    assert.equal(fake.server.requests.at(-1)!.path, '/api/v1/instance/terms_of_service/2024-01-01');
    const byDate = await firstValueFrom(api.instanceTermsOfService({ date: new Date('2999-01-01T00:00:00Z') }));
    assert.equal(byDate.content, '<p>later</p>');
    assert.equal(fake.server.requestsTo('GET /api/v1/instance/terms_of_service/{date}').at(-1)!.path, '/api/v1/instance/terms_of_service/2999-01-01');
    await assert.rejects(firstValueFrom(api.instanceTermsOfService({ date: '2023-06-01' })), MastodonNotFoundError);
  });

  it('instanceTermsOfService checks its date before sending', async () => {
    const api = clientFor(fake.server, 'iv2f');
    const before = fake.server.requests.length;
    for (const date of ['2025-02-30', '15.04.2025', '2025-04-15/../..', new Date(Number.NaN), 20250415]) {
      await assert.rejects(firstValueFrom(api.instanceTermsOfService({ date: date as string })), MastodonIllegalArgumentError, String(date));
    }
    await assert.rejects(firstValueFrom(api.instanceTermsOfService('2025-04-15' as never)), MastodonIllegalArgumentError);
    assert.equal(fake.server.requests.length, before);
  });

  it('instanceDomainBlocks: starred out where the block says so, with the digest of the real domain; hidden as the admin chooses', async () => {
    const info = serverInfo(fake.server.store);
    info.domainBlocks.push(
      { domain: 'spam.example', severity: 'suspend', comment: 'Spam' },
      { domain: 'really-bad.example.org', severity: 'silence', comment: null, obfuscate: true },
    );
    const anonymous = new Mastodon({ api_base_url: fake.server.url, version_check_mode: 'none' });
    const blocks = await firstValueFrom(anonymous.instanceDomainBlocks());
    assert.deepEqual(blocks.map((b) => [b.domain, b.severity, b.comment]), [['spam.example', 'suspend', 'Spam'], ['really****.******e.org', 'silence', null]]);
    assert.equal(blocks[1]!.digest, createHash('sha256').update('really-bad.example.org').digest('hex'));

    info.domainBlocksVisibility = 'users';
    await assert.rejects(firstValueFrom(anonymous.instanceDomainBlocks()), MastodonNotFoundError);
    assert.equal((await firstValueFrom(clientFor(fake.server, 'iv2g').instanceDomainBlocks())).length, 2);
    info.domainBlocksVisibility = 'disabled';
    await assert.rejects(firstValueFrom(clientFor(fake.server, 'iv2h').instanceDomainBlocks()), MastodonNotFoundError);
    info.domainBlocksVisibility = 'all';
  });

  it('instanceLanguages and instanceTranslationLanguages', async () => {
    const api = clientFor(fake.server, 'iv2i');
    const locales = await firstValueFrom(api.instanceLanguages());
    assert.deepEqual(locales[0], { code: 'en', name: 'English' });
    assert.deepEqual(await firstValueFrom(api.instanceTranslationLanguages()), {}, 'translation is off');
    serverInfo(fake.server.store).translation = { enabled: true, languages: { en: ['de', 'es'], und: ['en'] } };
    assert.deepEqual(await firstValueFrom(api.instanceTranslationLanguages()), { en: ['de', 'es'], und: ['en'] });
    assert.equal((await firstValueFrom(api.instanceV2())).configuration.translation.enabled, true);
    serverInfo(fake.server.store).translation = { enabled: false, languages: {} };
  });

  it('the documents are refused on servers older than they are', async () => {
    const api = new Mastodon({ api_base_url: fake.server.url, mastodon_version: '4.3.0' });
    await assert.rejects(firstValueFrom(api.instanceTermsOfService()), MastodonVersionError);
    await assert.rejects(firstValueFrom(api.instanceTermsOfService({ date: '2025-04-15' })), MastodonVersionError);
    const older = new Mastodon({ api_base_url: fake.server.url, mastodon_version: '4.1.0' });
    await assert.rejects(firstValueFrom(older.instanceLanguages()), MastodonVersionError);
    await assert.rejects(firstValueFrom(older.instanceTranslationLanguages()), MastodonVersionError);
    const forged = new Mastodon({ api_base_url: fake.server.url, access_token: 'forged', version_check_mode: 'none' });
    // A public document: Mastodon reads a request with an unknown token as one without a token.
    assert.equal(typeof (await firstValueFrom(forged.instancePrivacyPolicy())).content, 'string');
  });
});
