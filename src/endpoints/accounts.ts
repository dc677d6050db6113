import { endpoint, json, page } from './define.js';
import { flag, idPageParams, optionsOf, paginationParams, requiredString, type PaginationOptions } from './common.js';
import type { Account, CredentialAccount } from '../entities/account.js';
import type { List } from '../entities/list.js';
import type { FamiliarFollowers, Relationship } from '../entities/relationship.js';
import type { Status } from '../entities/status.js';
import { MastodonIllegalArgumentError } from '../errors.js';
import type { Params } from '../http/params.js';
import { idOf, idsOf, type IdLike } from '../ids.js';

/** Options of `accountStatuses`. */
export interface AccountStatusesOptions extends PaginationOptions {
  /** Only statuses with media. */
  only_media?: boolean;
  /** Only the statuses pinned to the profile. */
  pinned?: boolean;
  /** Leave out replies. */
  exclude_replies?: boolean;
  /** Leave out boosts. */
  exclude_reblogs?: boolean;
  /** Only statuses with this hashtag (no `#`). */
  tagged?: string;
}

/** Options of `accountSearch`. */
export interface AccountSearchOptions {
  /** How many accounts at most. */
  limit?: number;
  /** Only accounts the user follows. */
  following?: boolean;
}

/** Options of `accountFollow`. */
export interface AccountFollowOptions {
  /** Show the account's boosts at home. Default `true`. */
  reblogs?: boolean;
  /** Notify the user of the account's posts. Default `false`. */
  notify?: boolean;
}

/** Options of `accountMute`. */
export interface AccountMuteOptions {
  /** Also hide the account's notifications. Default `true`. */
  notifications?: boolean;
  /** Seconds until the mute ends; none: for ever. */
  duration?: number;
}

const byId = (id: IdLike): Params => ({ id: idOf(id) });

function optionalBoolean(name: string, value: unknown, fallback: boolean): boolean {
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'boolean') throw new MastodonIllegalArgumentError(`${name} must be a boolean`);
  return value;
}

function optionalSeconds(name: string, value: unknown): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new MastodonIllegalArgumentError(`${name} must be a number of seconds`);
  }
  return value;
}

const relationshipSpec = (created: string, changed = '3.3.0') => ({ created, changed, returns: json<Relationship>(), params: byId });

