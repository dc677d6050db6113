import { createHash } from 'node:crypto';
import { releasedBy } from '../server-versions.js';
import type { FakeStore } from '../store.js';
import { requireScope } from './scopes.js';
import { FakeHttpError, userOf, type FakeContext, type FakeRoutes } from './types.js';

/** The scopes an app may ask for, as Mastodon lists them in its OAuth metadata. */
const SCOPES = [
  'read', 'write', 'write:accounts', 'write:blocks', 'write:bookmarks', 'write:conversations', 'write:favourites', 'write:filters',
  'write:follows', 'write:lists', 'write:media', 'write:mutes', 'write:notifications', 'write:reports', 'write:statuses',
  'read:accounts', 'read:blocks', 'read:bookmarks', 'read:favourites', 'read:filters', 'read:follows', 'read:lists', 'read:mutes',
  'read:notifications', 'read:search', 'read:statuses', 'follow', 'push', 'profile', 'admin:read', 'admin:write',
];

/** The PKCE challenge of an authorization code, kept until the code is exchanged. */
interface CodeChallenge {
  readonly challenge: string;
  readonly method: 'S256';
}

function challenges(store: FakeStore): Map<string, CodeChallenge> {
  return store.extension('oauth-challenges', () => new Map<string, CodeChallenge>());
}

/** The grants `/oauth/token` takes: Mastodon's, with the password grant as the server is told, and the refresh tokens of the fake. */
export function grantTypes({ passwordGrant }: Pick<FakeContext, 'passwordGrant'>): string[] {
  return ['authorization_code', ...(passwordGrant ? ['password'] : []), 'client_credentials', 'refresh_token'];
}

function metadataJson(context: FakeContext): Record<string, unknown> {
  const base = context.baseUrl;
  return {
    issuer: `${base}/`, service_documentation: 'https://docs.joinmastodon.org/',
    authorization_endpoint: `${base}/oauth/authorize`, token_endpoint: `${base}/oauth/token`,
    app_registration_endpoint: `${base}/api/v1/apps`, revocation_endpoint: `${base}/oauth/revoke`,
    ...(releasedBy(context.version, '4.4.0') ? { userinfo_endpoint: `${base}/oauth/userinfo` } : {}),
    scopes_supported: SCOPES, response_types_supported: ['code'], response_modes_supported: ['query', 'fragment', 'form_post'],
    code_challenge_methods_supported: ['S256'], grant_types_supported: grantTypes(context),
    token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
  };
}

/**
 * What the authorize page would hand the app after `username` approved the request in `url`
 * (an `authRequestUrl`): a code for `logIn({ code })`. Checks the request as Doorkeeper does
 * (known client, registered redirect URI, scopes the app registered, an S256 challenge if
 * any) and throws an `Error` describing what is wrong with it.
 */
export function approveAuthorization(store: FakeStore, url: string, username: string): string {
  const query = new URL(url).searchParams;
  const app = store.apps.get(query.get('client_id') ?? '');
  if (!app) throw new Error('invalid_client: no app has that client_id');
  if (query.get('response_type') !== 'code') throw new Error('unsupported_response_type');
  if (!app.redirect_uri.split('\n').includes(query.get('redirect_uri') ?? '')) throw new Error('invalid_redirect_uri');
  const scopes = (query.get('scope') ?? 'read').split(/\s+/).filter(Boolean);
  if (scopes.some((scope) => !app.scopes.includes(scope) && !app.scopes.some((s) => scope.startsWith(`${s}:`)))) throw new Error('invalid_scope');
  const user = store.userByLogin(username);
  if (!user) throw new Error(`No user ${username}`);
  const challenge = query.get('code_challenge');
  const method = query.get('code_challenge_method') ?? 'plain';
  if (challenge !== null && method !== 'S256') throw new Error('invalid_request: code_challenge_method must be S256');
  const code = store.secret();
  store.tokens.set(`code:${code}`, { token: `code:${code}`, clientId: app.client_id, accountId: user.account.id, scopes, refreshToken: '' });
  if (challenge !== null) challenges(store).set(code, { challenge, method: 'S256' });
  return code;
}

/**
 * Whether the `code_verifier` of a token request matches the challenge its code was issued
 * with (RFC 7636, S256); a code issued without a challenge takes no verifier. Forgets the challenge.
 */
export function verifierMatches(store: FakeStore, code: string, verifier: string | undefined): boolean {
  const challenge = challenges(store).get(code);
  challenges(store).delete(code);
  if (challenge === undefined) return verifier === undefined;
  return verifier !== undefined && createHash('sha256').update(verifier).digest('base64url') === challenge.challenge;
}

/** OAuth server metadata (4.3) and the OpenID userinfo of the token's user (4.4). */
export const oauthRoutes: FakeRoutes = {
  'GET /.well-known/oauth-authorization-server': {
    auth: 'none',
    handle: (_req, context) => {
      if (!releasedBy(context.version, '4.3.0')) throw new FakeHttpError(404, 'Record not found');
      return { json: metadataJson(context) };
    },
  },
  'GET /oauth/userinfo': {
    auth: 'none',
    handle: (req, { baseUrl, version }) => {
      if (!releasedBy(version, '4.4.0')) throw new FakeHttpError(404, 'Record not found');
      requireScope(req, 'profile');
      const { account } = userOf(req);
      return {
        json: {
          iss: `${baseUrl}/`, sub: `${baseUrl}/users/${account.username}`, name: account.display_name,
          preferred_username: account.username, profile: account.url, picture: account.avatar,
        },
      };
    },
  },
};
