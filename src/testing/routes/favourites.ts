import { userOf, type FakeRequest, type FakeRoutes } from './types.js';
import type { FakeStatus, FakeStore } from '../store.js';
import { pageReply } from '../paginate.js';
import { social } from './social.js';
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

/**
 * The user's endorsements with their ids (the cursors of their pages), newest first: ids are
 * made when an endorsement is first listed, in the order they were made, and forgotten once
 * it ends, so that endorsing again makes it the newest.
 */
function endorsements(store: FakeStore, me: string): { account: string; id: string }[] {
  const ids = store.extension('endorsement-ids', () => new Map<string, string>());
  const featured = social(store).endorsements.get(me) ?? new Set<string>();
  for (const key of ids.keys()) if (key.startsWith(`${me}>`) && !featured.has(key.slice(me.length + 1))) ids.delete(key);
  return [...featured].map((account) => {
    let id = ids.get(`${me}>${account}`);
    if (!id) ids.set(`${me}>${account}`, id = store.nextId());
    return { account, id };
  }).reverse();
}

/** Favourites, bookmarks and endorsements. */
export const favouriteRoutes: FakeRoutes = {
  'GET /api/v1/favourites': {
    auth: 'user',
    handle: (req, { store }) => marksPage(store, req, statusState(store).favourites.get(userOf(req).account.id)),
  },

  'GET /api/v1/bookmarks': {
    auth: 'user',
    handle: (req, { store }) => marksPage(store, req, statusState(store).bookmarks.get(userOf(req).account.id)),
  },

  'GET /api/v1/endorsements': {
    auth: 'user',
    handle: (req, { store }) => {
      const reply = pageReply(req, endorsements(store, userOf(req).account.id), { defaultLimit: 40, maxLimit: 80, prev: 'since_id' });
      return { ...reply, json: (reply.json as { account: string }[]).map((e) => store.accountById(e.account)).filter(Boolean) };
    },
  },
};