/** Accounts: the logged-in user and others, and how they relate. */
export const accounts = {
  /**
   * Fetch an account by id.
   * @example api.account('109440137734600341').subscribe((a) => console.log(a.acct))
   */
  account: endpoint('GET /api/v1/accounts/{id}', {
    created: '1.0.0', changed: '3.3.0', returns: json<Account>(),
    params: (id: IdLike) => ({ id: idOf(id) }),
  }),

  /**
   * The logged-in user's account, with its `source` (posting defaults).
   * @example api.accountVerifyCredentials().subscribe((me) => console.log(me.source?.privacy))
   */
  accountVerifyCredentials: endpoint('GET /api/v1/accounts/verify_credentials', {
    created: '1.0.0', changed: '3.3.0', returns: json<CredentialAccount>(),
  }),

  /**
   * The logged-in user's account; an alias of `accountVerifyCredentials`.
   * @example api.me().subscribe((me) => console.log(me.username))
   */
  me: endpoint('GET /api/v1/accounts/verify_credentials', {
    created: '1.0.0', changed: '3.3.0', returns: json<CredentialAccount>(),
  }),

  /**
   * An account's statuses, newest first. Emits one {@link Page}.
   * @example api.accountStatuses(account, { exclude_replies: true, limit: 40 }).subscribe((page) => console.log(page.length))
   */
  accountStatuses: endpoint('GET /api/v1/accounts/{id}/statuses', {
    created: '1.0.0', changed: '3.3.0', returns: page<Status>(),
    params: (id: IdLike, options?: AccountStatusesOptions) => {
      const o = optionsOf(options);
      return {
        id: idOf(id), ...paginationParams(o),
        only_media: flag(o.only_media), pinned: flag(o.pinned),
        exclude_replies: flag(o.exclude_replies), exclude_reblogs: flag(o.exclude_reblogs),
        tagged: o.tagged === undefined ? undefined : requiredString('tagged', o.tagged),
      };
    },
  }),

  /**
   * The accounts an account follows. Emits one {@link Page}; its cursors are not account ids,
   * so follow its links (`fetchNext`) rather than building cursors.
   * @example api.accountFollowing(account).subscribe((page) => console.log(page.map((a) => a.acct)))
   */
  accountFollowing: endpoint('GET /api/v1/accounts/{id}/following', {
    created: '1.0.0', changed: '3.3.0', returns: page<Account>(),
    params: idPageParams,
  }),

  /**
   * The accounts that follow an account. Emits one {@link Page}.
   * @example api.accountFollowers(account, { limit: 80 }).subscribe((page) => console.log(page.length))
   */
  accountFollowers: endpoint('GET /api/v1/accounts/{id}/followers', {
    created: '1.0.0', changed: '3.3.0', returns: page<Account>(),
    params: idPageParams,
  }),

  /**
   * How the user relates to one account or several: one {@link Relationship} per id, in a list.
   * @example api.accountRelationships([alice, bob]).subscribe((rels) => console.log(rels.map((r) => r.following)))
   */
  accountRelationships: endpoint('GET /api/v1/accounts/relationships', {
    created: '1.0.0', changed: '3.3.0', returns: json<Relationship[]>(),
    params: (id: IdLike | readonly IdLike[]) => ({ id: Array.isArray(id) ? idsOf(id, 'id') : idOf(id as IdLike) }),
  }),

  /**
   * Find accounts by name: username, `user@domain` or display name.
   * @example api.accountSearch('alice', { limit: 5 }).subscribe((found) => console.log(found.map((a) => a.acct)))
   */
  accountSearch: endpoint('GET /api/v1/accounts/search', {
    created: '1.0.0', changed: '3.3.0', returns: json<Account[]>(),
    params: (q: string, options?: AccountSearchOptions) => {
      const o = optionsOf(options);
      return { q: requiredString('q', q), limit: o.limit, following: flag(o.following) };
    },
  }),

  /**
   * The user's lists that an account is on.
   * @example api.accountLists(account).subscribe((lists) => console.log(lists.map((l) => l.title)))
   */
  accountLists: endpoint('GET /api/v1/accounts/{id}/lists', {
    created: '2.1.0', changed: '2.1.0', returns: json<List[]>(), params: byId,
  }),

  /**
   * Find an account by its `acct` (`user` or `user@domain`), without a search.
   * @example api.accountLookup('alice@mastodon.example').subscribe((a) => console.log(a.id))
   */
  accountLookup: endpoint('GET /api/v1/accounts/lookup', {
    created: '3.4.0', changed: '3.4.0', returns: json<Account>(),
    params: (acct: string) => ({ acct: requiredString('acct', acct) }),
  }),

  /**
   * For each account given, those of its followers that the user follows too.
   * @example api.accountFamiliarFollowers([alice, bob]).subscribe((lists) => console.log(lists[0]?.accounts.length))
   */
  accountFamiliarFollowers: endpoint('GET /api/v1/accounts/familiar_followers', {
    created: '3.5.0', changed: '3.5.0', returns: json<FamiliarFollowers[]>(),
    params: (id: IdLike | readonly IdLike[]) => ({ id: idsOf(id, 'id') }),
  }),

  /**
   * Follow an account (a request, if it is locked). `reblogs` and `notify` are always sent.
   * @example api.accountFollow(account, { notify: true }).subscribe((rel) => console.log(rel.following, rel.requested))
   */
  accountFollow: endpoint('POST /api/v1/accounts/{id}/follow', {
    created: '1.0.0', changed: '3.3.0', returns: json<Relationship>(),
    params: (id: IdLike, options?: AccountFollowOptions) => {
      const o = optionsOf(options);
      return { id: idOf(id), reblogs: optionalBoolean('reblogs', o.reblogs, true), notify: optionalBoolean('notify', o.notify, false) };
    },
  }),

  /**
   * Follow a remote account by `user@domain` (an endpoint only old servers have). Emits the account.
   * @example api.follows('alice@mastodon.example').subscribe((a) => console.log(a.id))
   */
  follows: endpoint('POST /api/v1/follows', {
    created: '1.0.0', changed: '3.3.0', returns: json<Account>(),
    params: (uri: string) => ({ uri: requiredString('uri', uri) }),
  }),

  /**
   * Stop following an account (or withdraw a follow request).
   * @example api.accountUnfollow(account).subscribe((rel) => console.log(rel.following))
   */
  accountUnfollow: endpoint('POST /api/v1/accounts/{id}/unfollow', relationshipSpec('1.0.0')),

  /**
   * Make an account stop following the user.
   * @example api.accountRemoveFromFollowers(account).subscribe((rel) => console.log(rel.followed_by))
   */
  accountRemoveFromFollowers: endpoint('POST /api/v1/accounts/{id}/remove_from_followers', relationshipSpec('3.5.0', '3.5.0')),

  /**
   * Block an account; follows both ways end.
   * @example api.accountBlock(account).subscribe((rel) => console.log(rel.blocking))
   */
  accountBlock: endpoint('POST /api/v1/accounts/{id}/block', relationshipSpec('1.0.0')),

  /**
   * Unblock an account.
   * @example api.accountUnblock(account).subscribe((rel) => console.log(rel.blocking))
   */
  accountUnblock: endpoint('POST /api/v1/accounts/{id}/unblock', relationshipSpec('1.0.0')),

  /**
   * Mute an account, by default with its notifications, for `duration` seconds or for ever.
   * @example api.accountMute(account, { notifications: false, duration: 86400 }).subscribe((rel) => console.log(rel.muting))
   */
  accountMute: endpoint('POST /api/v1/accounts/{id}/mute', {
    created: '1.1.0', changed: '3.3.0', returns: json<Relationship>(),
    params: (id: IdLike, options?: AccountMuteOptions) => {
      const o = optionsOf(options);
      return {
        id: idOf(id),
        notifications: optionalBoolean('notifications', o.notifications, true),
        duration: optionalSeconds('duration', o.duration),
      };
    },
  }),

  /**
   * Unmute an account.
   * @example api.accountUnmute(account).subscribe((rel) => console.log(rel.muting))
   */
  accountUnmute: endpoint('POST /api/v1/accounts/{id}/unmute', relationshipSpec('1.1.0')),

  /**
   * Feature (endorse) a followed account on the user's profile.
   * @example api.accountPin(account).subscribe((rel) => console.log(rel.endorsed))
   */
  accountPin: endpoint('POST /api/v1/accounts/{id}/pin', relationshipSpec('2.5.0')),

  /**
   * Stop featuring an account on the user's profile.
   * @example api.accountUnpin(account).subscribe((rel) => console.log(rel.endorsed))
   */
  accountUnpin: endpoint('POST /api/v1/accounts/{id}/unpin', relationshipSpec('2.5.0')),

  /**
   * Set the user's private note on an account (an empty string removes it). Emits the relationship.
   * @example api.accountNoteSet(account, 'met at the conference').subscribe((rel) => console.log(rel.note))
   */
  accountNoteSet: endpoint('POST /api/v1/accounts/{id}/note', {
    created: '3.2.0', changed: '3.3.0', returns: json<Relationship>(),
    params: (id: IdLike, comment: string) => ({ id: idOf(id), comment: requiredString('comment', comment) }),
  }),
};
