import type { FakeStatus, FakeStore } from '../store.js';
import { refreshHeader, runningRefresh, startRefresh } from './async-refreshes.js';
import { statusView } from './status-state.js';
import { FakeHttpError, userOf, type FakeRequest, type FakeRoutes } from './types.js';
import { READ_ACCOUNTS, scoped, WRITE_ACCOUNTS } from './scoped.js';

/** A user's year in review, once made. */
export interface FakeAnnualReport {
  readonly year: number;
  readonly accountId: string;
  /** Marked read: `GET /api/v1/annual_reports` lists it no more. */
  read: boolean;
  readonly json: Record<string, unknown>;
  /** The statuses the report names (its top statuses). */
  readonly statusIds: readonly string[];
}

/** The annual reports of a fake server and the year of its campaign. */
export interface FakeAnnualReportState {
  /** The year whose reports users may ask for now (Mastodon's current campaign); null for none. Default: this year. */
  campaign: number | null;
  /** `account:year` → the report. */
  readonly reports: Map<string, FakeAnnualReport>;
}

/**
 * The annual reports of a fake server, to set the campaign's year or read what was made.
 * @example fakeAnnualReports(server.store).campaign = 2025;
 */
export function fakeAnnualReports(store: FakeStore): FakeAnnualReportState {
  return store.extension<FakeAnnualReportState>('annual-reports', () => ({ campaign: new Date().getUTCFullYear(), reports: new Map() }));
}

/** How long Mastodon asks clients to wait for a report being made. */
const REPORT_RETRY_SECONDS = 2;

function yearOf(req: FakeRequest): number {
  const year = Number(req.pathParams['year']);
  if (!Number.isInteger(year)) throw new FakeHttpError(404, 'Record not found');
  return year;
}

function statusesOfYear(store: FakeStore, accountId: string, year: number): FakeStatus[] {
  return store.statuses.filter((s) => s.account.id === accountId && new Date(s.created_at).getUTCFullYear() === year);
}

function topBy(statuses: readonly FakeStatus[], field: string): string | null {
  const best = statuses.filter((s) => !s['reblog']).reduce<FakeStatus | undefined>((top, s) => (Number(s[field] ?? 0) > Number(top?.[field] ?? 0) ? s : top), undefined);
  return best?.id ?? null;
}

function archetypeOf(statuses: readonly FakeStatus[]): string {
  if (statuses.length === 0) return 'lurker';
  const count = (keep: (s: FakeStatus) => boolean): number => statuses.filter(keep).length;
  const boosts = count((s) => Boolean(s['reblog']));
  const replies = count((s) => Boolean(s['in_reply_to_id']));
  const polls = count((s) => Boolean(s['poll']));
  if (boosts * 2 > statuses.length) return 'booster';
  if (replies * 2 > statuses.length) return 'replier';
  if (polls > 0 && polls * 4 >= statuses.length) return 'pollster';
  return 'oracle';
}

/** A report made from the fake's own statuses, in Mastodon's schema 2. */
function makeReport(store: FakeStore, accountId: string, year: number): FakeAnnualReport {
  const statuses = statusesOfYear(store, accountId, year);
  const months = Array.from({ length: 12 }, (_, i) => ({
    month: i + 1, statuses: statuses.filter((s) => new Date(s.created_at).getUTCMonth() === i).length, followers: 0,
  }));
  const tags = new Map<string, number>();
  for (const status of statuses) for (const tag of (status['tags'] as { name: string }[] | undefined) ?? []) tags.set(tag.name, (tags.get(tag.name) ?? 0) + 1);
  const top = { by_reblogs: topBy(statuses, 'reblogs_count'), by_favourites: topBy(statuses, 'favourites_count'), by_replies: topBy(statuses, 'replies_count') };
  const account = store.accountById(accountId)!;
  return {
    year, accountId, read: false,
    statusIds: [...new Set(Object.values(top).filter((id): id is string => id !== null))],
    json: {
      year, account_id: accountId, schema_version: 2,
      share_url: `${store.baseUrl}/@${account.username}/wrapstodon/${year}/${store.secret().slice(0, 16)}`,
      data: {
        archetype: archetypeOf(statuses),
        time_series: months.filter((m) => m.statuses > 0),
        top_hashtags: [...tags].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([name, count]) => ({ name, count })),
        top_statuses: top,
      },
    },
  };
}

function wrapped(store: FakeStore, viewer: string, reports: readonly FakeAnnualReport[]): Record<string, unknown> {
  const statuses = reports.flatMap((r) => r.statusIds).map((id) => store.statusById.get(id)).filter((s): s is FakeStatus => s !== undefined);
  return { annual_reports: reports.map((r) => r.json), accounts: [], statuses: statuses.map((s) => statusView(store, s, viewer)) };
}

function ownReport(store: FakeStore, req: FakeRequest): FakeAnnualReport {
  const report = fakeAnnualReports(store).reports.get(`${userOf(req).account.id}:${yearOf(req)}`);
  if (!report) throw new FakeHttpError(404, 'Record not found');
  return report;
}

/** Annual reports: made on request during the campaign (a background job), then read and marked read. */
export const annualReportRoutes: FakeRoutes = {
  'GET /api/v1/annual_reports': scoped(READ_ACCOUNTS, {
    auth: 'user',
    handle: (req, { store }) => {
      const me = userOf(req).account.id;
      const unread = [...fakeAnnualReports(store).reports.values()].filter((r) => r.accountId === me && !r.read);
      return { json: wrapped(store, me, unread) };
    },
  }),

  'GET /api/v1/annual_reports/{year}': scoped(READ_ACCOUNTS, {
    auth: 'user',
    handle: (req, { store }) => ({ json: wrapped(store, userOf(req).account.id, [ownReport(store, req)]) }),
  }),

  'GET /api/v1/annual_reports/{year}/state': scoped(READ_ACCOUNTS, {
    auth: 'user',
    handle: (req, { store }) => {
      const me = userOf(req).account.id;
      const year = yearOf(req);
      const state = fakeAnnualReports(store);
      if (state.reports.has(`${me}:${year}`)) return { json: { state: 'available' } };
      const running = runningRefresh(store, `wrapstodon:${me}:${year}`);
      if (running) return { json: { state: 'generating' }, headers: refreshHeader(running) };
      const eligible = state.campaign === year && statusesOfYear(store, me, year).length > 0;
      return { json: { state: eligible ? 'eligible' : 'ineligible' } };
    },
  }),

  'POST /api/v1/annual_reports/{year}/generate': scoped(WRITE_ACCOUNTS, {
    auth: 'user',
    handle: (req, { store }) => {
      const me = userOf(req).account.id;
      const year = yearOf(req);
      const state = fakeAnnualReports(store);
      if (state.campaign !== year || state.reports.has(`${me}:${year}`)) return { json: {} };
      const key = `wrapstodon:${me}:${year}`;
      const refresh = runningRefresh(store, key) ?? startRefresh(store, key, {
        retry: REPORT_RETRY_SECONDS, countResults: false,
        finish: () => { state.reports.set(`${me}:${year}`, makeReport(store, me, year)); },
      });
      return { json: {}, headers: refreshHeader(refresh) };
    },
  }),

  'POST /api/v1/annual_reports/{year}/read': scoped(WRITE_ACCOUNTS, {
    auth: 'user',
    handle: (req, { store }) => {
      ownReport(store, req).read = true;
      return { json: {} };
    },
  }),
};
