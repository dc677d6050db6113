import { expandScopes } from '../../client/scopes.js';
import { FakeHttpError, type FakeRequest, type FakeRoute } from './types.js';

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
