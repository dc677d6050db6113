import { endpoint, json } from './define.js';
import type { Account, CredentialAccount } from '../entities/account.js';
import { idOf, type IdLike } from '../ids.js';

/** Accounts: the logged-in user and others. */
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
};
