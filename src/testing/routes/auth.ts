import { FakeHttpError, list, str, type FakeRoutes } from './types.js';
import type { FakeApp, FakeStore } from '../store.js';

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

function tokenJson(token: { token: string; scopes: string[]; refreshToken: string }): unknown {
  return {
    access_token: token.token, token_type: 'Bearer', scope: token.scopes.join(' '),
    created_at: Math.floor(Date.now() / 1000), refresh_token: token.refreshToken,
  };
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
    handle: (req, { store }) => {
      const app = store.apps.get(str(req.params, 'client_id') ?? '');
      if (!app || app.client_secret !== str(req.params, 'client_secret')) {
        throw new FakeHttpError(401, 'invalid_client', { error_description: 'Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method.' });
      }
      const requested = (str(req.params, 'scope') ?? 'read').split(/\s+/).filter(Boolean);
      const scopes = requested.filter((scope) => app.scopes.includes(scope) || app.scopes.some((s) => scope.startsWith(`${s}:`)));
      const invalidGrant = (): never => {
        throw new FakeHttpError(400, 'invalid_grant', { error_description: 'The provided authorization grant is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client.' });
      };
      switch (str(req.params, 'grant_type')) {
        case 'password': {
          const user = store.userByLogin(str(req.params, 'username') ?? '');
          if (!user || user.password !== str(req.params, 'password')) invalidGrant();
          return { json: tokenJson(store.issueToken(app.client_id, user!.account.id, scopes)) };
        }
        case 'authorization_code': {
          const grant = store.tokens.get(`code:${str(req.params, 'code') ?? ''}`);
          const redirect = str(req.params, 'redirect_uri') ?? OOB;
          if (!grant || grant.clientId !== app.client_id || !app.redirect_uri.split('\n').includes(redirect)) invalidGrant();
          store.tokens.delete(`code:${str(req.params, 'code')}`);
          return { json: tokenJson(store.issueToken(app.client_id, grant!.accountId, grant!.scopes)) };
        }
        case 'refresh_token': {
          const old = [...store.tokens.values()].find((t) => t.refreshToken === str(req.params, 'refresh_token'));
          if (!old || old.clientId !== app.client_id) invalidGrant();
          store.tokens.delete(old!.token);
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
      if (token && token.clientId === str(req.params, 'client_id')) store.tokens.delete(token.token);
      return { json: {} };
    },
  },

  'POST /api/v1/accounts': {
    auth: 'app',
    handle: (req, { store }) => {
      const username = str(req.params, 'username') ?? '';
      const email = str(req.params, 'email') ?? '';
      const details: Record<string, { error: string; description: string }[]> = {};
      if (!/^[a-z0-9_]+$/i.test(username)) details['username'] = [{ error: 'ERR_INVALID', description: 'only letters, numbers and underscores' }];
      else if (store.userByLogin(username)) details['username'] = [{ error: 'ERR_TAKEN', description: 'is already taken' }];
      if (!/^[^@\s]+@[^@\s]+$/.test(email)) details['email'] = [{ error: 'ERR_INVALID', description: 'is invalid' }];
      if ((str(req.params, 'password') ?? '').length < 8) details['password'] = [{ error: 'ERR_TOO_SHORT', description: 'is too short (minimum is 8 characters)' }];
      if (!['1', 'true'].includes(str(req.params, 'agreement') ?? '')) details['agreement'] = [{ error: 'ERR_ACCEPTED', description: 'must be accepted' }];
      const birth = dateOfBirthError(str(req.params, 'date_of_birth'), fakeRegistrations(store).min_age);
      if (birth) details['date_of_birth'] = [birth];
      if (Object.keys(details).length > 0) {
        throw new FakeHttpError(422, `Validation failed: ${Object.keys(details).join(', ')}`, { details });
      }
      const user = store.addUser(username, email, str(req.params, 'password')!);
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
