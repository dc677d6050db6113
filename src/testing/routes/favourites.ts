import { userOf, type FakeRequest, type FakeRoutes } from './types.js';
import type { FakeStatus, FakeStore } from '../store.js';
import { pageReply } from '../paginate.js';
import { statusState, statusView } from './status-state.js';
import { compareIds } from './accounts.js';

/**
 * A page of the user's marked statuses, the latest marked first. As on Mastodon, the cursors
 * are the marks' own ids, not the statuses' ids: only the Link header leads on.
 */
function marksPage(store: FakeStore, request: FakeRequest, marks: Map<string, string> | undefined) {
  const me = userOf(request).account.id;
  const items = [...marks ?? []].map(([statusId, id]) => ({ id, status: store.statusById.get(statusId) }))
    .filter((m): m is { id: string; status: FakeStatus } => m.status !== undefined)
    .sort((a, b) => compareIds(b.id, a.id));
  const reply = pageReply(request, items);
  return { ...reply, json: (reply.json as typeof items).map((m) => statusView(store, m.status, me)) };
}

/** Favourites and bookmarks. */
export const favouriteRoutes: FakeRoutes = {
  'GET /api/v1/favourites': {
    auth: 'user',
    handle: (req, { store }) => marksPage(store, req, statusState(store).favourites.get(userOf(req).account.id)),
  },

  'GET /api/v1/bookmarks': {
    auth: 'user',
    handle: (req, { store }) => marksPage(store, req, statusState(store).bookmarks.get(userOf(req).account.id)),
  },
};
