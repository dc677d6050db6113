import { defer, type Observable } from 'rxjs';
import { concatMap, map } from 'rxjs/operators';
import { call } from '../client/call.js';
import type { MastodonClient } from '../client/client.js';
import { endpoint, json, page, row } from './define.js';
import { flag, idPageParams, optionsOf, paginationParams, requiredString, type PaginationOptions } from './common.js';
import { verifyMinimumVersion } from './versions.js';
import type { Account, CredentialAccount } from '../entities/account.js';
import type { List } from '../entities/list.js';
import type { FamiliarFollowers, Relationship } from '../entities/relationship.js';
import type { Status } from '../entities/status.js';
import { MastodonIllegalArgumentError, MastodonNotFoundError } from '../errors.js';
import type { Params } from '../http/params.js';
import { idOf, idsOf, type IdLike } from '../ids.js';
import type { Page } from '../pagination/page.js';
import { fillPath } from '../http/fill-path.js';

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
  /** Only accounts the user follows. Default `false`; sent either way, as Mastodon.py does. */
  following?: boolean;
  /** Look remote accounts up by WebFinger (`user@domain`). Sent when given. */
  resolve?: boolean;
  /** Skip this many results (2.8.0+). */
  offset?: number;
}

/** Options of `accountFollow`. */
export interface AccountFollowOptions {
  /** Show the account's boosts at home. Default `true`. */
  reblogs?: boolean;
  /** Notify the user of the account's posts. Default `false`. */
  notify?: boolean;
  /** Only the account's posts in these languages (ISO 639-1) come home (4.0.0+); none: all languages. */
  languages?: readonly string[];
}

/** Options of `accountRelationships`. */
export interface AccountRelationshipsOptions {
  /** Also answer for suspended accounts, which are left out otherwise (4.3.0+). */
  with_suspended?: boolean;
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

function flagOrUndefined(name: string, value: unknown): boolean | undefined {
  return value === undefined || value === null ? undefined : optionalBoolean(name, value, false);
}

function optionalCount(name: string, value: unknown): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new MastodonIllegalArgumentError(`${name} must be a whole number, 0 or more`);
  }
  return value;
}

function languageList(value: unknown): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
    throw new MastodonIllegalArgumentError('languages must be a list of language codes');
  }
  return [...value as string[]];
}

function optionalSeconds(name: string, value: unknown): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new MastodonIllegalArgumentError(`${name} must be a number of seconds`);
  }
  return value;
}

/** The spec of an action on an account that answers with the relationship. */
/* @__NO_SIDE_EFFECTS__ */
function relationshipSpec(created: string, changed = '3.3.0') {
  return { fillPath, created, changed, returns: json<Relationship>, params: byId };
}

// Accounts: the logged-in user and others, and how they relate.

/**
 * Fetch an account by id.
 * @example account(client, '109440137734600341').subscribe((a) => console.log(a.acct))
 */
export const account = /* @__PURE__ */ endpoint('GET /api/v1/accounts/{id}', {
  fillPath, created: '1.0.0', changed: '3.3.0', returns: json<Account>,
  params: (id: IdLike) => ({ id: idOf(id) }),
});

/**
 * Several accounts at once, by id: those the server has (unknown and suspended ones are left
 * out), up to 40 per call.
 * @example accounts(client, [alice, '109302436954721982']).subscribe((found) => console.log(found.map((a) => a.acct)))
 */
export const accounts = /* @__PURE__ */ endpoint('GET /api/v1/accounts', {
  created: '4.3.0', changed: '4.3.0', returns: json<Account[]>,
  params: (ids: IdLike | readonly IdLike[]) => ({ id: idsOf(ids, 'ids') }),
});

/**
 * The logged-in user's account, with its `source` (posting defaults).
 * @example accountVerifyCredentials(client).subscribe((me) => console.log(me.source?.privacy))
 */
export const accountVerifyCredentials = /* @__PURE__ */ endpoint('GET /api/v1/accounts/verify_credentials', {
  created: '1.0.0', changed: '3.3.0', returns: json<CredentialAccount>,
});

/**
 * The logged-in user's account; an alias of `accountVerifyCredentials`.
 * @example me(client).subscribe((me) => console.log(me.username))
 */
export const me = /* @__PURE__ */ endpoint('GET /api/v1/accounts/verify_credentials', {
  created: '1.0.0', changed: '3.3.0', returns: json<CredentialAccount>,
});

/**
 * An account's statuses, newest first. Emits one {@link Page}.
 * @example accountStatuses(client, account, { exclude_replies: true, limit: 40 }).subscribe((page) => console.log(page.length))
 */
