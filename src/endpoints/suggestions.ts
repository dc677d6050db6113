import { endpoint, json, nothing } from './define.js';
import type { Account } from '../entities/account.js';
import { idOf, type IdLike } from '../ids.js';

// Follow suggestions.

/**
 * Accounts the user might want to follow.
 * @example suggestions(client).subscribe((accounts) => console.log(accounts.map((a) => a.acct)))
 */
export const suggestions = /* @__PURE__ */ endpoint('GET /api/v1/suggestions', {
  created: '2.4.3', changed: '3.3.0', returns: json<Account[]>,
});

/**
 * Stop suggesting an account.
 * @example suggestionDelete(client, account).subscribe()
 */
export const suggestionDelete = /* @__PURE__ */ endpoint('DELETE /api/v1/suggestions/{account_id}', {
  created: '2.4.3', changed: '3.3.0', returns: nothing,
  params: (account_id: IdLike) => ({ account_id: idOf(account_id, 'account_id') }),
});
