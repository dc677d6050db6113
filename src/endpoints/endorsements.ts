import { endpoint, json, page } from './define.js';
import { idPageParams } from './common.js';
import type { Account } from '../entities/account.js';
import type { Relationship } from '../entities/relationship.js';
import { idOf, type IdLike } from '../ids.js';
import type { Page } from '../pagination/page.js';
import { fillPath } from '../http/fill-path.js';

// Accounts featured (endorsed) on a profile, with the names of Mastodon 4.4.

/**
 * Feature (endorse) an account the user follows on their profile; what `accountPin` did before
 * 4.4. Emits the relationship, `endorsed` now true.
 * @example accountEndorse(client, account).subscribe((rel) => console.log(rel.endorsed))
 */
export const accountEndorse = /* @__PURE__ */ endpoint('POST /api/v1/accounts/{id}/endorse', {
  fillPath, created: '4.4.0', changed: '4.4.0', returns: json<Relationship>,
  params: (id: IdLike) => ({ id: idOf(id) }),
});

/**
 * Stop featuring an account on the user's profile; what `accountUnpin` did before 4.4.
 * @example accountUnendorse(client, account).subscribe((rel) => console.log(rel.endorsed))
 */
export const accountUnendorse = /* @__PURE__ */ endpoint('POST /api/v1/accounts/{id}/unendorse', {
  fillPath, created: '4.4.0', changed: '4.4.0', returns: json<Relationship>,
  params: (id: IdLike) => ({ id: idOf(id) }),
});

/**
 * The accounts any account features on its profile, the latest featured first. Emits one
 * {@link Page}; its cursors are not account ids, so follow its links.
 * @example accountEndorsements(client, account, { limit: 10 }).subscribe((accounts) => console.log(accounts.map((a) => a.acct)))
 */
export const accountEndorsements = /* @__PURE__ */ endpoint('GET /api/v1/accounts/{id}/endorsements', {
  fillPath, created: '4.4.0', changed: '4.4.0', returns: page<Account>,
  options: 1, params: idPageParams,
});
