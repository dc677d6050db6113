import { defer, type Observable } from 'rxjs';
import { concatMap } from 'rxjs/operators';
import { call } from '../client/call.js';
import type { MastodonClient } from '../client/client.js';
import { endpoint, json, row } from './define.js';
import { oneOf, optionsOf } from './common.js';
import { verifyMinimumVersion } from './versions.js';
import type { Report } from '../entities/report.js';
import { MastodonIllegalArgumentError, MastodonVersionError } from '../errors.js';
import type { Params } from '../http/params.js';
import { idOf, idsOf, type IdLike } from '../ids.js';

/** Why an account is reported (`legal`: illegal content, 4.2.0+). */
export type ReportCategoryOption = 'spam' | 'legal' | 'violation' | 'other';

/** Options of `report`. */
export interface ReportOptions {
  /** Statuses that show the problem: one or a list. */
  status_ids?: IdLike | readonly IdLike[];
  /** Words for the moderators. */
  comment?: string;
  /** Also send the report to the reported account's server. Default `false`. */
  forward?: boolean;
  /** `spam`, `legal`, `violation` (give `rule_ids`) or `other` (3.5.0+; `legal` 4.2.0+). */
  category?: ReportCategoryOption;
  /** The server rules broken, by id, as `instanceRules` lists them (3.5.0+). */
  rule_ids?: IdLike | readonly IdLike[];
  /** Collections that show the problem: one or a list (4.6.0+). */
  collection_ids?: IdLike | readonly IdLike[];
  /** With `forward`, the servers to forward the report to, by domain (4.4.0+). */
  forward_to_domains?: readonly string[];
}

const REPORT_CATEGORIES: readonly ReportCategoryOption[] = ['spam', 'legal', 'violation', 'other'];

function domainList(value: unknown): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string' && item !== '')) {
    throw new MastodonIllegalArgumentError('forward_to_domains must be a list of domains');
  }
  return [...value as string[]];
}

/** The user's own reports, on servers before 2.5.0. */
export const reportsRow = /* @__PURE__ */ row('GET /api/v1/reports', {
  created: '1.1.0', changed: '2.9.1', returns: json<Report[]>,
});

// Reports to the moderators.

/**
 * Report an account (and some of its statuses or collections) to the moderators; with
 * `forward`, also to its server, or to the servers `forward_to_domains` names.
 * @example report(client, account, { status_ids: [status], comment: 'spam links', category: 'spam' }).subscribe((r) => console.log(r.id))
 */
export const report = /* @__PURE__ */ endpoint('POST /api/v1/reports/', {
  created: '1.1.0', changed: '3.5.0', returns: json<Report>,
  options: 1, params: (account_id: IdLike, options?: ReportOptions): Params => {
    const o = optionsOf(options);
    return {
      account_id: idOf(account_id, 'account_id'),
      status_ids: o.status_ids === undefined || o.status_ids === null ? undefined : idsOf(o.status_ids, 'status_ids'),
      comment: o.comment,
      forward: o.forward ? true : undefined,
      category: o.category === undefined || o.category === null ? undefined : oneOf('category', o.category, REPORT_CATEGORIES),
      rule_ids: o.rule_ids === undefined || o.rule_ids === null ? undefined : idsOf(o.rule_ids, 'rule_ids'),
      collection_ids: o.collection_ids === undefined || o.collection_ids === null ? undefined : idsOf(o.collection_ids, 'collection_ids'),
      forward_to_domains: domainList(o.forward_to_domains),
    };
  },
});

/**
 * The reports the logged-in user filed. Mastodon removed this in 2.5.0: on such servers
 * (by the known version) it fails with `MastodonVersionError` without sending anything.
 *
 * @example reports(client).subscribe({ next: (list) => console.log(list.length), error: (e) => console.log(e.message) })
 */
export function reports(client: MastodonClient): Observable<Report[]> {
  return defer(() => verifyMinimumVersion(client, '2.5.0', { cached: true }).pipe(concatMap((removed) => {
    if (removed) throw new MastodonVersionError('API removed in Mastodon 2.5.0');
    return call(client, reportsRow, []);
  })));
}
