import { str, type FakeRoutes } from './types.js';
import { rankedHashtags, tagJson } from '../hashtags.js';
import type { FakeStore } from '../store.js';
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

function limitOf(value: string | undefined, fallback: number, max: number): number {
  const n = Number(value ?? fallback);
  return Math.min(Math.max(Number.isFinite(n) ? Math.trunc(n) : fallback, 1), max);
}

const WEEK = 7 * 86_400_000;

function trendingTags(store: FakeStore, limit: number, viewer: string | undefined): Record<string, unknown>[] {
  const recent = store.statuses.filter((s) => s.visibility === 'public' && Date.now() - Date.parse(s.created_at) < WEEK);
  const review = fakeTrendReview(store);
  return rankedHashtags(store, recent).filter((name) => review.tagMayTrend(name)).slice(0, limit).map((name) => tagJson(store, name, recent, viewer));
}

/** Trends: hashtags (both routes), statuses, links; what moderators rejected stays out (`fakeTrendReview`). */
export const trendRoutes: FakeRoutes = {
  'GET /api/v1/trends/tags': {
    auth: 'none',
    handle: (req, { store }) => ({ json: trendingTags(store, limitOf(str(req.params, 'limit'), 10, 20), req.user?.account.id) }),
  },
  'GET /api/v1/trends': {
    auth: 'none',
    handle: (req, { store }) => ({ json: trendingTags(store, limitOf(str(req.params, 'limit'), 10, 20), req.user?.account.id) }),
  },
  'GET /api/v1/trends/statuses': {
    auth: 'none',
    handle: (req, { store }) => {
      const score = (s: Record<string, unknown>): number => Number(s['favourites_count'] ?? 0) + Number(s['reblogs_count'] ?? 0);
      const review = fakeTrendReview(store);
      const ranked = store.statuses.filter((s) => s.visibility === 'public' && review.statusMayTrend(s)).slice().reverse()
        .sort((a, b) => score(b) - score(a));
      return { json: ranked.slice(0, limitOf(str(req.params, 'limit'), 20, 40)).map((s) => statusView(store, s, req.user?.account.id)) };
    },
  },
  'GET /api/v1/trends/links': {
    auth: 'none',
    handle: (req, { store }) => {
      const review = fakeTrendReview(store);
      const reviewed = review.links.filter((link) => review.linkMayTrend(link)).map((link) => link.card);
      return { json: [...trendingLinksOf(store), ...reviewed].slice(0, limitOf(str(req.params, 'limit'), 10, 20)) };
    },
  },
};
