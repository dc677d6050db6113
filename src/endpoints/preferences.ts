import { endpoint, json } from './define.js';
import { optionsOf, requiredString } from './common.js';
import type { Markers } from '../entities/marker.js';
import type { Preferences } from '../entities/preferences.js';
import { MastodonIllegalArgumentError } from '../errors.js';
import { jsonBody, type Params } from '../http/params.js';
import { idsOf, type IdLike } from '../ids.js';

/** Options of `markersGet`. */
export interface MarkersGetOptions {
  /** The timeline or timelines whose markers to fetch (`home`, `notifications`). Default `['home']`. */
  timeline?: string | readonly string[];
}

function timelineNames(name: string, value: string | readonly string[]): string[] {
  const list: readonly unknown[] = Array.isArray(value) ? value : [value];
  return list.map((item) => {
    if (requiredString(name, item) === '') throw new MastodonIllegalArgumentError(`${name} must not be empty`);
    return item as string;
  });
}

// The user's preferences and read markers.

/**
 * The logged-in user's preferences (default visibility, language, media display...).
 * @example preferences(client).subscribe((p) => console.log(p['posting:default:visibility']))
 */
export const preferences = /* @__PURE__ */ endpoint('GET /api/v1/preferences', {
  created: '2.8.0', changed: '2.8.0', returns: json<Preferences>,
});

/**
 * Where the user stopped reading, keyed by timeline.
 * @example markersGet(client, { timeline: ['home', 'notifications'] }).subscribe((m) => console.log(m['home']?.last_read_id))
 */
export const markersGet = /* @__PURE__ */ endpoint('GET /api/v1/markers', {
  created: '3.0.0', changed: '3.0.0', returns: json<Markers>,
  options: 0, params: (options?: MarkersGetOptions) => ({ timeline: timelineNames('timeline', optionsOf(options).timeline ?? ['home']) }),
});

/**
 * Set where the user stopped reading: one id per timeline, in the same order. Sent as JSON
 * (`{"home":{"last_read_id":"…"}}`), ids as strings.
 * @example markersSet(client, ['home', 'notifications'], [status, notification]).subscribe((m) => console.log(m['home']?.version))
 */
export const markersSet = /* @__PURE__ */ endpoint('POST /api/v1/markers', {
  created: '3.0.0', changed: '3.0.0', returns: json<Markers>, encoding: jsonBody,
  params: (timelines: string | readonly string[], last_read_ids: IdLike | readonly IdLike[]): Params => {
    const names = timelineNames('timelines', timelines);
    const ids = idsOf(last_read_ids, 'last_read_ids');
    if (names.length !== ids.length) {
      throw new MastodonIllegalArgumentError('Number of specified timelines and ids must be the same');
    }
    if (names.length === 0) throw new MastodonIllegalArgumentError('Give at least one timeline');
    return Object.fromEntries(names.map((name, i) => [name, { last_read_id: ids[i]! }]));
  },
});
