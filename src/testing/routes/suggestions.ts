import { userOf, type FakeRoutes } from './types.js';
import { accountOr404, blocks, follows, social } from './social.js';

/** Follow suggestions: every local account the user does not follow, block, mute or dismissed. */
export const suggestionRoutes: FakeRoutes = {
  'GET /api/v1/suggestions': {
    auth: 'user',
    handle: (req, { store }) => {
      const me = userOf(req).account.id;
      const state = social(store);
      const dismissed = state.dismissed.get(me) ?? new Set<string>();
      const suggested = [...store.users.values()].map((u) => u.account).filter((a) => a.id !== me
        && !follows(store, me, a.id) && !blocks(store, me, a.id) && !blocks(store, a.id, me)
        && !(state.mutes.get(me)?.has(a.id) ?? false) && !dismissed.has(a.id));
      return { json: suggested.slice(0, 40) };
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
