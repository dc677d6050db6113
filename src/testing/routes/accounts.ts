import { bool, FakeHttpError, list, str, userOf, type FakeRequest, type FakeRoutes } from './types.js';
import type { FakeAccount, FakeStore } from '../store.js';
import { pageReply } from '../paginate.js';
import {
  accountOr404, addFollow, blocks, canSee, endorsementId, followId, follows, inner, muteOf, relationshipJson, removeFollow, social,
  type FollowOptions,
} from './social.js';
import { fakeAdmin } from './admin-state.js';
import { statusesView, statusState } from './status-state.js';
import { listState } from './lists.js';
import { credentialAccountJson } from './profile-state.js';
import { requireScope } from './scopes.js';
import { deliverNotification } from '../notifications-state.js';

/** Replies with the relationship of the request's user and the account of its `{id}`, after `act`. */
function relationshipAction(act: (store: FakeStore, me: FakeAccount, other: FakeAccount, request: FakeRequest) => void) {
  return {
    auth: 'user' as const,
    handle: (request: FakeRequest, { store }: { store: FakeStore }) => {
      const me = userOf(request).account;
      const other = accountOr404(store, request.pathParams['id']);
      act(store, me, other, request);
      return { json: relationshipJson(store, me.id, other.id) };
    },
  };
}

/**
 * Follows `target` as `me`, or asks to when it is locked; as Mastodon does, notifies the
 * target. Following someone who blocks you is forbidden.
 */
export function followAs(store: FakeStore, me: FakeAccount, target: FakeAccount, options: FollowOptions): void {
  if (me.id === target.id) throw new FakeHttpError(403, 'This action is not allowed');
  if (blocks(store, target.id, me.id) || blocks(store, me.id, target.id)) throw new FakeHttpError(403, 'This action is not allowed');
  const state = social(store);
  if (follows(store, me.id, target.id)) {
    state.followOptions.set(`${me.id}>${target.id}`, options);
  } else if (target.locked) {
    const requests = inner(state.requests, target.id);
    if (!requests.has(me.id)) {
      requests.set(me.id, store.nextId());
      deliverNotification(store, 'follow_request', target.id, me);
    }
    state.followOptions.set(`${me.id}>${target.id}`, options);
  } else {
    addFollow(store, me.id, target.id, options);
    deliverNotification(store, 'follow', target.id, me);
  }
}

function accountsPage(store: FakeStore, request: FakeRequest, edges: readonly { id: string; account: string }[]) {
  const reply = pageReply(request, [...edges].sort((a, b) => compareIds(b.id, a.id)), { maxLimit: 80, defaultLimit: 40, prev: 'since_id' });
  return { ...reply, json: (reply.json as { account: string }[]).map((e) => store.accountById(e.account)).filter(Boolean) };
}

