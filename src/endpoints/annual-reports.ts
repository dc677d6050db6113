import { defer, type Observable } from 'rxjs';
import { map } from 'rxjs/operators';
import { call } from '../client/call.js';
import type { MastodonClient } from '../client/client.js';
import type { AnnualReportStateResult, WrappedAnnualReports } from '../entities/annual-report.js';
import type { AsyncRefresh } from '../entities/async-refresh.js';
import { MastodonIllegalArgumentError } from '../errors.js';
import { getAsyncRefreshInfo } from './async-refreshes.js';
import { endpoint, json, nothing, row } from './define.js';
import { fillPath } from '../http/fill-path.js';

// Annual reports ("Wrapstodon"): a user's year in review, made on request in December.

function yearOf(year: unknown): string {
  const text = typeof year === 'number' ? String(year) : year;
  if (typeof text !== 'string' || !/^\d{4}$/.test(text)) throw new MastodonIllegalArgumentError('year must be a year of four digits, such as 2025');
  return text;
}

const byYear = (year: number | string) => ({ year: yearOf(year) });

/**
 * The user's annual reports that are ready and not yet marked read, with the accounts and
 * statuses they name.
 * @example annualReports(client).subscribe(({ annual_reports }) => console.log(annual_reports.map((r) => r.year)))
 */
export const annualReports = /* @__PURE__ */ endpoint('GET /api/v1/annual_reports', {
  created: '4.3.0', returns: json<WrappedAnnualReports>,
});

/**
 * The user's annual report of a year, read or not; 404 when none was made.
 * @example annualReport(client, 2025).subscribe(({ annual_reports: [report] }) => console.log(report?.data?.archetype))
 */
export const annualReport = /* @__PURE__ */ endpoint('GET /api/v1/annual_reports/{year}', {
  fillPath, created: '4.4.0', returns: json<WrappedAnnualReports>, params: byYear,
});

/**
 * Whether the user's report of a year is `available`, being made (`generating`), can be asked
 * for (`eligible`) or cannot (`ineligible`). While it is being made the answer announces the
 * job (see `awaitAsyncRefresh`).
 * @example annualReportState(client, 2025).subscribe(({ state }) => console.log(state))
 */
export const annualReportState = /* @__PURE__ */ endpoint('GET /api/v1/annual_reports/{year}/state', {
  fillPath, created: '4.6.0', api_version: 8, returns: json<AnnualReportStateResult>, params: byYear,
});

/**
 * Mark the user's annual report of a year as read: `annualReports` lists it no more.
 * @example annualReportRead(client, 2025).subscribe()
 */
export const annualReportRead = /* @__PURE__ */ endpoint('POST /api/v1/annual_reports/{year}/read', {
  fillPath, created: '4.3.0', returns: nothing, params: byYear,
});

/** `POST /api/v1/annual_reports/{year}/generate`: the row `annualReportGenerate` sends. */
export const annualReportGenerateRow = /* @__PURE__ */ row('POST /api/v1/annual_reports/{year}/generate', {
  fillPath, created: '4.6.0', api_version: 8, returns: json<Record<string, unknown>>, params: byYear,
});

/**
 * Ask the server to make the user's annual report of a year (this year's campaign only, while
 * it runs). Emits the background job it started, or is already running, to wait for with
 * `awaitAsyncRefresh`; `null` when it started none (the report exists, or the year is not
 * the campaign's).
 *
 * @example annualReportGenerate(client, 2025).pipe(filter((job) => job !== null), concatMap((job) => awaitAsyncRefresh(client, job))).subscribe()
 */
export function annualReportGenerate(client: MastodonClient, year: number | string): Observable<AsyncRefresh | null> {
  return defer(() => call(client, annualReportGenerateRow, [year])).pipe(map((answer) => getAsyncRefreshInfo(answer)?.[0] ?? null));
}
