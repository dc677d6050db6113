import { FakeHttpError, list, userOf, type FakeRoutes } from './types.js';
import type { FakeStore } from '../store.js';
import { postingLanguage, profileSettings } from './profile-state.js';

interface FakeMarker {
  last_read_id: string;
  version: number;
  updated_at: string;
}

/** The read markers of one account, by timeline. */
function markersOf(store: FakeStore, accountId: string): Map<string, FakeMarker> {
  const all = store.extension('markers', () => new Map<string, Map<string, FakeMarker>>());
  let mine = all.get(accountId);
  if (!mine) {
    mine = new Map();
    all.set(accountId, mine);
  }
  return mine;
}

/** The id of the last item `accountId` read in `timeline`, when they set a marker. */
export function lastReadId(store: FakeStore, accountId: string, timeline: 'home' | 'notifications'): string | undefined {
  return markersOf(store, accountId).get(timeline)?.last_read_id;
}

const MARKER_TIMELINES = ['home', 'notifications'];

/** Preferences and read markers. */
export const preferenceRoutes: FakeRoutes = {
  'GET /api/v1/preferences': {
    auth: 'user',
    handle: (req, { store }) => {
      const { account } = userOf(req);
      const settings = profileSettings(store, account);
      return {
        json: {
          'posting:default:visibility': settings.privacy, 'posting:default:sensitive': settings.sensitive,
          'posting:default:language': postingLanguage(store, account),
          'reading:expand:media': 'default', 'reading:expand:spoilers': false,
        },
      };
    },
  },
  'GET /api/v1/markers': {
    auth: 'user',
    handle: (req, { store }) => {
      const mine = markersOf(store, userOf(req).account.id);
      const wanted = list(req.params, 'timeline');
      return { json: Object.fromEntries([...mine.entries()].filter(([name]) => wanted.includes(name))) };
    },
  },
  'POST /api/v1/markers': {
    auth: 'user',
    handle: (req, { store }) => {
      const mine = markersOf(store, userOf(req).account.id);
      const changed: Record<string, FakeMarker> = {};
      for (const name of MARKER_TIMELINES) {
        const given = req.params[name];
        if (given === undefined) continue;
        const id = typeof given === 'object' && !Array.isArray(given) ? given['last_read_id'] : undefined;
        if (typeof id !== 'string' || !/^\d+$/.test(id)) throw new FakeHttpError(422, `Validation failed: ${name} last_read_id must be an id string`);
        const marker = { last_read_id: id, version: (mine.get(name)?.version ?? -1) + 1, updated_at: new Date().toISOString() };
        mine.set(name, marker);
        changed[name] = marker;
      }
      return { json: changed };
    },
  },
};
