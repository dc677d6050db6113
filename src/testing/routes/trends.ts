import type { FakeRoutes } from './types.js';
import { rankedHashtags, tagJson } from '../hashtags.js';
import { offsetPageReply } from '../paginate.js';
import type { FakeStatus, FakeStore } from '../store.js';
import { statusView } from './status-state.js';
import { fakeTrendReview } from './admin-trends-state.js';

/** A trending link as the fake server serves it (a preview card with history). */
export type FakeTrendingLink = Record<string, unknown>;

/**
 * The links `trendingLinks` serves; tests may add some.
 * @example trendingLinksOf(server.store).push({ url: 'https://example.com', title: 'Example', ... })
 */
export function trendingLinksOf(store: FakeStore): FakeTrendingLink[] {
  return store.extension<FakeTrendingLink[]>('trends.links', () => []);
}

const WEEK = 7 * 86_400_000;

/** The hashtags used in public in the last week, most used first, without those moderators rejected. */
function trendingTags(store: FakeStore, viewer: string | undefined): Record<string, unknown>[] {
  const recent = store.statuses.filter((s) => s.visibility === 'public' && Date.now() - Date.parse(s.created_at) < WEEK);
  const review = fakeTrendReview(store);
  return rankedHashtags(store, recent).filter((name) => review.tagMayTrend(name)).map((name) => tagJson(store, name, recent, viewer));
}

const TAGS = { defaultLimit: 10, maxLimit: 20 };

/**
 * Trends: hashtags (both routes), statuses, links; paged by offset with `Link` headers, as
 * Mastodon pages them; what moderators rejected stays out (`fakeTrendReview`).
 */
export const trendRoutes: FakeRoutes = {
  'GET /api/v1/trends/tags': {
    auth: 'none',
    handle: (req, { store }) => offsetPageReply(req, trendingTags(store, req.user?.account.id), TAGS),
  },
  'GET /api/v1/trends': {
    auth: 'none',
    handle: (req, { store }) => offsetPageReply(req, trendingTags(store, req.user?.account.id), TAGS),
  },
  'GET /api/v1/trends/statuses': {
    auth: 'none',
    handle: (req, { store }) => {
      const score = (s: Record<string, unknown>): number => Number(s['favourites_count'] ?? 0) + Number(s['reblogs_count'] ?? 0);
      const review = fakeTrendReview(store);
      const ranked = store.statuses.filter((s) => s.visibility === 'public' && review.statusMayTrend(s)).slice().reverse()
        .sort((a, b) => score(b) - score(a));
      const reply = offsetPageReply(req, ranked, { defaultLimit: 20, maxLimit: 40 });
      return { ...reply, json: (reply.json as FakeStatus[]).map((s) => statusView(store, s, req.user?.account.id)) };
    },
  },
  'GET /api/v1/trends/links': {
    auth: 'none',
    handle: (req, { store }) => {
      const review = fakeTrendReview(store);
      const reviewed = review.links.filter((link) => review.linkMayTrend(link)).map((link) => link.card);
      return offsetPageReply(req, [...trendingLinksOf(store), ...reviewed], TAGS);
    },
  },
};
