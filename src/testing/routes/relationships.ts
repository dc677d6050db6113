import { FakeHttpError, str, userOf, type FakeRequest, type FakeRoutes } from './types.js';
import type { FakeStore } from '../store.js';
import { pageReply } from '../paginate.js';
import { accountOr404, addFollow, inner, muteOf, relationshipJson, social } from './social.js';
import { compareIds } from './accounts.js';

/** A page of accounts from records `account → record id`, the newest record first. */
function recordsPage(store: FakeStore, request: FakeRequest, records: Iterable<[string, string]>) {
  const items = [...records].map(([account, id]) => ({ account, id })).sort((a, b) => compareIds(b.id, a.id));
  const reply = pageReply(request, items, { defaultLimit: 40, maxLimit: 80, prev: 'since_id' });
  return { ...reply, json: (reply.json as { account: string }[]).map((r) => store.accountById(r.account)).filter(Boolean) };
}

function domainOf(request: FakeRequest): string {
  const domain = str(request.params, 'domain')?.trim().toLowerCase() ?? '';
  if (domain === '' || !/^[a-z0-9.-]+(:\d+)?$/.test(domain)) throw new FakeHttpError(422, 'Validation failed: Domain is invalid');
  return domain;
}

function requestOr404(store: FakeStore, request: FakeRequest): { me: string; requester: string } {
  const me = userOf(request).account.id;
  const requester = accountOr404(store, request.pathParams['id']).id;
  if (!social(store).requests.get(me)?.has(requester)) throw new FakeHttpError(404, 'Record not found');
  return { me, requester };
}

/** Mutes, blocks, follow requests and domain blocks. */
export const relationshipRoutes: FakeRoutes = {
  'GET /api/v1/mutes': {
    auth: 'user',
    handle: (req, { store }) => {
      const me = userOf(req).account.id;
      const live = [...social(store).mutes.get(me)?.keys() ?? []].map((id) => [id, muteOf(store, me, id)?.id] as const)
        .filter((entry): entry is readonly [string, string] => entry[1] !== undefined);
      return recordsPage(store, req, live.map(([a, id]) => [a, id]));
    },
  },

  'GET /api/v1/blocks': {
    auth: 'user',
    handle: (req, { store }) => recordsPage(store, req, social(store).blocks.get(userOf(req).account.id) ?? []),
  },

  'GET /api/v1/follow_requests': {
    auth: 'user',
    handle: (req, { store }) => recordsPage(store, req, social(store).requests.get(userOf(req).account.id) ?? []),
  },

  'POST /api/v1/follow_requests/{id}/authorize': {
    auth: 'user',
    handle: (req, { store }) => {
      const { me, requester } = requestOr404(store, req);
      const state = social(store);
      state.requests.get(me)!.delete(requester);
      addFollow(store, requester, me, state.followOptions.get(`${requester}>${me}`) ?? { reblogs: true, notify: false });
      return { json: relationshipJson(store, me, requester) };
    },
  },

  'POST /api/v1/follow_requests/{id}/reject': {
    auth: 'user',
    handle: (req, { store }) => {
      const { me, requester } = requestOr404(store, req);
      social(store).requests.get(me)!.delete(requester);
      return { json: relationshipJson(store, me, requester) };
    },
  },

  'GET /api/v1/domain_blocks': {
    auth: 'user',
    handle: (req, { store }) => {
      const blocked = [...social(store).domainBlocks.get(userOf(req).account.id) ?? []]
        .map(([domain, id]) => ({ domain, id })).sort((a, b) => compareIds(b.id, a.id));
      const reply = pageReply(req, blocked, { defaultLimit: 100, maxLimit: 200 });
      return { ...reply, json: (reply.json as { domain: string }[]).map((b) => b.domain) };
    },
  },

  'POST /api/v1/domain_blocks': {
    auth: 'user',
    handle: (req, { store }) => {
      const domain = domainOf(req);
      const mine = inner(social(store).domainBlocks, userOf(req).account.id);
      if (!mine.has(domain)) mine.set(domain, store.nextId());
      return { json: {} };
    },
  },

  'DELETE /api/v1/domain_blocks': {
    auth: 'user',
    handle: (req, { store }) => {
      social(store).domainBlocks.get(userOf(req).account.id)?.delete(domainOf(req));
      return { json: {} };
    },
  },
};