/** Compares snowflake ids as numbers. */
export function compareIds(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

function lookupAcct(store: FakeStore, acct: string): FakeAccount | undefined {
  const host = new URL(store.baseUrl).host;
  const [username, domain] = acct.replace(/^@/, '').split('@');
  if (domain !== undefined && domain !== host) return undefined;
  for (const user of store.users.values()) if (user.account.username === username) return user.account;
  return undefined;
}

/** Whether an account hides whom it follows and who follows it from this request (not from itself). */
function hidesCollections(account: FakeAccount, request: FakeRequest): boolean {
  return account['hide_collections'] === true && request.user?.account.id !== account.id;
}

/** Accounts, and how the user relates to them. */
export const accountRoutes: FakeRoutes = {
  // Up to 40 distinct ids; the accounts found, in the server's order (the fake's: oldest first).
  'GET /api/v1/accounts': {
    auth: 'none',
    handle: (req, { store }) => {
      requireScope(req, 'read:accounts');
      const ids = new Set(list(req.params, 'id'));
      if (ids.size > 40) throw new FakeHttpError(422, 'Mastodon::ValidationError');
      return { json: [...store.users.values()].map((u) => u.account).filter((a) => ids.has(a.id)) };
    },
  },

  'GET /api/v1/accounts/{id}': {
    auth: 'none',
    handle: (req, { store }) => ({ json: accountOr404(store, req.pathParams['id']) }),
  },

  'GET /api/v1/accounts/verify_credentials': {
    auth: 'user',
    handle: (req, { store }) => ({ json: credentialAccountJson(store, userOf(req)) }),
  },

  'GET /api/v1/accounts/{id}/statuses': {
    auth: 'none',
    handle: (req, { store }) => {
      const account = accountOr404(store, req.pathParams['id']);
      const viewer = req.user?.account.id;
      const pinned = statusState(store).pinned.get(account.id) ?? new Set<string>();
      const tag = str(req.params, 'tagged')?.toLowerCase();
      const statuses = store.statuses.filter((s) => s.account.id === account.id && canSee(store, s, viewer)
        && (!bool(req.params, 'pinned') || pinned.has(s.id))
        && (!bool(req.params, 'exclude_replies') || s['in_reply_to_id'] === null)
        && (!bool(req.params, 'exclude_reblogs') || !s['reblog'])
        && (!bool(req.params, 'only_media') || (Array.isArray(s['media_attachments']) && s['media_attachments'].length > 0))
        && (tag === undefined || (s['tags'] as { name: string }[] | undefined ?? []).some((t) => t.name === tag))).reverse();
      const reply = pageReply(req, statuses);
      // As in Mastodon, pinned statuses come in one page, without links.
      const headers = bool(req.params, 'pinned') ? {} : reply.headers;
      return { ...reply, headers, json: statusesView(store, req, reply.json as typeof statuses) };
    },
  },

  'GET /api/v1/accounts/{id}/following': {
    auth: 'none',
    handle: (req, { store }) => {
      const account = accountOr404(store, req.pathParams['id']);
      if (hidesCollections(account, req)) return { json: [] };
      const edges = [...store.follows.get(account.id) ?? []].map((other) => ({ id: followId(store, account.id, other), account: other }));
      return accountsPage(store, req, edges);
    },
  },

  'GET /api/v1/accounts/{id}/followers': {
    auth: 'none',
    handle: (req, { store }) => {
      const account = accountOr404(store, req.pathParams['id']);
      if (hidesCollections(account, req)) return { json: [] };
      const edges = [...store.follows].filter(([, set]) => set.has(account.id))
        .map(([follower]) => ({ id: followId(store, follower, account.id), account: follower }));
      return accountsPage(store, req, edges);
    },
  },

  'GET /api/v1/accounts/relationships': {
    auth: 'user',
    handle: (req, { store }) => {
      const me = userOf(req).account.id;
      const withSuspended = bool(req.params, 'with_suspended');
      const ids = list(req.params, 'id').filter((id) => store.accountById(id) && (withSuspended || !fakeAdmin(store).of(id).suspended));
      return { json: ids.map((id) => relationshipJson(store, me, id)) };
    },
  },

  'GET /api/v1/accounts/search': {
    auth: 'user',
    handle: (req, { store }) => {
      const me = userOf(req).account.id;
      // `user@this.server` is the local `user`, as Mastodon reads it.
      const local = `@${new URL(store.baseUrl).host.toLowerCase()}`;
      const typed = (str(req.params, 'q') ?? '').replace(/^@/, '').toLowerCase();
      const q = typed.endsWith(local) ? typed.slice(0, -local.length) : typed;
      const limit = Math.min(Number(str(req.params, 'limit') ?? 40) || 40, 80);
      const offset = Math.max(Number(str(req.params, 'offset') ?? 0) || 0, 0);
      const onlyFollowing = bool(req.params, 'following');
      const found = [...store.users.values()].map((u) => u.account).filter((a) => q !== ''
        && (a.username.toLowerCase().startsWith(q) || a.acct.toLowerCase().startsWith(q) || a.display_name.toLowerCase().includes(q))
        && (!onlyFollowing || follows(store, me, a.id)) && !blocks(store, a.id, me));
      return { json: found.slice(offset, offset + limit) };
    },
  },

  'GET /api/v1/accounts/{id}/lists': {
    auth: 'user',
    handle: (req, { store }) => {
      const me = userOf(req).account.id;
      const account = accountOr404(store, req.pathParams['id']);
      const lists = [...listState(store).values()].filter((l) => l.ownerId === me && l.members.has(account.id));
      return { json: lists.map((l) => l.json) };
    },
  },

  'GET /api/v1/accounts/lookup': {
    auth: 'none',
    handle: (req, { store }) => {
      const account = lookupAcct(store, str(req.params, 'acct') ?? '');
      if (!account) throw new FakeHttpError(404, 'Record not found');
      return { json: account };
    },
  },

  'GET /api/v1/accounts/familiar_followers': {
    auth: 'user',
    handle: (req, { store }) => {
      const me = userOf(req).account.id;
      return {
        json: list(req.params, 'id').map((id) => ({
          id,
          accounts: [...store.follows].filter(([follower, set]) => set.has(id) && follower !== me && follows(store, me, follower))
            .map(([follower]) => store.accountById(follower)).filter(Boolean),
        })),
      };
    },
  },

  'POST /api/v1/accounts/{id}/follow': relationshipAction((store, me, other, req) => {
    const languages = list(req.params, 'languages');
    const options = {
      reblogs: req.params['reblogs'] === undefined ? true : bool(req.params, 'reblogs'),
      notify: bool(req.params, 'notify'),
      languages: languages.length > 0 ? languages : null,
    };
    followAs(store, me, other, options);
  }),

  'POST /api/v1/follows': {
    auth: 'user',
    handle: (req, { store }) => {
      const me = userOf(req).account;
      const target = lookupAcct(store, str(req.params, 'uri') ?? '');
      if (!target) throw new FakeHttpError(404, 'Record not found');
      followAs(store, me, target, { reblogs: true, notify: false });
      return { json: target };
    },
  },

  'POST /api/v1/accounts/{id}/unfollow': relationshipAction((store, me, other) => {
    removeFollow(store, me.id, other.id);
    social(store).requests.get(other.id)?.delete(me.id);
  }),

  'POST /api/v1/accounts/{id}/remove_from_followers': relationshipAction((store, me, other) => {
    removeFollow(store, other.id, me.id);
  }),

  'POST /api/v1/accounts/{id}/block': relationshipAction((store, me, other) => {
    if (me.id === other.id) throw new FakeHttpError(403, 'This action is not allowed');
    const state = social(store);
    const mine = inner(state.blocks, me.id);
    if (!mine.has(other.id)) mine.set(other.id, store.nextId());
    removeFollow(store, me.id, other.id);
    removeFollow(store, other.id, me.id);
    state.requests.get(me.id)?.delete(other.id);
    state.requests.get(other.id)?.delete(me.id);
  }),

  'POST /api/v1/accounts/{id}/unblock': relationshipAction((store, me, other) => {
    social(store).blocks.get(me.id)?.delete(other.id);
  }),

  'POST /api/v1/accounts/{id}/mute': relationshipAction((store, me, other, req) => {
    if (me.id === other.id) throw new FakeHttpError(403, 'This action is not allowed');
    const duration = Number(str(req.params, 'duration') ?? 0);
    const previous = muteOf(store, me.id, other.id);
    inner(social(store).mutes, me.id).set(other.id, {
      id: previous?.id ?? store.nextId(),
      notifications: req.params['notifications'] === undefined ? true : bool(req.params, 'notifications'),
      expiresAt: duration > 0 ? Date.now() + duration * 1000 : null,
    });
  }),

  'POST /api/v1/accounts/{id}/unmute': relationshipAction((store, me, other) => {
    social(store).mutes.get(me.id)?.delete(other.id);
  }),

  'POST /api/v1/accounts/{id}/pin': relationshipAction((store, me, other) => {
    if (!follows(store, me.id, other.id)) throw new FakeHttpError(422, 'Validation failed: You must be already following the person you want to endorse');
    const state = social(store);
    if (!state.endorsements.has(me.id)) state.endorsements.set(me.id, new Set());
    if (!state.endorsements.get(me.id)!.has(other.id)) endorsementId(store, me.id, other.id, true);
    state.endorsements.get(me.id)!.add(other.id);
  }),

  'POST /api/v1/accounts/{id}/unpin': relationshipAction((store, me, other) => {
    social(store).endorsements.get(me.id)?.delete(other.id);
  }),

  'POST /api/v1/accounts/{id}/note': relationshipAction((store, me, other, req) => {
    const comment = str(req.params, 'comment') ?? '';
    if (comment === '') social(store).notes.delete(`${me.id}>${other.id}`);
    else social(store).notes.set(`${me.id}>${other.id}`, comment);
  }),
};
