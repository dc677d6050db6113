import { bool, FakeHttpError, list, str, userOf, type FakeRequest, type FakeRoutes } from './types.js';
import type { FakeStore } from '../store.js';
import { pageReply } from '../paginate.js';
import { accountOr404, follows } from './social.js';

/** A list as the fake keeps it: its JSON, its owner and its members (account → membership id). */
export interface FakeList {
  readonly ownerId: string;
  json: { id: string; title: string; replies_policy: RepliesPolicy; exclusive: boolean };
  readonly members: Map<string, string>;
}

/** Which replies a list shows: to anyone its owner follows, to its members, or none. */
export type RepliesPolicy = 'followed' | 'list' | 'none';

const REPLIES_POLICIES: readonly RepliesPolicy[] = ['followed', 'list', 'none'];

/** list id → list. As in Mastodon, an account leaves its follower's lists when the follow ends. */
export function listState(store: FakeStore): Map<string, FakeList> {
  return store.extension<Map<string, FakeList>>('lists', () => {
    const lists = new Map<string, FakeList>();
    store.listen((change) => {
      if (change.type !== 'follow.removed') return;
      for (const found of lists.values()) if (found.ownerId === change['follower']) found.members.delete(String(change['followed']));
    });
    return lists;
  });
}

/** The list of the request's `{id}` if it belongs to the request's user, else a 404. */
export function ownList(store: FakeStore, request: FakeRequest): FakeList {
  const found = listState(store).get(request.pathParams['id'] ?? '');
  if (!found || found.ownerId !== userOf(request).account.id) throw new FakeHttpError(404, 'Record not found');
  return found;
}

function titleOf(request: FakeRequest): string {
  const title = str(request.params, 'title') ?? '';
  if (title.trim() === '') throw new FakeHttpError(422, "Validation failed: Title can't be blank");
  return title;
}

/** `replies_policy` and `exclusive` of a create or update, checked; those not given keep `current`. */
function settingsOf(request: FakeRequest, current: Pick<FakeList['json'], 'replies_policy' | 'exclusive'>): Pick<FakeList['json'], 'replies_policy' | 'exclusive'> {
  const policy = str(request.params, 'replies_policy') ?? current.replies_policy;
  if (!(REPLIES_POLICIES as readonly string[]).includes(policy)) throw new FakeHttpError(422, 'Validation failed: Replies policy is not included in the list');
  return {
    replies_policy: policy as RepliesPolicy,
    exclusive: request.params['exclusive'] === undefined ? current.exclusive : bool(request.params, 'exclusive'),
  };
}

/** Whether `viewer` has an exclusive list with `accountId` on it: that account's posts stay off `viewer`'s home. */
export function inExclusiveList(store: FakeStore, viewer: string, accountId: string): boolean {
  for (const found of listState(store).values()) {
    if (found.ownerId === viewer && found.json.exclusive && found.members.has(accountId)) return true;
  }
  return false;
}

/** Lists and their members. */
export const listRoutes: FakeRoutes = {
  'GET /api/v1/lists': {
    auth: 'user',
    handle: (req, { store }) => {
      const me = userOf(req).account.id;
      return { json: [...listState(store).values()].filter((l) => l.ownerId === me).map((l) => l.json) };
    },
  },

  'GET /api/v1/lists/{id}': {
    auth: 'user',
    handle: (req, { store }) => ({ json: ownList(store, req).json }),
  },

  'POST /api/v1/lists': {
    auth: 'user',
    handle: (req, { store }) => {
      const id = String(listState(store).size + 1);
      const json = { id, title: titleOf(req), ...settingsOf(req, { replies_policy: 'list', exclusive: false }) };
      const created: FakeList = { ownerId: userOf(req).account.id, json, members: new Map() };
      listState(store).set(id, created);
      return { json: created.json };
    },
  },

  'PUT /api/v1/lists/{id}': {
    auth: 'user',
    handle: (req, { store }) => {
      const found = ownList(store, req);
      found.json = { ...found.json, title: titleOf(req), ...settingsOf(req, found.json) };
      return { json: found.json };
    },
  },

  'DELETE /api/v1/lists/{id}': {
    auth: 'user',
    handle: (req, { store }) => {
      listState(store).delete(ownList(store, req).json.id);
      return { json: {} };
    },
  },

  'GET /api/v1/lists/{id}/accounts': {
    auth: 'user',
    handle: (req, { store }) => {
      const members = [...ownList(store, req).members].map(([account, id]) => ({ account, id })).reverse();
      const reply = pageReply(req, members, { defaultLimit: 40, maxLimit: 80, prev: 'since_id' });
      return { ...reply, json: (reply.json as { account: string }[]).map((m) => store.accountById(m.account)).filter(Boolean) };
    },
  },

  'POST /api/v1/lists/{id}/accounts': {
    auth: 'user',
    handle: (req, { store }) => {
      const found = ownList(store, req);
      const me = userOf(req).account.id;
      for (const id of list(req.params, 'account_ids')) {
        accountOr404(store, id);
        if (!follows(store, me, id)) throw new FakeHttpError(422, 'Validation failed: Account has not been followed');
        if (found.members.has(id)) throw new FakeHttpError(422, 'Validation failed: Account has already been taken');
        found.members.set(id, store.nextId());
      }
      return { json: {} };
    },
  },

  'DELETE /api/v1/lists/{id}/accounts': {
    auth: 'user',
    handle: (req, { store }) => {
      const found = ownList(store, req);
      for (const id of list(req.params, 'account_ids')) found.members.delete(id);
      return { json: {} };
    },
  },
};
