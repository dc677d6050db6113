import { endpoint, json, nothing, page } from './define.js';
import { idPageParams, oneOf, optionsOf, requiredString } from './common.js';
import type { Account } from '../entities/account.js';
import type { List } from '../entities/list.js';
import { MastodonIllegalArgumentError } from '../errors.js';
import { idOf, idsOf, type IdLike } from '../ids.js';
import type { Params } from '../http/params.js';
import type { Page } from '../pagination/page.js';
import { fillPath } from '../http/fill-path.js';

/** Options of `listCreate` and `listUpdate`; each is sent only when given. */
export interface ListOptions {
  /** Which replies show on the list: to anyone the user follows, to list members (the server's default) or none (3.3.0+). */
  replies_policy?: 'followed' | 'list' | 'none';
  /** Take the members' posts off the home timeline (4.2.0+). */
  exclusive?: boolean;
}

const REPLIES_POLICIES = ['followed', 'list', 'none'] as const;

function listOptionParams(options: ListOptions | undefined): Params {
  const o = optionsOf(options);
  if (o.exclusive !== undefined && o.exclusive !== null && typeof o.exclusive !== 'boolean') {
    throw new MastodonIllegalArgumentError('exclusive must be a boolean');
  }
  return {
    replies_policy: o.replies_policy === undefined || o.replies_policy === null ? undefined : oneOf('replies_policy', o.replies_policy, REPLIES_POLICIES),
    exclusive: o.exclusive,
  };
}

const byId = (id: IdLike): Params => ({ id: idOf(id) });

const membersParams = (id: IdLike, account_ids: IdLike | readonly IdLike[]): Params =>
  ({ id: idOf(id), account_ids: idsOf(account_ids, 'account_ids') });

// Lists of accounts, each with a timeline.

/**
 * The user's lists.
 * @example lists(client).subscribe((lists) => console.log(lists.map((l) => l.title)))
 */
export const lists = /* @__PURE__ */ endpoint('GET /api/v1/lists', {
  created: '2.1.0', changed: '2.1.0', returns: json<List[]>,
});

/**
 * One list.
 * @example list(client, '12').subscribe((list) => console.log(list.title))
 */
export const list = /* @__PURE__ */ endpoint('GET /api/v1/lists/{id}', {
  fillPath, created: '2.1.0', changed: '2.1.0', returns: json<List>, params: byId,
});

/**
 * The accounts on a list. Emits one {@link Page}; the pagination options are sent.
 * @example listAccounts(client, list, { limit: 40 }).subscribe((page) => console.log(page.map((a) => a.acct)))
 */
export const listAccounts = /* @__PURE__ */ endpoint('GET /api/v1/lists/{id}/accounts', {
  fillPath, created: '2.1.0', changed: '3.3.0', returns: page<Account>,
  options: 1, params: idPageParams,
});

/**
 * Make a list; `exclusive` keeps its members' posts off the home timeline.
 * @example listCreate(client, 'Friends', { replies_policy: 'followed', exclusive: true }).subscribe((list) => console.log(list.id))
 */
export const listCreate = /* @__PURE__ */ endpoint('POST /api/v1/lists', {
  created: '2.1.0', changed: '2.1.0', returns: json<List>,
  options: 1, params: (title: string, options?: ListOptions) => ({ title: requiredString('title', title), ...listOptionParams(options) }),
});

/**
 * Rename a list, or change which replies it shows and whether it is exclusive; what is not
 * given stays as it is.
 * @example listUpdate(client, list, 'Close friends', { exclusive: false }).subscribe((list) => console.log(list.title))
 */
export const listUpdate = /* @__PURE__ */ endpoint('PUT /api/v1/lists/{id}', {
  fillPath, created: '2.1.0', changed: '2.1.0', returns: json<List>,
  options: 2, params: (id: IdLike, title: string, options?: ListOptions) => ({
    id: idOf(id), title: requiredString('title', title), ...listOptionParams(options),
  }),
});

/**
 * Delete a list.
 * @example listDelete(client, list).subscribe()
 */
export const listDelete = /* @__PURE__ */ endpoint('DELETE /api/v1/lists/{id}', {
  fillPath, created: '2.1.0', changed: '2.1.0', returns: nothing, params: byId,
});

/**
 * Put accounts on a list (the user must follow them).
 * @example listAccountsAdd(client, list, [alice, bob]).subscribe()
 */
export const listAccountsAdd = /* @__PURE__ */ endpoint('POST /api/v1/lists/{id}/accounts', {
  fillPath, created: '2.1.0', changed: '2.1.0', returns: nothing, params: membersParams,
});

/**
 * Take accounts off a list.
 * @example listAccountsDelete(client, list, alice).subscribe()
 */
export const listAccountsDelete = /* @__PURE__ */ endpoint('DELETE /api/v1/lists/{id}/accounts', {
  fillPath, created: '2.1.0', changed: '2.1.0', returns: nothing, params: membersParams,
});
