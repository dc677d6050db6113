import { endpoint, json } from '../define.js';
import { MastodonIllegalArgumentError } from '../../errors.js';
import { optionsOf } from '../common.js';
import { optionalBoolean, optionalOneOf, optionalString, requiredDate } from './common.js';
import type { Admin_Cohort, Admin_Dimension, Admin_DimensionKey, Admin_Measure, Admin_MeasureKey } from '../../entities/admin.js';
import { idOf, type IdLike } from '../../ids.js';
import { jsonBody, type Params, type ParamValue } from '../../http/params.js';

/** Which measures `adminMeasures` computes: flags for server-wide ones, a tag or a domain for the others. */
export interface AdminMeasuresOptions {
  /** Users active in the period. */
  active_users?: boolean;
  /** Users who signed up in the period. */
  new_users?: boolean;
  /** Favourites, boosts and replies on local statuses. */
  interactions?: boolean;
  /** Reports filed. */
  opened_reports?: boolean;
  /** Reports resolved. */
  resolved_reports?: boolean;
  /** Accounts that used this tag (its id). */
  tag_accounts?: IdLike;
  /** Statuses that used this tag (its id). */
  tag_uses?: IdLike;
  /** Servers whose statuses used this tag (its id). */
  tag_servers?: IdLike;
  /** Accounts from this domain. */
  instance_accounts?: string;
  /** Space used by media from this domain. */
  instance_media_attachments?: string;
  /** Reports against accounts of this domain. */
  instance_reports?: string;
  /** Statuses from this domain. */
  instance_statuses?: string;
  /** Accounts of this domain followed by local users. */
  instance_follows?: string;
  /** Local accounts followed from this domain. */
  instance_followers?: string;
}

/** Which dimensions `adminDimensions` computes, and how many rows each. */
export interface AdminDimensionsOptions {
  /** Rows per dimension, where that makes sense. */
  limit?: number;
  /** The most used languages. */
  languages?: boolean;
  /** The most used apps. */
  sources?: boolean;
  /** The remote servers with the most statuses. */
  servers?: boolean;
  /** Space used by the parts of the software stack. */
  space_usage?: boolean;
  /** Versions of the software stack. */
  software_versions?: boolean;
  /** The most common servers of statuses using this tag (its id). */
  tag_servers?: IdLike;
  /** The most used languages of statuses using this tag (its id). */
  tag_languages?: IdLike;
  /** The most followed accounts of this domain. */
  instance_accounts?: string;
  /** The most used languages of this domain. */
  instance_languages?: string;
}

/** Options of `adminRetention`. */
export interface AdminRetentionOptions {
  /** Cohorts by `day` (default) or by `month`. */
  frequency?: 'day' | 'month';
}

const MEASURE_FLAGS = ['active_users', 'new_users', 'interactions', 'opened_reports', 'resolved_reports'] as const;
const MEASURE_TAGS = ['tag_accounts', 'tag_uses', 'tag_servers'] as const;
const MEASURE_DOMAINS = [
  'instance_accounts', 'instance_media_attachments', 'instance_reports', 'instance_statuses',
  'instance_follows', 'instance_followers',
] as const;
const DIMENSION_FLAGS = ['languages', 'sources', 'servers', 'space_usage', 'software_versions'] as const;
const DIMENSION_TAGS = ['tag_servers', 'tag_languages'] as const;
const DIMENSION_DOMAINS = ['instance_accounts', 'instance_languages'] as const;

/**
 * The JSON body the admin statistics endpoints take: `keys` lists what to compute, a tag
 * metric carries `{ id }`, a domain metric `{ domain }`, and the period is `start_at`/`end_at`.
 */
function statsBody<K extends string>(
  what: string, start_at: Date, end_at: Date, options: Readonly<Record<string, unknown>>,
  flags: readonly K[], tags: readonly K[], domains: readonly K[],
): Record<string, ParamValue> {
  const body: Record<string, ParamValue> = {};
  const keys: K[] = [];
  for (const key of flags) {
    if (optionalBoolean(key, options[key])) keys.push(key);
  }
  for (const key of tags) {
    const value = options[key];
    if (value === undefined || value === null) continue;
    body[key] = { id: idOf(value as IdLike, key) };
    keys.push(key);
  }
  for (const key of domains) {
    const domain = optionalString(key, options[key]);
    if (domain === undefined) continue;
    body[key] = { domain };
    keys.push(key);
  }
  if (keys.length === 0) throw new MastodonIllegalArgumentError(`Ask for at least one ${what}`);
  return { ...body, keys, start_at: requiredDate('start_at', start_at), end_at: requiredDate('end_at', end_at) };
}

// The admin dashboard's statistics: measures, dimensions and retention. Needs admin scopes.

/**
 * Quantitative measures of the server, day by day, between two dates. Asking for none is
 * an argument error.
 * @example adminMeasures(client, new Date(Date.now() - 5 * 86400e3), new Date(), { active_users: true, instance_statuses: 'chitter.xyz' })
 */
export const adminMeasures = /* @__PURE__ */ endpoint('POST /api/v1/admin/measures', {
  created: '3.5.0', changed: '3.5.0', returns: json<Admin_Measure[]>, encoding: jsonBody,
  options: 2, params: (start_at: Date, end_at: Date, options?: AdminMeasuresOptions): Params =>
    statsBody<Admin_MeasureKey>('measure', start_at, end_at, optionsOf(options), MEASURE_FLAGS, MEASURE_TAGS, MEASURE_DOMAINS),
});

/**
 * Categorical breakdowns of the server (languages, apps, servers, space...) between two
 * dates. Asking for none is an argument error.
 * @example adminDimensions(client, start, end, { languages: true, limit: 5 }).subscribe((d) => console.log(d[0]?.data))
 */
export const adminDimensions = /* @__PURE__ */ endpoint('POST /api/v1/admin/dimensions', {
  created: '3.5.0', changed: '3.5.0', returns: json<Admin_Dimension[]>, encoding: jsonBody,
  options: 2, params: (start_at: Date, end_at: Date, options?: AdminDimensionsOptions): Params => {
    const o = optionsOf(options);
    const body = statsBody<Admin_DimensionKey>('dimension', start_at, end_at, o, DIMENSION_FLAGS, DIMENSION_TAGS, DIMENSION_DOMAINS);
    return o.limit === undefined ? body : { ...body, limit: o.limit };
  },
});

/**
 * How many of the users who signed up in each day (or month) of a period stayed active.
 * `frequency` other than `day` or `month` is an argument error.
 * @example adminRetention(client, start, end, { frequency: 'month' }).subscribe((cohorts) => console.log(cohorts.length))
 */
export const adminRetention = /* @__PURE__ */ endpoint('POST /api/v1/admin/retention', {
  created: '3.5.0', changed: '3.5.0', returns: json<Admin_Cohort[]>,
  options: 2, params: (start_at: Date, end_at: Date, options?: AdminRetentionOptions) => ({
    start_at: requiredDate('start_at', start_at),
    end_at: requiredDate('end_at', end_at),
    frequency: optionalOneOf('frequency', optionsOf(options).frequency ?? 'day', ['day', 'month']),
  }),
});
