import { endpoint, json, page } from '../define.js';
import { flag, optionsOf, paginationParams, type PaginationOptions } from '../common.js';
import { optionalBoolean, optionalOneOf } from './common.js';
import type { Admin_Report } from '../../entities/admin.js';
import type { ReportCategory } from '../../entities/report.js';
import { idOf, idsOf, optionalIdOf, type IdLike } from '../../ids.js';
import type { Params } from '../../http/params.js';
import type { Page } from '../../pagination/page.js';
import { fillPath } from '../../http/fill-path.js';

/** Options of `adminReports`. */
export interface AdminReportsOptions extends PaginationOptions {
  /** Resolved reports instead of open ones. Default `false`. */
  resolved?: boolean;
  /** Reports filed by this account. */
  account_id?: IdLike;
  /** Reports about this account. */
  target_account_id?: IdLike;
}

/** Options of `adminUpdateReport`: what to change about a report. */
export interface AdminUpdateReportOptions {
  /** The report's new category. */
  category?: ReportCategory;
  /** The server rules broken (ids from `instanceRules`), for the `violation` category. */
  rule_ids?: IdLike | readonly IdLike[];
}

const REPORT_CATEGORIES: readonly ReportCategory[] = ['spam', 'legal', 'violation', 'other'];

const byId = (id: IdLike): Params => ({ id: idOf(id) });

/* @__NO_SIDE_EFFECTS__ */
function reportAction(action: string) {
  return endpoint(`POST /api/v1/admin/reports/{id}/${action}`, {
    fillPath, created: '2.9.1', changed: '2.9.1', returns: json<Admin_Report>, params: byId,
  });
}

// The admin API for reports. Needs admin scopes.

/**
 * Open reports (or resolved ones), optionally by or about one account. Emits one {@link Page}.
 * @example adminReports(client, { target_account_id: account }).subscribe((page) => console.log(page.length))
 */
export const adminReports = /* @__PURE__ */ endpoint('GET /api/v1/admin/reports', {
  created: '2.9.1', changed: '2.9.1', returns: page<Admin_Report>,
  options: 0, params: (options?: AdminReportsOptions) => {
    const o = optionsOf(options);
    return {
      ...paginationParams(o),
      resolved: flag(optionalBoolean('resolved', o.resolved)),
      account_id: optionalIdOf(o.account_id, 'account_id'),
      target_account_id: optionalIdOf(o.target_account_id, 'target_account_id'),
    };
  },
});

/**
 * One report.
 * @example adminReport(client, '1').subscribe((r) => console.log(r.comment))
 */
export const adminReport = /* @__PURE__ */ endpoint('GET /api/v1/admin/reports/{id}', {
  fillPath, created: '2.9.1', changed: '2.9.1', returns: json<Admin_Report>, params: byId,
});

/**
 * Change a report's category, or the rules it says were broken. A category outside `spam`,
 * `legal`, `violation` and `other` is an argument error.
 * @example adminUpdateReport(client, report, { category: 'violation', rule_ids: ['2'] }).subscribe((r) => console.log(r.rules))
 */
export const adminUpdateReport = /* @__PURE__ */ endpoint('PUT /api/v1/admin/reports/{id}', {
  fillPath, created: '3.5.0', changed: '3.5.0', returns: json<Admin_Report>,
  options: 1, params: (id: IdLike, options?: AdminUpdateReportOptions) => {
    const o = optionsOf(options);
    return {
      id: idOf(id),
      category: optionalOneOf('category', o.category, REPORT_CATEGORIES),
      rule_ids: o.rule_ids === undefined || o.rule_ids === null ? undefined : idsOf(o.rule_ids, 'rule_ids'),
    };
  },
});

/**
 * Assign a report to the logged-in moderator.
 * @example adminReportAssign(client, report).subscribe((r) => console.log(r.assigned_account?.username))
 */
export const adminReportAssign = /* @__PURE__ */ reportAction('assign_to_self');

/**
 * Unassign a report.
 * @example adminReportUnassign(client, report).subscribe()
 */
export const adminReportUnassign = /* @__PURE__ */ reportAction('unassign');

/**
 * Reopen a resolved report.
 * @example adminReportReopen(client, report).subscribe((r) => console.log(r.action_taken))
 */
export const adminReportReopen = /* @__PURE__ */ reportAction('reopen');

/**
 * Mark a report resolved, without any other action.
 * @example adminReportResolve(client, report).subscribe((r) => console.log(r.action_taken_at))
 */
export const adminReportResolve = /* @__PURE__ */ reportAction('resolve');
