import { FakeHttpError, type FakeRequest } from './types.js';

/**
 * Throws Mastodon's 403 unless the request's token has one of `accepted` (a scope such as
 * `read:follows` is also granted by its parent `read`), as Doorkeeper checks a controller's
 * scopes. A request without a token passes: whether a route needs one is its `auth`'s business.
 *
 * @example requireScope(req, 'write:follows', 'follow')
 */
export function requireScope(request: FakeRequest, ...accepted: readonly string[]): void {
  const granted = request.token?.scopes;
  if (granted === undefined) return;
  const covers = (scope: string): boolean => granted.includes(scope) || granted.includes(scope.split(':').slice(0, -1).join(':'));
  if (!accepted.some(covers)) throw new FakeHttpError(403, 'This action is outside the authorized scopes');
}