export const accountStatuses = /* @__PURE__ */ endpoint('GET /api/v1/accounts/{id}/statuses', {
  fillPath, created: '1.0.0', changed: '3.3.0', returns: page<Status>,
  options: 1, params: (id: IdLike, options?: AccountStatusesOptions) => {
    const o = optionsOf(options);
    return {
      id: idOf(id), ...paginationParams(o),
      only_media: flag(o.only_media), pinned: flag(o.pinned),
      exclude_replies: flag(o.exclude_replies), exclude_reblogs: flag(o.exclude_reblogs),
      tagged: o.tagged === undefined ? undefined : requiredString('tagged', o.tagged),
    };
  },
});

/**
 * The accounts an account follows. Emits one {@link Page}; its cursors are not account ids,
 * so follow its links (`fetchNext`) rather than building cursors.
 * @example accountFollowing(client, account).subscribe((page) => console.log(page.map((a) => a.acct)))
 */
export const accountFollowing = /* @__PURE__ */ endpoint('GET /api/v1/accounts/{id}/following', {
  fillPath, created: '1.0.0', changed: '3.3.0', returns: page<Account>,
  options: 1, params: idPageParams,
});

/**
 * The accounts that follow an account. Emits one {@link Page}.
 * @example accountFollowers(client, account, { limit: 80 }).subscribe((page) => console.log(page.length))
 */
export const accountFollowers = /* @__PURE__ */ endpoint('GET /api/v1/accounts/{id}/followers', {
  fillPath, created: '1.0.0', changed: '3.3.0', returns: page<Account>,
  options: 1, params: idPageParams,
});

/**
 * How the user relates to one account or several: one {@link Relationship} per id, in a list;
 * suspended accounts only with `with_suspended`.
 * @example accountRelationships(client, [alice, bob]).subscribe((rels) => console.log(rels.map((r) => r.following)))
 */
export const accountRelationships = /* @__PURE__ */ endpoint('GET /api/v1/accounts/relationships', {
  created: '1.0.0', changed: '3.3.0', returns: json<Relationship[]>,
  options: 1, params: (id: IdLike | readonly IdLike[], options?: AccountRelationshipsOptions) => ({
    id: Array.isArray(id) ? idsOf(id, 'id') : idOf(id as IdLike),
    with_suspended: flagOrUndefined('with_suspended', optionsOf(options).with_suspended),
  }),
});

/**
 * Find accounts by name: username, `user@domain` or display name; `resolve` looks remote
 * ones up, `offset` pages through the results.
 * @example accountSearch(client, 'alice', { limit: 5 }).subscribe((found) => console.log(found.map((a) => a.acct)))
 */
export const accountSearch = /* @__PURE__ */ endpoint('GET /api/v1/accounts/search', {
  created: '1.0.0', changed: '3.3.0', returns: json<Account[]>,
  options: 1, params: (q: string, options?: AccountSearchOptions) => {
    const o = optionsOf(options);
    return {
      q: requiredString('q', q), limit: optionalCount('limit', o.limit),
      following: optionalBoolean('following', o.following, false), resolve: flagOrUndefined('resolve', o.resolve),
      offset: optionalCount('offset', o.offset),
    };
  },
});

/**
 * The user's lists that an account is on.
 * @example accountLists(client, account).subscribe((lists) => console.log(lists.map((l) => l.title)))
 */
export const accountLists = /* @__PURE__ */ endpoint('GET /api/v1/accounts/{id}/lists', {
  fillPath, created: '2.1.0', changed: '2.1.0', returns: json<List[]>, params: byId,
});

/**
 * Find an account by its `acct` (`user` or `user@domain`), without a search.
 * @example accountLookup(client, 'alice@mastodon.example').subscribe((a) => console.log(a.id))
 */
export const accountLookup = /* @__PURE__ */ endpoint('GET /api/v1/accounts/lookup', {
  created: '3.4.0', changed: '3.4.0', returns: json<Account>,
  params: (acct: string) => ({ acct: requiredString('acct', acct) }),
});

/**
 * For each account given, those of its followers that the user follows too.
 * @example accountFamiliarFollowers(client, [alice, bob]).subscribe((lists) => console.log(lists[0]?.accounts.length))
 */
export const accountFamiliarFollowers = /* @__PURE__ */ endpoint('GET /api/v1/accounts/familiar_followers', {
  created: '3.5.0', changed: '3.5.0', returns: json<FamiliarFollowers[]>,
  params: (id: IdLike | readonly IdLike[]) => ({ id: idsOf(id, 'id') }),
});

/**
 * Follow an account (a request, if it is locked). `reblogs` and `notify` are always sent;
 * `languages` limits what comes home to posts in those languages.
 * @example accountFollow(client, account, { notify: true, languages: ['en', 'de'] }).subscribe((rel) => console.log(rel.following, rel.requested))
 */
export const accountFollow = /* @__PURE__ */ endpoint('POST /api/v1/accounts/{id}/follow', {
  fillPath, created: '1.0.0', changed: '3.3.0', returns: json<Relationship>,
  options: 1, params: (id: IdLike, options?: AccountFollowOptions) => {
    const o = optionsOf(options);
    return {
      id: idOf(id), reblogs: optionalBoolean('reblogs', o.reblogs, true), notify: optionalBoolean('notify', o.notify, false),
      languages: languageList(o.languages),
    };
  },
});

