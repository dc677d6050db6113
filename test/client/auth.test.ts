import { afterEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { firstValueFrom } from 'rxjs';
import { Mastodon, MastodonAPIError, MastodonIllegalArgumentError, MastodonUnauthorizedError } from '../../src/index.js';
import { useFakeServer } from '../support/fake.js';

describe('apps, login and accounts (Mastodon.py Usage chapter)', () => {
  const fake = useFakeServer();
  const dirs: string[] = [];
  const tempDir = (): string => {
    const dir = mkdtempSync(join(tmpdir(), 'mastodon-rx-auth-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => { for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true }); });

  it('registers an app, logs in with a password and toots, through credential files of mode 0600', async () => {
    const dir = tempDir();
    fake.server.store.addUser('usage', 'usage@example.com', 'password-usage');
    const clientcred = join(dir, 'clientcred.secret');
    const usercred = join(dir, 'usercred.secret');
    const [id, secret] = await firstValueFrom(Mastodon.createApp('pytooterapp', { api_base_url: fake.server.url, to_file: clientcred, website: 'https://app.example' }));
    assert.deepEqual(readFileSync(clientcred, 'utf8').split('\n'), [id, secret, fake.server.url, 'pytooterapp', '']);
    assert.equal(statSync(clientcred).mode & 0o777, 0o600);
    const sent = fake.server.requestsTo('POST /api/v1/apps').at(-1)!;
    assert.deepEqual(sent.body, { client_name: 'pytooterapp', scopes: 'read write follow push', redirect_uris: 'urn:ietf:wg:oauth:2.0:oob', website: 'https://app.example' });

    const api = new Mastodon({ client_id: clientcred, version_check_mode: 'none' });
    const token = await firstValueFrom(api.logIn('usage@example.com', 'password-usage', { to_file: usercred }));
    assert.deepEqual(readFileSync(usercred, 'utf8').split('\n'), [token, fake.server.url, id, secret, '']);
    assert.equal(statSync(usercred).mode & 0o777, 0o600);

    const user = new Mastodon({ access_token: usercred, version_check_mode: 'none' });
    assert.equal(user.client_id, id);
    const status = await firstValueFrom(user.toot('Tooting from TypeScript!'));
    assert.equal(status.account.username, 'usage');
    assert.equal(status.application?.name, 'pytooterapp');
  });

  it('logs in with an OAuth code and with a refresh token', async () => {
    fake.server.store.addUser('oauth', 'oauth@example.com', 'password-oauth');
    const [id, secret] = await firstValueFrom(Mastodon.createApp('codeapp', { api_base_url: fake.server.url, redirect_uris: ['https://app.example/cb', 'urn:ietf:wg:oauth:2.0:oob'] }));
    const api = new Mastodon({ api_base_url: fake.server.url, client_id: id, client_secret: secret, version_check_mode: 'none' });
    const url = new URL(api.authRequestUrl({ redirect_uris: 'https://app.example/cb', state: 'xyz', force_login: true }));
    assert.equal(url.pathname, '/oauth/authorize');
    assert.deepEqual(Object.fromEntries(url.searchParams), {
      client_id: id, response_type: 'code', redirect_uri: 'https://app.example/cb', scope: 'read write follow push', force_login: 'true', state: 'xyz',
    });
    const code = fake.server.authorizationCode(id, 'oauth');
    const token = await firstValueFrom(api.logIn({ code, redirect_uri: 'https://app.example/cb' }));
    assert.equal((await firstValueFrom(api.me())).username, 'oauth');
    const refresh = fake.server.store.tokens.get(token)!.refreshToken;
    const renewed = await firstValueFrom(api.logIn({ refresh_token: refresh }));
    assert.notEqual(renewed, token);
    assert.equal(api.access_token, renewed);
  });

  it('wrong credentials are an argument error; a grant without the requested scopes an API error', async () => {
    fake.server.store.addUser('wrong', 'wrong@example.com', 'password-wrong');
    const [id, secret] = await firstValueFrom(Mastodon.createApp('scopes', { api_base_url: fake.server.url, scopes: ['read'] }));
    const api = new Mastodon({ api_base_url: fake.server.url, client_id: id, client_secret: secret, version_check_mode: 'none' });
    await assert.rejects(firstValueFrom(api.logIn('wrong@example.com', 'nope')), MastodonIllegalArgumentError);
    const error = await firstValueFrom(api.logIn('wrong@example.com', 'password-wrong', { scopes: ['read', 'write'] })).catch((e: unknown) => e);
    assert.ok(error instanceof MastodonAPIError);
    assert.match(error.message, /do not contain all of the requested scopes/);
    assert.equal(api.access_token, undefined);
    await firstValueFrom(api.logIn('wrong@example.com', 'password-wrong', { scopes: ['read'] }));
    await assert.rejects(firstValueFrom(api.logIn()), MastodonIllegalArgumentError);
  });

  it('revokes the access token', async () => {
    fake.server.store.addUser('revoke', 'revoke@example.com', 'password-revoke');
    const [id, secret] = await firstValueFrom(Mastodon.createApp('revoker', { api_base_url: fake.server.url }));
    const api = new Mastodon({ api_base_url: fake.server.url, client_id: id, client_secret: secret, version_check_mode: 'none' });
    const token = await firstValueFrom(api.logIn('revoke@example.com', 'password-revoke'));
    await firstValueFrom(api.revokeAccessToken(), { defaultValue: undefined });
    assert.equal(api.access_token, undefined);
    const stale = new Mastodon({ api_base_url: fake.server.url, access_token: token, version_check_mode: 'none' });
    await assert.rejects(firstValueFrom(stale.me()), MastodonUnauthorizedError);
  });

  it('creates an account with an app token, or reports the details of a refusal', async () => {
    const dir = tempDir();
    const [id, secret] = await firstValueFrom(Mastodon.createApp('signup', { api_base_url: fake.server.url }));
    const api = new Mastodon({ api_base_url: fake.server.url, client_id: id, client_secret: secret, version_check_mode: 'none' });
    const file = join(dir, 'new.secret');
    const token = await firstValueFrom(api.createAccount('newbie', 'long enough pw', 'newbie@example.com', { agreement: true, to_file: file }));
    assert.equal(api.access_token, token);
    assert.deepEqual(readFileSync(file, 'utf8').split('\n'), [token, fake.server.url, '']);
    const signup = fake.server.requestsTo('POST /api/v1/accounts').at(-1)!;
    assert.equal(signup.body['agreement'], '1');
    assert.equal(signup.body['return_detailed_error'], undefined);

    const [none, details] = await firstValueFrom(api.createAccount('newbie', 'short', 'bad', { return_detailed_error: true }));
    assert.equal(none, null);
    assert.deepEqual(Object.keys((details as { details: object }).details).sort(), ['agreement', 'email', 'password', 'username']);
    await assert.rejects(firstValueFrom(api.createAccount('other', 'long enough pw', 'other@example.com')), MastodonAPIError);
  });
});

describe('constructor and credential files', () => {
  it('protocolizes the base URL and rejects what can never work', () => {
    assert.equal(new Mastodon({ api_base_url: 'mastodon.example//' }).api_base_url, 'https://mastodon.example');
    assert.throws(() => new Mastodon({}), MastodonIllegalArgumentError);
    assert.throws(() => new Mastodon({ api_base_url: 'https://m.example', ratelimit_method: 'sometimes' as 'wait' }), MastodonIllegalArgumentError);
    assert.throws(() => new Mastodon({ api_base_url: 'https://m.example', version_check_mode: 'always' as 'none' }), MastodonIllegalArgumentError);
    assert.throws(() => new Mastodon({ api_base_url: 'https://m.example', feature_set: 'misskey' as 'mainline' }), MastodonIllegalArgumentError);
    assert.throws(() => new Mastodon({ api_base_url: 'https://m.example', client_id: 'literal-without-secret' }), MastodonIllegalArgumentError);
    assert.throws(() => new Mastodon({ api_base_url: 'https://m.example', mastodon_version: 'four' }), MastodonIllegalArgumentError);
  });

  it('reads short credential files and refuses a base URL that disagrees', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mastodon-rx-cred-'));
    try {
      const client = join(dir, 'client.secret');
      writeFileSync(client, 'cid\ncsecret\n');
      const api = new Mastodon({ api_base_url: 'https://m.example', client_id: client });
      assert.equal(api.client_id, 'cid');
      assert.equal(api.client_secret, 'csecret');
      const withBase = join(dir, 'client2.secret');
      writeFileSync(withBase, 'cid\ncsecret\nhttps://m.example\nMy App\n');
      assert.equal(new Mastodon({ client_id: withBase }).api_base_url, 'https://m.example');
      assert.throws(() => new Mastodon({ client_id: withBase, api_base_url: 'https://other.example' }), MastodonIllegalArgumentError);
      const token = join(dir, 'user.secret');
      writeFileSync(token, 'tok\nm.example\n');
      const user = new Mastodon({ access_token: token });
      assert.equal(user.access_token, 'tok');
      assert.equal(user.api_base_url, 'https://m.example');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('credential files where files cannot be read', () => {
  it('a value that looks like a credential file is an argument error, not a token', () => {
    const proc = process as unknown as { getBuiltinModule?: unknown };
    const original = proc.getBuiltinModule;
    proc.getBuiltinModule = undefined;
    try {
      assert.throws(() => new Mastodon({ api_base_url: 'https://m.example', access_token: 'usercred.secret' }), /only be read in Node\.js/);
      assert.throws(() => new Mastodon({ api_base_url: 'https://m.example', client_id: 'creds/client.txt' }), MastodonIllegalArgumentError);
      assert.equal(new Mastodon({ api_base_url: 'https://m.example', access_token: 'abcDEF123_-xyz' }).access_token, 'abcDEF123_-xyz');
    } finally {
      proc.getBuiltinModule = original;
    }
  });
});
