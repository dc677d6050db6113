import { endpoint, json, nothing, page } from './define.js';
import { idPageParams, requiredString } from './common.js';
import type { Account } from '../entities/account.js';
import type { List } from '../entities/list.js';
import { idOf, idsOf, type IdLike } from '../ids.js';
import type { Params } from '../http/params.js';
import type { Page } from '../pagination/page.js';

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
  created: '2.1.0', changed: '2.1.0', returns: json<List>, params: byId,
});

/**
 * The accounts on a list. Emits one {@link Page}; the pagination options are sent.
 * @example listAccounts(client, list, { limit: 40 }).subscribe((page) => console.log(page.map((a) => a.acct)))
 */
export const listAccounts = /* @__PURE__ */ endpoint('GET /api/v1/lists/{id}/accounts', {
  created: '2.1.0', changed: '3.3.0', returns: page<Account>,
  options: 1, params: idPageParams,
});

/**
 * Make a list.
 * @example listCreate(client, 'Friends').subscribe((list) => console.log(list.id))
 */
export const listCreate = /* @__PURE__ */ endpoint('POST /api/v1/lists', {
  created: '2.1.0', changed: '2.1.0', returns: json<List>,
  params: (title: string) => ({ title: requiredString('title', title) }),
});

/**
 * Rename a list.
 * @example listUpdate(client, list, 'Close friends').subscribe((list) => console.log(list.title))
 */
export const listUpdate = /* @__PURE__ */ endpoint('PUT /api/v1/lists/{id}', {
  created: '2.1.0', changed: '2.1.0', returns: json<List>,
  params: (id: IdLike, title: string) => ({ id: idOf(id), title: requiredString('title', title) }),
});

/**
 * Delete a list.
 * @example listDelete(client, list).subscribe()
 */
export const listDelete = /* @__PURE__ */ endpoint('DELETE /api/v1/lists/{id}', {
  created: '2.1.0', changed: '2.1.0', returns: nothing, params: byId,
});

/**
 * Put accounts on a list (the user must follow them).
 * @example listAccountsAdd(client, list, [alice, bob]).subscribe()
 */
export const listAccountsAdd = /* @__PURE__ */ endpoint('POST /api/v1/lists/{id}/accounts', {
  created: '2.1.0', changed: '2.1.0', returns: nothing, params: membersParams,
});

/**
 * Take accounts off a list.
 * @example listAccountsDelete(client, list, alice).subscribe()
 */
export const listAccountsDelete = /* @__PURE__ */ endpoint('DELETE /api/v1/lists/{id}/accounts', {
  created: '2.1.0', changed: '2.1.0', returns: nothing, params: membersParams,
});
