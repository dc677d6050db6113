import type { FakeRoutes } from './types.js';
import { rankedHashtags, tagJson } from '../hashtags.js';
import { offsetPageReply } from '../paginate.js';
import type { FakeStore } from '../store.js';

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

function trendingTags(store: FakeStore): Record<string, unknown>[] {
  const recent = store.statuses.filter((s) => s.visibility === 'public' && Date.now() - Date.parse(s.created_at) < WEEK);
  return rankedHashtags(store, recent).map((name) => tagJson(store, name, recent));
}

const TAGS = { defaultLimit: 10, maxLimit: 20 };

/** Trends: hashtags (both routes), statuses, links; paged by offset with `Link` headers, as Mastodon pages them. */
export const trendRoutes: FakeRoutes = {
  'GET /api/v1/trends/tags': {
    auth: 'none',
    handle: (req, { store }) => offsetPageReply(req, trendingTags(store), TAGS),
  },
  'GET /api/v1/trends': {
    auth: 'none',
    handle: (req, { store }) => offsetPageReply(req, trendingTags(store), TAGS),
  },
  'GET /api/v1/trends/statuses': {
    auth: 'none',
    handle: (req, { store }) => {
      const score = (s: Record<string, unknown>): number => Number(s['favourites_count'] ?? 0) + Number(s['reblogs_count'] ?? 0);
      const ranked = store.statuses.filter((s) => s.visibility === 'public').slice().reverse()
        .sort((a, b) => score(b) - score(a));
      return offsetPageReply(req, ranked, { defaultLimit: 20, maxLimit: 40 });
    },
  },
  'GET /api/v1/trends/links': {
    auth: 'none',
    handle: (req, { store }) => offsetPageReply(req, trendingLinksOf(store), TAGS),
  },
};
