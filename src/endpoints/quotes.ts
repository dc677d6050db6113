import { endpoint, json, page } from './define.js';
import { oneOf, optionsOf, paginationParams, type PaginationOptions } from './common.js';
import { QUOTE_POLICIES } from './status-params.js';
import type { QuotePolicy } from '../entities/quote.js';
import type { Status } from '../entities/status.js';
import { idOf, type IdLike } from '../ids.js';
import type { Page } from '../pagination/page.js';
import { fillPath } from '../http/fill-path.js';

// Quote posts (Mastodon 4.5, API version 7): the quotes of a status, revoking one, and who may
// quote. Quotes are made with `statusPost(…, { quoted_status_id })`.

/** Options of `statusQuotes`: the pagination bounds the endpoint takes. */
export type StatusQuotesOptions = Omit<PaginationOptions, 'min_id'>;

/**
 * The accepted quotes of a status, newest first. Emits one {@link Page}.
 * @example statusQuotes(client, status, { limit: 20 }).subscribe((quotes) => console.log(quotes.map((q) => q.account.acct)))
 */
export const statusQuotes = /* @__PURE__ */ endpoint('GET /api/v1/statuses/{id}/quotes', {
  fillPath, created: '4.5.0', api_version: 7, returns: page<Status>,
  options: 1, params: (id: IdLike, options?: StatusQuotesOptions) => {
    const { min_id: _ignored, ...params } = paginationParams(optionsOf(options));
    return { id: idOf(id), ...params };
  },
});

/**
 * Withdraw the approval of a quote of one of the user's statuses: `quoting_status_id`'s quote
 * of `id` becomes `revoked`. Emits the quoting status.
 * @example statusQuoteRevoke(client, myStatus, quote).subscribe((s) => console.log(s.quote?.state))  // 'revoked'
 */
export const statusQuoteRevoke = /* @__PURE__ */ endpoint('POST /api/v1/statuses/{id}/quotes/{quoting_status_id}/revoke', {
  fillPath, created: '4.5.0', api_version: 7, returns: json<Status>,
  params: (id: IdLike, quoting_status_id: IdLike) => ({ id: idOf(id), quoting_status_id: idOf(quoting_status_id, 'quoting_status_id') }),
});

/**
 * Change who may quote one of the user's statuses: `public`, `followers` or `nobody`
 * (private and direct statuses stay `nobody`). Quotes made before stay. Emits the status.
 * @example statusUpdateQuoteApprovalPolicy(client, status, 'followers').subscribe((s) => console.log(s.quote_approval?.automatic))
 */
export const statusUpdateQuoteApprovalPolicy = /* @__PURE__ */ endpoint('PUT /api/v1/statuses/{id}/interaction_policy', {
  fillPath, created: '4.5.0', api_version: 7, returns: json<Status>,
  params: (id: IdLike, quote_approval_policy: QuotePolicy) => ({
    id: idOf(id), quote_approval_policy: oneOf('quote_approval_policy', quote_approval_policy, QUOTE_POLICIES),
  }),
});
