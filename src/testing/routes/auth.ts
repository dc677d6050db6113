import { FakeHttpError, list, str, type FakeRoutes } from './types.js';
import type { FakeApp, FakeStore } from '../store.js';
import type { ParsedParams } from '../params.js';
import { fakeAdmin } from './admin-state.js';
import { signUpGate } from './admin-sign-ups.js';
import { grantTypes, verifierMatches } from './oauth.js';

/** What the fake server asks of sign-ups. */
export interface FakeRegistrations {
  /** The minimum age in years (Mastodon's `min_age` setting, 4.4.0+): sign-ups must give a date of birth. Default none. */
  min_age: number | null;
}

/**
 * The sign-up settings of a fake server, which tests may change.
 * @example fakeRegistrations(server.store).min_age = 16
 */
export function fakeRegistrations(store: FakeStore): FakeRegistrations {
  return store.extension<FakeRegistrations>('registrations', () => ({ min_age: null }));
}

/** Mastodon's check of `date_of_birth` against `min_age`: blank, invalid or below the limit. */
function dateOfBirthError(value: string | undefined, minAge: number | null): { error: string; description: string } | undefined {
  if (minAge === null) return undefined;
  if (value === undefined || value === '') return { error: 'ERR_BLANK', description: "can't be blank" };
  const born = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : new Date(Number.NaN);
  if (!Number.isFinite(born.getTime())) return { error: 'ERR_INVALID', description: 'is invalid' };
  const limit = new Date();
  limit.setUTCFullYear(limit.getUTCFullYear() - minAge);
  return born > limit ? { error: 'ERR_BELOW_LIMIT', description: 'is below the age limit' } : undefined;
}

const OOB = 'urn:ietf:wg:oauth:2.0:oob';

/** A token as Mastodon issues it: no refresh token (Mastodon issues none, though the fake takes one, see `FakeToken`). */
function tokenJson(token: { token: string; scopes: string[] }): unknown {
  return { access_token: token.token, token_type: 'Bearer', scope: token.scopes.join(' '), created_at: Math.floor(Date.now() / 1000) };
}

/** Tokens revoked or replaced, which Mastodon then refuses with their own message. */
function revokedTokens(store: FakeStore): Set<string> {
  return store.extension('revoked-tokens', () => new Set<string>());
}

/** Ends a token, remembering it was revoked. */
function revoke(store: FakeStore, token: string): void {
  store.tokens.delete(token);
  revokedTokens(store).add(token);
}

/** Whether a bearer token was revoked (rather than never issued). */
export function isRevoked(store: FakeStore, token: string): boolean {
  return revokedTokens(store).has(token);
}

/** How Mastodon names the fields of a sign-up in its errors. */
const SIGN_UP_FIELDS: Readonly<Record<string, string>> = {
  username: 'Username', email: 'E-mail address', password: 'Password', agreement: 'Service agreement', date_of_birth: 'Date of birth',
};

type SignUpErrors = Record<string, { error: string; description: string }[]>;

/** The errors of a sign-up, as Mastodon's validations find them, by field. */
function signUpErrors(store: FakeStore, params: ParsedParams): SignUpErrors {
  const errors: SignUpErrors = {};
  const add = (field: string, error: string, description: string): void => { (errors[field] ??= []).push({ error, description }); };
  const username = str(params, 'username') ?? '';
  const email = str(params, 'email') ?? '';
  const password = str(params, 'password') ?? '';
  if (username === '') add('username', 'ERR_BLANK', "can't be blank");
  else if (!/^[a-z0-9_]+$/i.test(username)) add('username', 'ERR_INVALID', 'must contain only letters, numbers and underscores');
  else if (username.length > 30) add('username', 'ERR_TOO_LONG', 'is too long (maximum is 30 characters)');
  else if (store.userByLogin(username)) add('username', 'ERR_TAKEN', 'has already been taken');
  if (email === '') add('email', 'ERR_BLANK', "can't be blank");
  else if (!/^[^@\s]+@[^@\s]+$/.test(email)) add('email', 'ERR_INVALID', 'is invalid');
  else if (store.userByLogin(email)) add('email', 'ERR_TAKEN', 'has already been taken');
  if (password === '') add('password', 'ERR_BLANK', "can't be blank");
  else if (password.length < 8) add('password', 'ERR_TOO_SHORT', 'is too short (minimum is 8 characters)');
  else if (password.length > 72) add('password', 'ERR_TOO_LONG', 'is too long (maximum is 72 characters)');
  if (!['1', 'true'].includes(str(params, 'agreement') ?? '')) add('agreement', 'ERR_ACCEPTED', 'must be accepted');
  return errors;
}

function appJson(app: FakeApp, withSecrets: boolean): unknown {
  const shown = { id: app.id, name: app.name, website: app.website, redirect_uri: app.redirect_uri, vapid_key: 'BFake-vapid-key' };
  return withSecrets ? { ...shown, client_id: app.client_id, client_secret: app.client_secret } : shown;
}

