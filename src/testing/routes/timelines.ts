import { bool, FakeHttpError, list, str, userOf, type FakeRequest, type FakeRoutes } from './types.js';
import { pageReply } from '../paginate.js';
import type { FakeStatus, FakeStore } from '../store.js';
import { inHomeFeed, social } from './social.js';
import { hides, statusesView } from './status-state.js';
import { inExclusiveList, ownList, type FakeList } from './lists.js';
import { deliveredByFollowedTag } from './tags.js';
import { trendingLinksOf } from './trends.js';
import { READ_STATUSES, scoped } from './scoped.js';
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
  const reply = pageReply(req, statuses, { next: 'always' });
  return { ...reply, json: statusesView(store, req, reply.json as FakeStatus[]) };
}

function hasTag(status: FakeStatus, tag: string): boolean {
  const lower = tag.toLowerCase();
  return (status['tags'] as { name: string }[] | undefined ?? []).some((t) => t.name === lower) || status.content.toLowerCase().includes(`#${lower}`);
}

/** Whether a status matches a hashtag timeline: the tag or one of `any[]`, all of `all[]`, none of `none[]`. */
function tagFilter(req: FakeRequest, tag: string | undefined): (status: FakeStatus) => boolean {
  if (tag === undefined) return () => true;
  const anyOf = [tag, ...list(req.params, 'any')];
  const allOf = list(req.params, 'all');
  const noneOf = list(req.params, 'none');
  return (s) => anyOf.some((t) => hasTag(s, t)) && allOf.every((t) => hasTag(s, t)) && !noneOf.some((t) => hasTag(s, t));
}

/** Public statuses (no boosts), optionally with a hashtag; every account of the fake is local. */
function publicTimeline(req: FakeRequest, store: FakeStore, tag?: string): FakeStatus[] {
  const media = mediaFilter(req);
  const remote = bool(req.params, 'remote');
  const viewer = req.user?.account.id;
  const tagged = tagFilter(req, tag);
  return newestFirst(store, (s) => s.visibility === 'public' && !s['reblog'] && media(s) && !remote
    && !hides(store, viewer, s.account) && tagged(s));
}

/**
 * Whether `viewer` sees `status` at home, or in a list: nothing from accounts they hide, no
 * boosts hidden by the follow, no posts in languages the follow leaves out, nothing a `hide`
 * filter of the home context matches.
 */
function homeVisible(store: FakeStore, viewer: string, status: FakeStatus): boolean {
  if (hides(store, viewer, status.account) || hiddenByFilter(store, viewer, status, 'home')) return false;
  if (status.account.id === viewer) return true;
  const follow = social(store).followOptions.get(`${viewer}>${status.account.id}`);
  if (status['reblog']) return follow?.reblogs ?? true;
  const languages = follow?.languages;
  return !languages || typeof status['language'] !== 'string' || languages.includes(status['language']);
}

/**
 * Whether a list shows a status as its replies policy says: replies to the author's own posts
 * or to the list's owner always, others to the owner's follows, to members, or not at all.
 */
function repliesShown(store: FakeStore, shown: FakeList, status: FakeStatus): boolean {
  const to = status['in_reply_to_account_id'];
  if (typeof to !== 'string' || to === status.account.id || to === shown.ownerId) return true;
  switch (shown.json.replies_policy) {
    case 'followed': return store.followsOrSelf(shown.ownerId, to);
    case 'list': return shown.members.has(to);
    default: return false;
  }
}

/** Timelines: home, public, hashtag, list. */
export const timelineRoutes: FakeRoutes = {
  'GET /api/v1/timelines/home': {
    auth: 'user',
    handle: (req, { store }) => {
      const me = req.user!.account.id;
      const media = mediaFilter(req);
      const home = (s: FakeStatus): boolean => inHomeFeed(store, me, s) || deliveredByFollowedTag(store, me, s);
      return timelinePage(store, req, newestFirst(store, (s) => home(s) && homeVisible(store, me, s) && media(s)
        && (s.account.id === me || !inExclusiveList(store, me, s.account.id))));
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
      const shown = ownList(store, req);
      const media = mediaFilter(req);
      return timelinePage(store, req, newestFirst(store, (s) => shown.members.has(s.account.id) && s.visibility !== 'direct' && homeVisible(store, me, s) && media(s)
        && repliesShown(store, shown, s)));
    },
  },

  // As in Mastodon, only a link trending now has a timeline: the public statuses whose card is it.
  'GET /api/v1/timelines/link': scoped(READ_STATUSES, {
    auth: 'none',
    handle: (req, { store }) => {
      const url = str(req.params, 'url');
      if (url === undefined || !trendingLinksOf(store).some((link) => link['url'] === url)) throw new FakeHttpError(404, 'Record not found');
      const viewer = req.user?.account.id;
      const media = mediaFilter(req);
      return timelinePage(store, req, newestFirst(store, (s) => s.visibility === 'public' && !s['reblog'] && media(s)
        && (s['card'] as { url?: unknown } | null)?.url === url && !hides(store, viewer, s.account)));
    },
  }),

  // The more specific routes above match first; this one takes what is left.
  'GET /api/v1/timelines/{timeline*}': {
    auth: 'none',
    handle: (req) => {
      throw new FakeHttpError(404, `No timeline ${str(req.pathParams, 'timeline')}`);
    },
  },
};
