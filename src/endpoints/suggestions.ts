import { defer, type Observable } from 'rxjs';
import { concatMap, map } from 'rxjs/operators';
import { call } from '../client/call.js';
import type { MastodonClient } from '../client/client.js';
import { endpoint, json, nothing } from './define.js';
import { verifyMinimumVersion } from './versions.js';
import type { Account } from '../entities/account.js';
import type { Suggestion } from '../entities/suggestion.js';
import { MastodonMalformedResponseError } from '../errors.js';
import { idOf, type IdLike } from '../ids.js';
import { fillPath } from '../http/fill-path.js';

// Follow suggestions.

/**
 * Accounts the user might want to follow, as servers before 3.4 suggest them (deprecated since).
 * @example suggestionsV1(client).subscribe((accounts) => console.log(accounts.map((a) => a.acct)))
 */
export const suggestionsV1 = /* @__PURE__ */ endpoint('GET /api/v1/suggestions', {
  created: '2.4.3', changed: '2.4.3', returns: json<Account[]>,
});

/**
 * Accounts the user might want to follow, each with why: picked by staff, much followed,
 * followed by those the user follows…
 * @example suggestionsV2(client).subscribe((list) => list.forEach((s) => console.log(s.account.acct, s.sources)))
 */
export const suggestionsV2 = /* @__PURE__ */ endpoint('GET /api/v2/suggestions', {
  created: '3.4.0', changed: '3.4.0', returns: json<Suggestion[]>,
});

/**
 * Accounts the user might want to follow, as Mastodon.py 2.2 gets them: the accounts of
 * `suggestionsV2` on servers from 3.4, `suggestionsV1` before (the known version is used; it
 * is fetched once when unknown).
 *
 * @example suggestions(client).subscribe((accounts) => console.log(accounts.map((a) => a.acct)))
 */
export function suggestions(client: MastodonClient): Observable<Account[]> {
  return defer(() => verifyMinimumVersion(client, '3.4.0', { cached: true }).pipe(
    concatMap((recent) => (recent
      ? call(client, suggestionsV2.row, []).pipe(map(accountsOf))
      : call(client, suggestionsV1.row, []))),
  ));
}

function accountsOf(list: Suggestion[]): Account[] {
  if (!Array.isArray(list) || list.some((s) => typeof s?.account !== 'object' || s.account === null)) {
    throw new MastodonMalformedResponseError('The server\'s suggestions are not a list of suggested accounts', { body: list });
  }
  return list.map((suggestion) => suggestion.account);
}

/**
 * Stop suggesting an account.
 * @example suggestionDelete(client, account).subscribe()
 */
export const suggestionDelete = /* @__PURE__ */ endpoint('DELETE /api/v1/suggestions/{account_id}', {
  fillPath, created: '2.4.3', changed: '3.3.0', returns: nothing,
  params: (account_id: IdLike) => ({ account_id: idOf(account_id, 'account_id') }),
});
