import { str, userOf, type FakeRequest, type FakeRoutes } from './types.js';
import { accountOr404, blocks, follows, social } from './social.js';
import type { FakeAccount, FakeStore } from '../store.js';

/** Every local account the user does not follow, block, mute or dismissed, as many as the request's limit (40, at most 80). */
function suggested(store: FakeStore, request: FakeRequest): FakeAccount[] {
  const me = userOf(request).account.id;
  const state = social(store);
  const dismissed = state.dismissed.get(me) ?? new Set<string>();
  const limit = Math.min(Math.max(Number(str(request.params, 'limit') ?? 40) || 40, 1), 80);
  return [...store.users.values()].map((u) => u.account).filter((a) => a.id !== me
    && !follows(store, me, a.id) && !blocks(store, me, a.id) && !blocks(store, a.id, me)
    && !(state.mutes.get(me)?.has(a.id) ?? false) && !dismissed.has(a.id)).slice(0, limit);
}

/** Follow suggestions. */
export const suggestionRoutes: FakeRoutes = {
  'GET /api/v1/suggestions': {
    auth: 'user',
    handle: (req, { store }) => ({ json: suggested(store, req) }),
  },

  // Why each is suggested: followed by accounts the user follows, else much followed (4.3's
  // `sources`, and the single `source` that older clients read).
  'GET /api/v2/suggestions': {
    auth: 'user',
    handle: (req, { store }) => {
      const me = userOf(req).account.id;
      return {
        json: suggested(store, req).map((account) => {
          const friendly = [...store.follows.get(me) ?? []].some((friend) => follows(store, friend, account.id));
          return friendly
            ? { source: 'past_interactions', sources: ['friends_of_friends'], account }
            : { source: 'global', sources: ['most_followed'], account };
        }),
      };
    },
  },

  'DELETE /api/v1/suggestions/{account_id}': {
    auth: 'user',
    handle: (req, { store }) => {
      const me = userOf(req).account.id;
      const account = accountOr404(store, req.pathParams['account_id']);
      const state = social(store);
      if (!state.dismissed.has(me)) state.dismissed.set(me, new Set());
      state.dismissed.get(me)!.add(account.id);
      return { json: {} };
    },
  },
};
