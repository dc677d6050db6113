import { bool, FakeHttpError, str, userOf, type FakeRequest, type FakeRoutes } from './types.js';
import { pageReply } from '../paginate.js';
import type { FakeStatus, FakeStore } from '../store.js';
import { social } from './social.js';
import { hides, statusesView } from './status-state.js';
import { ownList } from './lists.js';
import { hiddenByFilter } from '../filters-state.js';

function newestFirst(store: FakeStore, keep: (status: FakeStatus) => boolean): FakeStatus[] {
  const result: FakeStatus[] = [];
  for (let i = store.statuses.length - 1; i >= 0; i--) {
    const status = store.statuses[i]!;
    if (keep(status)) result.push(status);
  }
  return result;
}

function mediaFilter(req: FakeRequest): (status: FakeStatus) => boolean {
  const onlyMedia = bool(req.params, 'only_media');
  return (status) => !onlyMedia || (Array.isArray(status['media_attachments']) && status['media_attachments'].length > 0);
}

/** A page of statuses as the request's user sees them. */
function timelinePage(store: FakeStore, req: FakeRequest, statuses: FakeStatus[]) {
  const reply = pageReply(req, statuses);
  return { ...reply, json: statusesView(store, req, reply.json as FakeStatus[]) };
}

/** Public statuses (no boosts), optionally with a hashtag; every account of the fake is local. */
function publicTimeline(req: FakeRequest, store: FakeStore, tag?: string): FakeStatus[] {
  const media = mediaFilter(req);
  const remote = bool(req.params, 'remote');
  const viewer = req.user?.account.id;
  const lowerTag = tag?.toLowerCase();
  return newestFirst(store, (s) => s.visibility === 'public' && !s['reblog'] && media(s) && !remote
    && !hides(store, viewer, s.account)
    && (lowerTag === undefined || (s['tags'] as { name: string }[] | undefined ?? []).some((t) => t.name === lowerTag)
      || s.content.toLowerCase().includes(`#${lowerTag}`)));
}

/**
 * Whether `viewer` sees `status` at home, or in a list: no direct posts, no boosts hidden by the
 * follow, nothing a `hide` filter of the home context matches.
 */
function homeVisible(store: FakeStore, viewer: string, status: FakeStatus): boolean {
  if (status.visibility === 'direct' || hides(store, viewer, status.account)) return false;
  if (hiddenByFilter(store, viewer, status, 'home')) return false;
  if (status['reblog'] && status.account.id !== viewer) {
    return social(store).followOptions.get(`${viewer}>${status.account.id}`)?.reblogs ?? true;
  }
  return true;
}

/** Timelines: home, public, hashtag, list. */
export const timelineRoutes: FakeRoutes = {
  'GET /api/v1/timelines/home': {
    auth: 'user',
    handle: (req, { store }) => {
      const me = req.user!.account.id;
      const media = mediaFilter(req);
      return timelinePage(store, req, newestFirst(store, (s) => store.followsOrSelf(me, s.account.id) && homeVisible(store, me, s) && media(s)));
    },
  },

  'GET /api/v1/timelines/public': {
    auth: 'none',
    handle: (req, { store }) => timelinePage(store, req, publicTimeline(req, store)),
  },

  'GET /api/v1/timelines/tag/{hashtag}': {
    auth: 'none',
    handle: (req, { store }) => timelinePage(store, req, publicTimeline(req, store, req.pathParams['hashtag'])),
  },

  'GET /api/v1/timelines/list/{id}': {
    auth: 'user',
    handle: (req, { store }) => {
      const me = userOf(req).account.id;
      const members = ownList(store, req).members;
      const media = mediaFilter(req);
      return timelinePage(store, req, newestFirst(store, (s) => members.has(s.account.id) && homeVisible(store, me, s) && media(s)));
    },
  },

  // The more specific routes above match first; this one takes what is left.
  'GET /api/v1/timelines/{timeline*}': {
    auth: 'none',
    handle: (req) => {
      throw new FakeHttpError(404, `No timeline ${str(req.pathParams, 'timeline')}`);
    },
  },
};
