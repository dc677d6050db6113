import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { firstValueFrom, lastValueFrom, toArray } from 'rxjs';
import {
  Mastodon, MastodonAPIError, MastodonIllegalArgumentError, MastodonServerError, MastodonVersionError,
} from '../../src/index.js';
import { makePkcePair } from '../../src/api.js';
import { FakeMastodon } from '../../src/testing/index.js';
import { json, startLoopback } from '../support/loopback.js';

const REDIRECT = 'https://app.example/cb';
const WELL_KNOWN = 'GET /.well-known/oauth-authorization-server';

/** A fake server of `version` with a registered app and a user alice, and a client of that app. */
async function serverWithApp(options: { version: string; passwordGrant?: boolean }): Promise<{ server: FakeMastodon; api: Mastodon }> {
  const server = await FakeMastodon.start(options);
  server.createUser('alice', { password: 'password-alice' });
  const [client_id, client_secret] = await firstValueFrom(Mastodon.createApp('pkce', { api_base_url: server.url, redirect_uris: [REDIRECT] }));
  return { server, api: new Mastodon({ api_base_url: server.url, client_id, client_secret }) };
}

describe('OAuth server metadata and the password grant', () => {
  it('oauthAuthorizationServerInfo: grants, endpoints and PKCE methods as the server has them', async () => {
    const { server, api } = await serverWithApp({ version: '4.5.0' });
    try {
      const info = await firstValueFrom(api.oauthAuthorizationServerInfo());
      assert.ok(info);
      assert.equal(info.issuer, `${server.url}/`);
      assert.equal(info.token_endpoint, `${server.url}/oauth/token`);
      assert.equal(info.userinfo_endpoint, `${server.url}/oauth/userinfo`);
      assert.deepEqual(info.code_challenge_methods_supported, ['S256']);
      assert.ok(info.grant_types_supported.includes('authorization_code'));
      assert.ok(!info.grant_types_supported.includes('password'), '4.4 removed the password grant');
      assert.ok(info.scopes_supported.includes('profile'));
    } finally {
      await server.close();
    }
  });

  it('is null on servers before 4.3: asked and answered 404, or not asked where the version is known', async () => {
    const { server, api } = await serverWithApp({ version: '4.2.1' });
    try {
      assert.equal(await firstValueFrom(api.oauthAuthorizationServerInfo()), null);
      assert.equal(server.requestsTo(WELL_KNOWN).length, 0, 'the version check knew better');
      const unchecked = new Mastodon({ api_base_url: server.url, version_check_mode: 'none' });
      assert.equal(await firstValueFrom(unchecked.oauthAuthorizationServerInfo()), null);
      assert.equal(server.requestsTo(WELL_KNOWN).length, 1);
    } finally {
      await server.close();
    }
  });

  it('logIn with a password fails before sending it where the server offers no password grant, and names the code flow', async () => {
    const { server, api } = await serverWithApp({ version: '4.4.0' });
    try {
      for (let attempt = 0; attempt < 2; attempt++) {
        const error = await firstValueFrom(api.logIn('alice', 'password-alice')).catch((e: unknown) => e);
        assert.ok(error instanceof MastodonIllegalArgumentError);
        assert.match(error.message, /password grant.*authorization-code flow.*authRequestUrl.*logIn\(\{ code/s);
      }
      assert.equal(server.requestsTo('POST /oauth/token').length, 0, 'the password was not sent');
      assert.equal(server.requestsTo(WELL_KNOWN).length, 1, 'the metadata is asked once per client');
      assert.equal(api.access_token, undefined);
    } finally {
      await server.close();
    }
  });

  it('logIn with a password works where the metadata lists the grant (4.3, or a server that kept it) or where there is none (before 4.3)', async () => {
    for (const options of [{ version: '4.3.2' }, { version: '4.5.0', passwordGrant: true }, { version: '4.0.2' }]) {
      const { server, api } = await serverWithApp(options);
      try {
        const token = await firstValueFrom(api.logIn('alice', 'password-alice'));
        assert.equal(api.access_token, token, options.version);
        assert.deepEqual(server.requests.slice(-2).map((r) => r.route), [WELL_KNOWN, 'POST /oauth/token']);
      } finally {
        await server.close();
      }
    }
  });

  it('where the token endpoint alone refuses the password grant, logIn fails as with wrong credentials', async () => {
    const { server, api } = await serverWithApp({ version: '4.0.2', passwordGrant: false });
    try {
      const error = await firstValueFrom(api.logIn('alice', 'password-alice')).catch((e: unknown) => e);
      assert.ok(error instanceof MastodonIllegalArgumentError);
      assert.ok(error.cause instanceof MastodonAPIError && error.cause.status === 400);
    } finally {
      await server.close();
    }
  });

  it('a failing metadata request fails logIn without sending the password, and is asked again next time', async () => {
    let down = true;
    const server = await startLoopback((req, res) => {
      if (req.url.startsWith('/.well-known/')) json(res, down ? { error: 'down' } : { grant_types_supported: ['password'] }, down ? 503 : 200);
      else json(res, { access_token: 'token', token_type: 'Bearer', scope: 'read write follow push', created_at: 1 });
    });
    try {
      const api = new Mastodon({ api_base_url: server.url, client_id: 'id', client_secret: 'secret' });
      await assert.rejects(firstValueFrom(api.logIn('alice', 'password-alice')), MastodonServerError);
      assert.ok(!server.seen.some((r) => r.body.includes('password-alice')));
      down = false;
      assert.equal(await firstValueFrom(api.logIn('alice', 'password-alice')), 'token');
      assert.deepEqual(server.seen.map((r) => r.url), ['/.well-known/oauth-authorization-server', '/.well-known/oauth-authorization-server', '/oauth/token']);
    } finally {
      await server.close();
    }
  });
});

describe('PKCE', () => {
  it('makePkcePair: the challenge of RFC 7636\'s example verifier, and a new random verifier per subscription', async () => {
    const example = await firstValueFrom(makePkcePair({ code_verifier: 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk' }));
    assert.deepEqual(example, {
      code_verifier: 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk', code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM', code_challenge_method: 'S256',
    });
    const pair$ = makePkcePair();
    const pairs = await Promise.all([firstValueFrom(pair$), firstValueFrom(pair$)]);
    assert.notEqual(pairs[0].code_verifier, pairs[1].code_verifier);
    for (const pair of pairs) {
      assert.match(pair.code_verifier, /^[A-Za-z0-9_-]{43}$/);
      assert.equal(pair.code_challenge, createHash('sha256').update(pair.code_verifier).digest('base64url'));
    }
    assert.equal((await lastValueFrom(pair$.pipe(toArray()))).length, 1, 'one pair, then complete');
    await assert.rejects(firstValueFrom(makePkcePair({ code_verifier: 'too-short' })), MastodonIllegalArgumentError);
  });

  it('the code flow with a challenge: authRequestUrl sends it, the server binds the code to it, logIn proves it with the verifier', async () => {
    const { server, api } = await serverWithApp({ version: '4.5.0' });
    try {
      const { code_verifier, code_challenge } = await firstValueFrom(api.makePkcePair());
      const url = api.authRequestUrl({ redirect_uris: REDIRECT, code_challenge });
      const query = new URL(url).searchParams;
      assert.deepEqual([query.get('code_challenge'), query.get('code_challenge_method')], [code_challenge, 'S256']);

      const wrong = server.approveAuthorization(url, 'alice');
      const other = await firstValueFrom(api.makePkcePair());
      const refused = await firstValueFrom(api.logIn({ code: wrong, redirect_uri: REDIRECT, code_verifier: other.code_verifier })).catch((e: unknown) => e);
      assert.ok(refused instanceof MastodonIllegalArgumentError, 'another verifier');
      const bare = server.approveAuthorization(url, 'alice');
      await assert.rejects(firstValueFrom(api.logIn({ code: bare, redirect_uri: REDIRECT })), MastodonIllegalArgumentError, 'no verifier');

      const code = server.approveAuthorization(url, 'alice');
      const token = await firstValueFrom(api.logIn({ code, redirect_uri: REDIRECT, code_verifier }));
      assert.equal(server.requestsTo('POST /oauth/token').at(-1)!.body['code_verifier'], code_verifier);
      assert.equal(api.access_token, token);
      assert.equal((await firstValueFrom(api.me())).username, 'alice');
      assert.equal(server.requestsTo(WELL_KNOWN).length, 0, 'no password, no metadata needed');

      const plain = server.approveAuthorization(api.authRequestUrl({ redirect_uris: REDIRECT }), 'alice');
      await assert.rejects(firstValueFrom(api.logIn({ code: plain, redirect_uri: REDIRECT, code_verifier })), MastodonIllegalArgumentError, 'a verifier for a code without a challenge');
    } finally {
      await server.close();
    }
  });

  it('checks challenges and verifiers before building or sending anything', async () => {
    const api = new Mastodon({ api_base_url: 'https://m.example', client_id: 'id', client_secret: 'secret', session: { handle: () => { throw new Error('sent'); } } });
    for (const code_challenge of ['', 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cN', 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-c', 'x'.repeat(43), 42]) {
      assert.throws(() => api.authRequestUrl({ code_challenge: code_challenge as string }), MastodonIllegalArgumentError, String(code_challenge));
    }
    assert.throws(() => api.authRequestUrl({ code_challenge_method: 'S256' }), MastodonIllegalArgumentError, 'a method without a challenge');
    assert.throws(() => api.authRequestUrl({ code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM', code_challenge_method: 'plain' as 'S256' }),
      MastodonIllegalArgumentError);
    const verifier = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
    for (const options of [{ code: 'c', code_verifier: 'short' }, { code: 'c', code_verifier: `${verifier}!` }, { username: 'a', password: 'p', code_verifier: verifier }]) {
      await assert.rejects(firstValueFrom(api.logIn(options)), MastodonIllegalArgumentError, JSON.stringify(options));
    }
  });
});

describe('oauthUserinfo', () => {
  it('the OpenID claims of the token\'s user, for a token with the profile scope', async () => {
    const server = await FakeMastodon.start({ version: '4.4.0' });
    try {
      const { account, token } = server.createUser('claims');
      const api = new Mastodon({ api_base_url: server.url, access_token: token });
      assert.deepEqual(await firstValueFrom(api.oauthUserinfo()), {
        iss: `${server.url}/`, sub: `${server.url}/users/claims`, name: 'claims', preferred_username: 'claims',
        profile: account.url, picture: account.avatar,
      });
      const narrow = server.store.issueToken(null, account.id, ['read']);
      const refused = await firstValueFrom(new Mastodon({ api_base_url: server.url, access_token: narrow.token }).oauthUserinfo()).catch((e: unknown) => e);
      assert.ok(refused instanceof MastodonAPIError);
      assert.deepEqual([refused.status, refused.error], [403, 'This action is outside the authorized scopes']);
      await assert.rejects(firstValueFrom(new Mastodon({ api_base_url: server.url, access_token: token, mastodon_version: '4.3.0' }).oauthUserinfo()), MastodonVersionError);
    } finally {
      await server.close();
    }
  });
});