/** The remote follow of servers before 3.0.0, by `user@domain`; {@link follows} sends it to them. */
export const followsRow = /* @__PURE__ */ row('POST /api/v1/follows', {
  created: '1.0.0', changed: '3.3.0', returns: json<Account>,
  params: (uri: string) => ({ uri: requiredString('uri', uri) }),
});

/**
 * Follow an account by `user@domain`. Emits the account. Servers before 3.0.0 get the old
 * remote follow; later ones, which dropped it, get what Mastodon.py 2.2 sends instead: the
 * search for `uri`, then the follow of its first result (none: `MastodonNotFoundError`).
 * @example follows(client, 'alice@mastodon.example').subscribe((a) => console.log(a.id))
 */
export function follows(client: MastodonClient, uri: string): Observable<Account> {
  return defer(() => {
    requiredString('uri', uri);
    return verifyMinimumVersion(client, '3.0.0', { cached: true }).pipe(concatMap((searchFirst) => {
      if (!searchFirst) return call(client, followsRow, [uri]);
      return accountSearch(client, uri).pipe(concatMap((found) => {
        const account = found[0];
        if (account === undefined) throw new MastodonNotFoundError(`No account found for ${uri}`);
        return accountFollow(client, account).pipe(map(() => account));
      }));
    }));
  });
}

/**
 * Stop following an account (or withdraw a follow request).
 * @example accountUnfollow(client, account).subscribe((rel) => console.log(rel.following))
 */
export const accountUnfollow = /* @__PURE__ */ endpoint('POST /api/v1/accounts/{id}/unfollow', /* @__PURE__ */ relationshipSpec('1.0.0'));

/**
 * Make an account stop following the user.
 * @example accountRemoveFromFollowers(client, account).subscribe((rel) => console.log(rel.followed_by))
 */
export const accountRemoveFromFollowers = /* @__PURE__ */ endpoint('POST /api/v1/accounts/{id}/remove_from_followers', /* @__PURE__ */ relationshipSpec('3.5.0', '3.5.0'));

/**
 * Block an account; follows both ways end.
 * @example accountBlock(client, account).subscribe((rel) => console.log(rel.blocking))
 */
export const accountBlock = /* @__PURE__ */ endpoint('POST /api/v1/accounts/{id}/block', /* @__PURE__ */ relationshipSpec('1.0.0'));

/**
 * Unblock an account.
 * @example accountUnblock(client, account).subscribe((rel) => console.log(rel.blocking))
 */
export const accountUnblock = /* @__PURE__ */ endpoint('POST /api/v1/accounts/{id}/unblock', /* @__PURE__ */ relationshipSpec('1.0.0'));

/**
 * Mute an account, by default with its notifications, for `duration` seconds or for ever.
 * @example accountMute(client, account, { notifications: false, duration: 86400 }).subscribe((rel) => console.log(rel.muting))
 */
export const accountMute = /* @__PURE__ */ endpoint('POST /api/v1/accounts/{id}/mute', {
  fillPath, created: '1.1.0', changed: '3.3.0', returns: json<Relationship>,
  options: 1, params: (id: IdLike, options?: AccountMuteOptions) => {
    const o = optionsOf(options);
    return {
      id: idOf(id),
      notifications: optionalBoolean('notifications', o.notifications, true),
      duration: optionalSeconds('duration', o.duration),
    };
  },
});

/**
 * Unmute an account.
 * @example accountUnmute(client, account).subscribe((rel) => console.log(rel.muting))
 */
export const accountUnmute = /* @__PURE__ */ endpoint('POST /api/v1/accounts/{id}/unmute', /* @__PURE__ */ relationshipSpec('1.1.0'));

/**
 * Feature (endorse) a followed account on the user's profile.
 * @example accountPin(client, account).subscribe((rel) => console.log(rel.endorsed))
 */
export const accountPin = /* @__PURE__ */ endpoint('POST /api/v1/accounts/{id}/pin', /* @__PURE__ */ relationshipSpec('2.5.0'));

/**
 * Stop featuring an account on the user's profile.
 * @example accountUnpin(client, account).subscribe((rel) => console.log(rel.endorsed))
 */
export const accountUnpin = /* @__PURE__ */ endpoint('POST /api/v1/accounts/{id}/unpin', /* @__PURE__ */ relationshipSpec('2.5.0'));

/**
 * Set the user's private note on an account (an empty string removes it). Emits the relationship.
 * @example accountNoteSet(client, account, 'met at the conference').subscribe((rel) => console.log(rel.note))
 */
export const accountNoteSet = /* @__PURE__ */ endpoint('POST /api/v1/accounts/{id}/note', {
  fillPath, created: '3.2.0', changed: '3.3.0', returns: json<Relationship>,
  params: (id: IdLike, comment: string) => ({ id: idOf(id), comment: requiredString('comment', comment) }),
});
