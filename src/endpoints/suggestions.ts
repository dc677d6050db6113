import { endpoint, json, nothing } from './define.js';
import type { Account } from '../entities/account.js';
import { idOf, type IdLike } from '../ids.js';

/** Follow suggestions. */
export const suggestions = {
  /**
   * Accounts the user might want to follow.
   * @example api.suggestions().subscribe((accounts) => console.log(accounts.map((a) => a.acct)))
   */
  suggestions: endpoint('GET /api/v1/suggestions', {
    created: '2.4.3', changed: '3.3.0', returns: json<Account[]>(),
  }),

  /**
   * Stop suggesting an account.
   * @example api.suggestionDelete(account).subscribe()
   */
  suggestionDelete: endpoint('DELETE /api/v1/suggestions/{account_id}', {
    created: '2.4.3', changed: '3.3.0', returns: nothing(),
    params: (account_id: IdLike) => ({ account_id: idOf(account_id, 'account_id') }),
  }),
};
