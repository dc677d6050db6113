import { expandScopes } from '../../client/scopes.js';
import { FakeHttpError, type FakeRequest, type FakeRoute } from './types.js';

/**
 * A route that checks the request's token as Mastodon's `doorkeeper_authorize!` does: a token
 * holding none of `scopes` (composites expanded) is answered 403. A route anybody may call
 * checks only a token that comes (`authorize_if_got_token!`).
 *
 * @example 'DELETE /api/v1/media/{id}': scoped(['write', 'write:media'], { auth: 'user', handle: deleteMedia })
 */
export function scoped(scopes: readonly string[], route: FakeRoute): FakeRoute {
  return {
    auth: route.auth,
    handle: (request, context) => {
      if (request.token) {
        const granted = expandScopes(request.token.scopes);
        if (!scopes.some((scope) => granted.has(scope))) throw new FakeHttpError(403, 'This action is outside the authorized scopes');
      }
      return route.handle(request, context);
    },
  };
}

/** Reading statuses, as Mastodon's status endpoints ask. */
export const READ_STATUSES = ['read', 'read:statuses'] as const;
/** Writing statuses. */
export const WRITE_STATUSES = ['write', 'write:statuses'] as const;
/** Reading the user's account data (annual reports). */
export const READ_ACCOUNTS = ['read', 'read:accounts'] as const;
/** Writing it. */
export const WRITE_ACCOUNTS = ['write', 'write:accounts'] as const;
/** Reading collections (Mastodon 4.6), a scope of its own that `read` covers. */
export const READ_COLLECTIONS = ['read', 'read:collections'] as const;
/** Writing collections. */
export const WRITE_COLLECTIONS = ['write', 'write:collections'] as const;

/**
 * A route for users whose token carries `scope` (or the composite that holds it, such as
 * `read` for `read:filters`), else 403 as Mastodon answers.
 * @example userRoute('read:filters', (req, { store }) => ({ json: [] }))
 */
export function userRoute(scope: string, handle: FakeRoute['handle']): FakeRoute {
  return {
    auth: 'user',
    handle: (req: FakeRequest, context) => {
      if (!expandScopes(req.token?.scopes ?? []).has(scope)) throw new FakeHttpError(403, 'This action is outside the authorized scopes');
      return handle(req, context);
    },
  };
}
