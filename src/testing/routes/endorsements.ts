import type { FakeStore } from '../store.js';
import { pageReply } from '../paginate.js';
import { accountOr404, endorsementId, follows, relationshipJson, social } from './social.js';
import { compareIds } from './accounts.js';
import { requireScope } from './scopes.js';
import { FakeHttpError, userOf, type FakeRequest, type FakeRoutes } from './types.js';

/** A page of the accounts `owner` endorses, the latest endorsed first, with Mastodon's limits (40, at most 80). */
function endorsedPage(store: FakeStore, request: FakeRequest, owner: string) {
  const items = [...social(store).endorsements.get(owner) ?? []]
    .map((account) => ({ id: endorsementId(store, owner, account), account }))
    .sort((a, b) => compareIds(b.id, a.id));
  const reply = pageReply(request, items, { defaultLimit: 40, maxLimit: 80, prev: 'since_id' });
  return { ...reply, json: (reply.json as typeof items).map((e) => store.accountById(e.account)).filter(Boolean) };
}

/** Featured (endorsed) accounts: endorse and unendorse (4.4), and the lists of them. */
export const endorsementRoutes: FakeRoutes = {
  'POST /api/v1/accounts/{id}/endorse': {
    auth: 'user',
    handle: (req, { store }) => {
      requireScope(req, 'write:accounts');
      const me = userOf(req).account.id;
      const other = accountOr404(store, req.pathParams['id']).id;
      if (!follows(store, me, other)) throw new FakeHttpError(422, 'Validation failed: You must be already following the person you want to endorse');
      const endorsed = social(store).endorsements;
      if (!endorsed.has(me)) endorsed.set(me, new Set());
      // The endorsement's id is its cursor in the pages, made when it is made (accountPin's too).
      if (!endorsed.get(me)!.has(other)) endorsementId(store, me, other, true);
      endorsed.get(me)!.add(other);
      return { json: relationshipJson(store, me, other) };
    },
  },
  'POST /api/v1/accounts/{id}/unendorse': {
    auth: 'user',
    handle: (req, { store }) => {
      requireScope(req, 'write:accounts');
      const me = userOf(req).account.id;
      const other = accountOr404(store, req.pathParams['id']).id;
      social(store).endorsements.get(me)?.delete(other);
      store.extension('endorsement-ids', () => new Map<string, string>()).delete(`${me}>${other}`);
      return { json: relationshipJson(store, me, other) };
    },
  },
  'GET /api/v1/accounts/{id}/endorsements': {
    auth: 'none',
    handle: (req, { store }) => {
      requireScope(req, 'read:accounts');
      return endorsedPage(store, req, accountOr404(store, req.pathParams['id']).id);
    },
  },
  'GET /api/v1/endorsements': {
    auth: 'user',
    handle: (req, { store }) => {
      requireScope(req, 'read:accounts');
      return endorsedPage(store, req, userOf(req).account.id);
    },
  },
};