/** OAuth and app registration: the routes the client builds by hand, outside the tables. */
export const authRoutes: FakeRoutes = {
  'POST /api/v1/apps': {
    auth: 'none',
    handle: (req, { store }) => {
      const name = str(req.params, 'client_name');
      const redirect = str(req.params, 'redirect_uris');
      if (!name) throw new FakeHttpError(422, "Validation failed: Application name can't be blank");
      if (!redirect) throw new FakeHttpError(422, "Validation failed: Redirect URI can't be blank");
      const scopes = (str(req.params, 'scopes') ?? 'read').split(/\s+/).filter(Boolean);
      const app = store.registerApp(name, redirect, scopes, str(req.params, 'website') ?? null);
      return { json: appJson(app, true) };
    },
  },

  'POST /oauth/token': {
    auth: 'none',
    handle: (req, context) => {
      const { store } = context;
      const app = store.apps.get(str(req.params, 'client_id') ?? '');
      if (!app || app.client_secret !== str(req.params, 'client_secret')) {
        throw new FakeHttpError(401, 'invalid_client', { error_description: 'Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method.' });
      }
      const requested = (str(req.params, 'scope') ?? 'read').split(/\s+/).filter(Boolean);
      const scopes = requested.filter((scope) => app.scopes.includes(scope) || app.scopes.some((s) => scope.startsWith(`${s}:`)));
      const invalidGrant = (): never => {
        throw new FakeHttpError(400, 'invalid_grant', { error_description: 'The provided authorization grant is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client.' });
      };
      const grant = str(req.params, 'grant_type');
      if (!grantTypes(context).includes(grant ?? '')) {
        throw new FakeHttpError(400, 'unsupported_grant_type', { error_description: 'The authorization grant type is not supported by the authorization server.' });
      }
      switch (grant) {
        case 'password': {
          const user = store.userByLogin(str(req.params, 'username') ?? '');
          if (!user || user.password !== str(req.params, 'password')) invalidGrant();
          return { json: tokenJson(store.issueToken(app.client_id, user!.account.id, scopes)) };
        }
        case 'authorization_code': {
          const code = str(req.params, 'code') ?? '';
          const approved = store.tokens.get(`code:${code}`);
          const redirect = str(req.params, 'redirect_uri') ?? OOB;
          if (!approved || approved.clientId !== app.client_id || !app.redirect_uri.split('\n').includes(redirect)) invalidGrant();
          store.tokens.delete(`code:${code}`);
          if (!verifierMatches(store, code, str(req.params, 'code_verifier'))) invalidGrant();
          return { json: tokenJson(store.issueToken(app.client_id, approved!.accountId, approved!.scopes)) };
        }
        case 'refresh_token': {
          const old = [...store.tokens.values()].find((t) => t.refreshToken === str(req.params, 'refresh_token'));
          if (!old || old.clientId !== app.client_id) invalidGrant();
          revoke(store, old!.token);
          return { json: tokenJson(store.issueToken(app.client_id, old!.accountId, old!.scopes)) };
        }
        case 'client_credentials':
          return { json: tokenJson(store.issueToken(app.client_id, null, scopes)) };
        default:
          throw new FakeHttpError(400, 'unsupported_grant_type');
      }
    },
  },

  'POST /oauth/revoke': {
    auth: 'none',
    handle: (req, { store }) => {
      const token = store.tokens.get(str(req.params, 'token') ?? '');
      if (token && token.clientId === str(req.params, 'client_id')) revoke(store, token.token);
      return { json: {} };
    },
  },

  'POST /api/v1/accounts': {
    auth: 'app',
    handle: (req, { store }) => {
      const gate = signUpGate(store, req, str(req.params, 'email') ?? '');
      const details = signUpErrors(store, req.params);
      if (gate.emailError && !details['email']) details['email'] = [gate.emailError];
      const birth = dateOfBirthError(str(req.params, 'date_of_birth'), fakeRegistrations(store).min_age);
      if (birth) details['date_of_birth'] = [birth];
      if (Object.keys(details).length > 0) {
        const messages = Object.entries(details).flatMap(([field, errors]) => errors.map((e) => `${SIGN_UP_FIELDS[field]} ${e.description}`));
        throw new FakeHttpError(422, `Validation failed: ${messages.join(', ')}`, { details });
      }
      const user = store.addUser(str(req.params, 'username')!, str(req.params, 'email')!, str(req.params, 'password')!);
      fakeAdmin(store).of(user.account.id).locale = str(req.params, 'locale') ?? null;
      gate.admit(user);
      const token = store.issueToken(req.token?.clientId ?? null, user.account.id, list(req.params, 'scopes').length ? list(req.params, 'scopes') : ['read', 'write', 'follow', 'push']);
      return { json: tokenJson(token) };
    },
  },

  'GET /api/v1/apps/verify_credentials': {
    auth: 'app',
    handle: (req, { store }) => {
      const app = req.token?.clientId ? store.apps.get(req.token.clientId) : undefined;
      if (!app) throw new FakeHttpError(401, 'The access token is invalid');
      return { json: appJson(app, false) };
    },
  },

  'POST /api/v1/emails/confirmations': {
    auth: 'app',
    handle: () => ({ json: {} }),
  },
};
