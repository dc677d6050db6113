import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { firstValueFrom } from 'rxjs';
import { Mastodon, MastodonIllegalArgumentError, type CreateAppOptions, type LogInOptions } from '../../src/index.js';
import { fakeRegistrations } from '../../src/testing/index.js';
import { useFakeServer } from '../support/fake.js';

// The options of the OAuth calls that Mastodon.py 2.2 added, and the ones no version knows yet.

describe('createApp, logIn, createAccount and authRequestUrl: newer and unknown options', () => {
  const fake = useFakeServer();

  async function appClient(name: string): Promise<Mastodon> {
    const [client_id, client_secret] = await firstValueFrom(Mastodon.createApp(name, { api_base_url: fake.server.url }));
    return new Mastodon({ api_base_url: fake.server.url, client_id, client_secret, version_check_mode: 'none' });
  }

  it('createApp sends user_agent as the User-Agent header, and unknown options in the body', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mastodon-rx-auth-options-'));
    try {
      const options = { api_base_url: fake.server.url, user_agent: 'pytooter/2.0', to_file: join(dir, 'app.secret'), logo_uri: 'https://app.example/logo.png' };
      await firstValueFrom(Mastodon.createApp('agentapp', options as CreateAppOptions));
      const sent = fake.server.requestsTo('POST /api/v1/apps').at(-1)!;
      assert.equal(sent.headers['user-agent'], 'pytooter/2.0');
      assert.deepEqual(sent.body, {
        client_name: 'agentapp', scopes: 'read write follow push', redirect_uris: 'urn:ietf:wg:oauth:2.0:oob', logo_uri: 'https://app.example/logo.png',
      });
      await firstValueFrom(Mastodon.createApp('plainapp', { api_base_url: fake.server.url }));
      assert.equal(fake.server.requestsTo('POST /api/v1/apps').at(-1)!.headers['user-agent'], 'mastodon-rx');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('logIn sends unknown options with the grant, never to_file nor the options of another grant', async () => {
    fake.server.store.addUser('grant', 'grant@example.com', 'password-grant');
    const api = await appClient('grantapp');
    const dir = mkdtempSync(join(tmpdir(), 'mastodon-rx-auth-options-'));
    try {
      const options = { to_file: join(dir, 'user.secret'), code: 'unused', device_name: 'laptop' } as LogInOptions;
      await firstValueFrom(api.logIn('grant@example.com', 'password-grant', options));
      const sent = fake.server.requestsTo('POST /oauth/token').at(-1)!;
      assert.equal(sent.body['grant_type'], 'password');
      assert.equal(sent.body['device_name'], 'laptop');
      assert.equal(sent.body['to_file'], undefined);
      assert.equal(sent.body['code'], undefined);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('createAccount sends date_of_birth as YYYY-MM-DD, from a Date or a string, and unknown options with the sign-up', async () => {
    const api = await appClient('signupapp');
    await firstValueFrom(api.createAccount('born1', 'correct horse', 'born1@example.com', {
      agreement: true, date_of_birth: new Date('1990-04-01'), invite_code: 'XYZ',
    } as { agreement: boolean }));
    const sent = fake.server.requestsTo('POST /api/v1/accounts').at(-1)!;
    assert.equal(sent.body['date_of_birth'], '1990-04-01');
    assert.equal(sent.body['invite_code'], 'XYZ');
    assert.equal(sent.body['return_detailed_error'], undefined);
    await firstValueFrom(api.createAccount('born2', 'correct horse', 'born2@example.com', { agreement: true, date_of_birth: '2001-12-31' }));
    assert.equal(fake.server.requestsTo('POST /api/v1/accounts').at(-1)!.body['date_of_birth'], '2001-12-31');
  });

  it('createAccount refuses a date of birth that is no day before sending anything', async () => {
    const api = await appClient('badbirthapp');
    const before = fake.server.requests.length;
    for (const date_of_birth of ['01/04/1990', '1990-13-45', new Date(Number.NaN), 19900401]) {
      await assert.rejects(firstValueFrom(api.createAccount('nobody', 'correct horse', 'n@example.com', { date_of_birth } as { date_of_birth: string })),
        MastodonIllegalArgumentError);
    }
    assert.equal(fake.server.requests.length, before);
  });

  it('the fake server holds sign-ups to its minimum age, as Mastodon 4.4 does', async () => {
    const api = await appClient('minageapp');
    fakeRegistrations(fake.server.store).min_age = 16;
    try {
      const young = new Date();
      young.setUTCFullYear(young.getUTCFullYear() - 10);
      const [none, missing] = await firstValueFrom(api.createAccount('kid', 'correct horse', 'kid@example.com', { agreement: true, return_detailed_error: true }));
      assert.equal(none, null);
      assert.deepEqual((missing as { details: Record<string, unknown> }).details['date_of_birth'], [{ error: 'ERR_BLANK', description: "can't be blank" }]);
      const [, below] = await firstValueFrom(api.createAccount('kid', 'correct horse', 'kid@example.com', {
        agreement: true, date_of_birth: young, return_detailed_error: true,
      }));
      assert.equal((below as { details: Record<string, { error: string }[]> }).details['date_of_birth']![0]!.error, 'ERR_BELOW_LIMIT');
      const token = await firstValueFrom(api.createAccount('grownup', 'correct horse', 'grownup@example.com', { agreement: true, date_of_birth: '1980-01-01' }));
      assert.equal(typeof token, 'string');
    } finally {
      fakeRegistrations(fake.server.store).min_age = null;
    }
  });

  it('authRequestUrl puts unknown options in the query of the authorization URL, after the known ones', async () => {
    const api = await appClient('urlapp');
    const url = new URL(api.authRequestUrl({ state: 's', prompt: 'consent', scope: 'ignored' } as { state: string }));
    assert.equal(url.searchParams.get('prompt'), 'consent');
    assert.equal(url.searchParams.get('scope'), 'read write follow push');
    assert.deepEqual(url.searchParams.getAll('scope'), ['read write follow push']);
  });
});
