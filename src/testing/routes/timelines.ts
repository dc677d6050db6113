import { bool, FakeHttpError, str, type FakeRequest, type FakeRoutes } from './types.js';
import { pageReply } from '../paginate.js';
import type { FakeStatus, FakeStore } from '../store.js';

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

function publicTimeline(req: FakeRequest, store: FakeStore, tag?: string): FakeStatus[] {
  const media = mediaFilter(req);
  const remote = bool(req.params, 'remote');
  return newestFirst(store, (s) => s.visibility === 'public' && media(s) && !remote
    && (tag === undefined || s.content.toLowerCase().includes(`#${tag.toLowerCase()}`)));
}

/** Timelines: home, public, hashtag. */
export const timelineRoutes: FakeRoutes = {
  'GET /api/v1/timelines/home': {
    auth: 'user',
    handle: (req, { store }) => {
      const me = req.user!.account.id;
      const media = mediaFilter(req);
      return pageReply(req, newestFirst(store, (s) => store.followsOrSelf(me, s.account.id) && s.visibility !== 'direct' && media(s)));
    },
  },
  'GET /api/v1/timelines/public': {
    auth: 'none',
    handle: (req, { store }) => pageReply(req, publicTimeline(req, store)),
  },
  // More specific routes (home, public, list/{id}) match first; this one takes what is left.
  'GET /api/v1/timelines/{timeline*}': {
    auth: 'none',
    handle: (req, { store }) => {
      const [kind, name] = (req.pathParams['timeline'] ?? '').split('/');
      if (kind === 'tag' && name) return pageReply(req, publicTimeline(req, store, name));
      throw new FakeHttpError(404, `No timeline ${str(req.pathParams, 'timeline')}`);
    },
  },
};
