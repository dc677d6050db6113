import { hashtagsOf, tagHistory, tagState } from '../hashtags.js';
import { pageReply } from '../paginate.js';
import type { FakeStatus, FakeStore } from '../store.js';
import { compareIds } from './accounts.js';
import { featuredOf, featureTag } from './featured-tags.js';
import { requireScope } from './scopes.js';
import { FakeHttpError, userOf, type FakeRequest, type FakeRoutes } from './types.js';

/** A hashtag name as Mastodon's routes take it: letters, digits, `_` and `·`, not digits alone. */
const HASHTAG_NAME = /^[\p{L}\p{N}_·]*[\p{L}_·][\p{L}\p{N}_·]*$/u;

/** The tag of a request's `{hashtag}` or `{name}`, lower case, its id given on first sight; a 404 for what cannot be a hashtag. */
function tagOf(store: FakeStore, request: FakeRequest): string {
  const raw = request.pathParams['hashtag'] ?? request.pathParams['name'] ?? '';
  if (!HASHTAG_NAME.test(raw)) throw new FakeHttpError(404, 'Record not found');
  const name = raw.toLowerCase();
  const ids = tagState(store).ids;
  if (!ids.has(name)) ids.set(name, store.nextId());
  return name;
}

/** A hashtag as the API shows it to `viewer`: with whether they follow and feature it. */
function tagView(store: FakeStore, name: string, viewer: string | undefined): Record<string, unknown> {
  const shown: Record<string, unknown> = {
    id: tagState(store).ids.get(name), name, url: `${store.baseUrl}/tags/${encodeURIComponent(name)}`, history: tagHistory(store, name),
  };
  if (viewer === undefined) return shown;
  return {
    ...shown,
    following: tagState(store).follows.get(viewer)?.has(name) ?? false,
    featuring: featuredOf(store, viewer).some((t) => t.name === name),
  };
}

/**
 * Whether `status` came to `viewer`'s home through a hashtag they follow: a public status that
 * is not a boost, posted while they followed one of its hashtags (Mastodon delivers such
 * statuses to hashtag followers as they are posted, and takes them out again on unfollow).
 */
export function deliveredByFollowedTag(store: FakeStore, viewer: string, status: FakeStatus): boolean {
  const followed = tagState(store).follows.get(viewer);
  if (!followed || followed.size === 0 || status.visibility !== 'public' || status['reblog']) return false;
  return hashtagsOf(store, status).some((name) => {
    const since = followed.get(name);
    return since !== undefined && compareIds(status.id, since) > 0;
  });
}

/** Hashtags: show, follow and unfollow (4.0), feature and unfeature (4.4), and the followed list. */
export const tagRoutes: FakeRoutes = {
  'GET /api/v1/tags/{hashtag}': {
    auth: 'none',
    handle: (req, { store }) => ({ json: tagView(store, tagOf(store, req), req.user?.account.id) }),
  },
  'POST /api/v1/tags/{hashtag}/follow': {
    auth: 'user',
    handle: (req, { store }) => {
      requireScope(req, 'write:follows', 'follow');
      const me = userOf(req).account.id;
      const name = tagOf(store, req);
      const follows = tagState(store).follows;
      if (!follows.has(me)) follows.set(me, new Map());
      // Idempotent since 4.1: following again keeps the first follow.
      if (!follows.get(me)!.has(name)) follows.get(me)!.set(name, store.nextId());
      return { json: tagView(store, name, me) };
    },
  },
  'POST /api/v1/tags/{hashtag}/unfollow': {
    auth: 'user',
    handle: (req, { store }) => {
      requireScope(req, 'write:follows', 'follow');
      const me = userOf(req).account.id;
      const name = tagOf(store, req);
      tagState(store).follows.get(me)?.delete(name);
      return { json: tagView(store, name, me) };
    },
  },
  'POST /api/v1/tags/{name}/feature': {
    auth: 'user',
    handle: (req, { store }) => {
      requireScope(req, 'write:accounts');
      const { account } = userOf(req);
      const name = tagOf(store, req);
      featureTag(store, account, name);
      return { json: tagView(store, name, account.id) };
    },
  },
  'POST /api/v1/tags/{name}/unfeature': {
    auth: 'user',
    handle: (req, { store }) => {
      requireScope(req, 'write:accounts');
      const { account } = userOf(req);
      const name = tagOf(store, req);
      const list = featuredOf(store, account.id);
      const index = list.findIndex((t) => t.name === name);
      if (index >= 0) list.splice(index, 1);
      return { json: tagView(store, name, account.id) };
    },
  },
  'GET /api/v1/followed_tags': {
    auth: 'user',
    handle: (req, { store }) => {
      requireScope(req, 'read:follows', 'follow');
      const me = userOf(req).account.id;
      const follows = [...tagState(store).follows.get(me) ?? []].map(([name, id]) => ({ id, name })).sort((a, b) => compareIds(b.id, a.id));
      const reply = pageReply(req, follows, { defaultLimit: 100, maxLimit: 200 });
      return { ...reply, json: (reply.json as typeof follows).map((f) => tagView(store, f.name, me)) };
    },
  },
};
