import type { FakeStore } from '../store.js';
import type { ParsedParams, ParsedValue } from '../params.js';
import { adminRoute, type FakeAdminState } from './admin-state.js';
import { FakeHttpError, list, str, type FakeRoutes } from './types.js';

const DAY = 86_400_000;

function dateParam(params: ParsedParams, name: string): Date {
  const text = str(params, name);
  const date = text === undefined ? undefined : new Date(text);
  if (!date || Number.isNaN(date.getTime())) throw new FakeHttpError(400, `Missing or invalid ${name}`);
  return date;
}

function dayOf(time: number): number {
  return Math.floor(time / DAY) * DAY;
}

/** Each day from `start` to `end`, midnight UTC. */
function days(start: Date, end: Date): number[] {
  const out: number[] = [];
  for (let day = dayOf(start.getTime()); day <= end.getTime(); day += DAY) out.push(day);
  return out;
}

function nested(value: ParsedValue | undefined, key: string): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const inner = value[key];
  return inner === undefined ? undefined : String(inner);
}

/** What each measure counts on one day: a list of timestamps that fall on days. */
function measureEvents(key: string, store: FakeStore, admin: FakeAdminState): number[] {
  switch (key) {
    case 'new_users': return [...store.users.values()].map((u) => Date.parse(u.account.created_at));
    case 'active_users': return store.statuses.map((s) => Date.parse(s.created_at));
    case 'opened_reports': return admin.reports.map((r) => Date.parse(r.created_at));
    case 'resolved_reports': return admin.reports.flatMap((r) => (r.action_taken_at ? [Date.parse(r.action_taken_at)] : []));
    default: return [];
  }
}

function measure(key: string, start: Date, end: Date, store: FakeStore, admin: FakeAdminState): Record<string, unknown> {
  const events = measureEvents(key, store, admin);
  const data = days(start, end).map((day) => ({
    date: new Date(day).toISOString().replace('.000Z', 'Z'),
    value: String(events.filter((time) => dayOf(time) === day).length),
  }));
  const total = data.reduce((sum, row) => sum + Number(row.value), 0);
  const bytes = key === 'instance_media_attachments';
  // As in Mastodon, the measures of one domain (instance_*) have no previous period.
  return {
    key, unit: bytes ? 'bytes' : null, total: String(total),
    ...(bytes ? { human_value: `${total} Bytes` } : {}),
    ...(key.startsWith('instance_') ? {} : { previous_total: '0' }), data,
  };
}

function dimension(key: string, limit: number, store: FakeStore, version: string): Record<string, unknown> {
  const counts = new Map<string, number>();
  const count = (name: string): void => { counts.set(name, (counts.get(name) ?? 0) + 1); };
  let data: Record<string, unknown>[];
  switch (key) {
    case 'languages':
      for (const status of store.statuses) count(String(status['language'] ?? 'und'));
      data = [...counts].map(([lang, value]) => ({ key: lang, human_key: lang, value: String(value) }));
      break;
    case 'sources':
      for (const status of store.statuses) count((status['application'] as { name?: string } | null)?.name ?? 'web');
      data = [...counts].map(([app, value]) => ({ key: app, human_key: app, value: String(value) }));
      break;
    case 'space_usage':
      data = [
        { key: 'postgresql', human_key: 'PostgreSQL', value: '17642287', unit: 'bytes', human_value: '16.8 MB' },
        { key: 'redis', human_key: 'Redis', value: '1226312', unit: 'bytes', human_value: '1.17 MB' },
        { key: 'media', human_key: 'Media storage', value: '218330', unit: 'bytes', human_value: '213 KB' },
      ];
      break;
    case 'software_versions':
      data = [
        { key: 'mastodon', human_key: 'Mastodon', value: version, human_value: version },
        { key: 'ruby', human_key: 'Ruby', value: '3.0.4p208', human_value: '3.0.4p208' },
      ];
      break;
    default:
      data = [];
  }
  data.sort((a, b) => Number(b['value']) - Number(a['value']));
  return { key, data: data.slice(0, limit) };
}

/** Sign-up cohorts per period, and how many of each posted on each later date. */
function retention(start: Date, end: Date, monthly: boolean, store: FakeStore): Record<string, unknown>[] {
  const periodOf = (time: number): number => {
    if (!monthly) return dayOf(time);
    const d = new Date(time);
    return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
  };
  const next = (period: number): number => {
    if (!monthly) return period + DAY;
    const d = new Date(period);
    return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
  };
  const periods: number[] = [];
  for (let p = periodOf(start.getTime()); p <= end.getTime(); p = next(p)) periods.push(p);
  const users = [...store.users.values()];
  const format = (time: number): string => new Date(time).toISOString().replace('.000Z', '+00:00');
  return periods.map((period) => {
    const cohort = users.filter((u) => periodOf(Date.parse(u.account.created_at)) === period);
    const data = periods.filter((p) => p >= period).map((p) => {
      const active = cohort.filter((u) => store.statuses.some((s) => s.account.id === u.account.id && periodOf(Date.parse(s.created_at)) === p));
      return { date: format(p), rate: cohort.length === 0 ? 0 : active.length / cohort.length, value: String(active.length) };
    });
    return { period: format(period), frequency: monthly ? 'month' : 'day', data };
  });
}

/** The admin dashboard's statistics, computed from the fake server's memory. */
export const adminStatsRoutes: FakeRoutes = {
  'POST /api/v1/admin/measures': adminRoute(['admin:read'], (req, admin, store) => {
    const start = dateParam(req.params, 'start_at');
    const end = dateParam(req.params, 'end_at');
    const keys = list(req.params, 'keys');
    for (const key of keys.filter((k) => k.startsWith('tag_'))) {
      if (nested(req.params[key], 'id') === undefined) throw new FakeHttpError(400, `${key} needs an id`);
    }
    for (const key of keys.filter((k) => k.startsWith('instance_'))) {
      if (nested(req.params[key], 'domain') === undefined) throw new FakeHttpError(400, `${key} needs a domain`);
    }
    return { json: keys.map((key) => measure(key, start, end, store, admin)) };
  }),

  'POST /api/v1/admin/dimensions': adminRoute(['admin:read'], (req, _admin, store, { version }) => {
    dateParam(req.params, 'start_at');
    dateParam(req.params, 'end_at');
    const limit = Number(req.params['limit'] ?? 10);
    return { json: list(req.params, 'keys').map((key) => dimension(key, Number.isFinite(limit) && limit > 0 ? limit : 10, store, version)) };
  }),

  'POST /api/v1/admin/retention': adminRoute(['admin:read'], (req, _admin, store) => {
    const start = dateParam(req.params, 'start_at');
    const end = dateParam(req.params, 'end_at');
    const frequency = str(req.params, 'frequency');
    if (frequency !== 'day' && frequency !== 'month') throw new FakeHttpError(400, 'frequency must be day or month');
    return { json: retention(start, end, frequency === 'month', store) };
  }),
};
