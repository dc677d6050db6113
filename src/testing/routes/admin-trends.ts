import { rankedHashtags } from '../hashtags.js';
import { pageReply } from '../paginate.js';
import type { FakeStatus, FakeStore } from '../store.js';
import { adminRoute } from './admin-state.js';
import { fakeTrendReview, type FakePublisher, type FakeTag, type FakeTrendLink, type FakeTrendReview } from './admin-trends-state.js';
import { FakeHttpError, str, userOf, type FakeReply, type FakeRequest, type FakeRoute, type FakeRoutes } from './types.js';

const READ = ['admin:read'];
const WRITE = ['admin:write'];
const WEEK = 7 * 86_400_000;

function limited<T>(req: FakeRequest, items: readonly T[], fallback: number): T[] {
  const limit = Number(str(req.params, 'limit') ?? fallback);
  return items.slice(0, Number.isFinite(limit) && limit > 0 ? Math.min(limit, fallback * 2) : fallback);
}

/** Public statuses that were favourited or boosted, the most first: the trend candidates. */
function trendingStatuses(store: FakeStore): FakeStatus[] {
  const score = (s: FakeStatus): number => Number(s['favourites_count'] ?? 0) + Number(s['reblogs_count'] ?? 0);
  return store.statuses.filter((s) => s.visibility === 'public' && score(s) > 0).sort((a, b) => score(b) - score(a));
}

function recentPublic(store: FakeStore): FakeStatus[] {
  return store.statuses.filter((s) => s.visibility === 'public' && Date.now() - Date.parse(s.created_at) < WEEK);
}

function notFound(): never {
  throw new FakeHttpError(404, 'Record not found');
}

function tagById(trends: FakeTrendReview, req: FakeRequest): FakeTag {
  return trends.allTags().find((tag) => tag.id === req.pathParams['id']) ?? notFound();
}

function linkById(trends: FakeTrendReview, req: FakeRequest): FakeTrendLink {
  return trends.links.find((link) => link.id === req.pathParams['id']) ?? notFound();
}

function publisherById(trends: FakeTrendReview, req: FakeRequest): FakePublisher {
  return [...trends.publishers.values()].find((p) => String(p.id) === req.pathParams['id']) ?? notFound();
}

/** A review decision on one kind of trend: `act` records it, the route answers with the item. */
function review(act: (trends: FakeTrendReview, req: FakeRequest, store: FakeStore) => Record<string, unknown>): FakeRoute {
  return adminRoute(WRITE, (req, _admin, store): FakeReply => ({ json: act(fakeTrendReview(store), req, store) }));
}

function reviewTag(trendable: boolean): FakeRoute {
  return review((trends, req) => {
    const tag = tagById(trends, req);
    tag.trendable = trendable;
    tag.reviewed_at = new Date().toISOString();
    return trends.tagJson(tag);
  });
}

function reviewLink(trendable: boolean): FakeRoute {
  return review((trends, req) => {
    const link = linkById(trends, req);
    link.trendable = trendable;
    return trends.linkJson(link);
  });
}

function reviewStatus(trendable: boolean): FakeRoute {
  return review((trends, req, store) => {
    const status = store.statusById.get(req.pathParams['id']!) ?? notFound();
    trends.statuses.set(status.id, trendable);
    return trends.statusJson(status, userOf(req).account.id);
  });
}

function reviewPublisher(trendable: boolean): FakeRoute {
  return review((trends, req) => {
    const publisher = publisherById(trends, req);
    publisher.trendable = trendable;
    publisher.reviewed_at = new Date().toISOString();
    return trends.publisherJson(publisher);
  });
}

/** Rails' cast of a form boolean; undefined when the parameter is not there. */
function flag(req: FakeRequest, name: string): boolean | undefined {
  const value = str(req.params, name);
  return value === undefined ? undefined : ['1', 'true', 't', 'on'].includes(value.toLowerCase());
}

/**
 * Trends as moderators see and review them (every candidate, reviewed or not), the publishers
 * of links, and hashtags with their flags.
 */
export const adminTrendRoutes: FakeRoutes = {
  'GET /api/v1/admin/trends/tags': adminRoute(READ, (req, _admin, store) => {
    const trends = fakeTrendReview(store);
    const recent = recentPublic(store);
    return { json: limited(req, rankedHashtags(store, recent), 10).map((name) => trends.tagJson(trends.tag(name), recent)) };
  }),
  'GET /api/v1/admin/trends/statuses': adminRoute(READ, (req, _admin, store) => {
    const trends = fakeTrendReview(store);
    return { json: limited(req, trendingStatuses(store), 20).map((status) => trends.statusJson(status, userOf(req).account.id)) };
  }),
  'GET /api/v1/admin/trends/links': adminRoute(READ, (req, _admin, store) => {
    const trends = fakeTrendReview(store);
    return { json: limited(req, trends.links, 10).map((link) => trends.linkJson(link)) };
  }),
  'GET /api/v1/admin/trends/links/publishers': adminRoute(READ, (req, _admin, store) => {
    const trends = fakeTrendReview(store);
    const newest = [...trends.publishers.values()].reverse().map((p) => trends.publisherJson(p));
    return pageReply(req, newest, { defaultLimit: 100, maxLimit: 200, cursor: (p) => String(p['id']) });
  }),

  'POST /api/v1/admin/trends/tags/{id}/approve': reviewTag(true),
  'POST /api/v1/admin/trends/tags/{id}/reject': reviewTag(false),
  'POST /api/v1/admin/trends/links/{id}/approve': reviewLink(true),
  'POST /api/v1/admin/trends/links/{id}/reject': reviewLink(false),
  'POST /api/v1/admin/trends/statuses/{id}/approve': reviewStatus(true),
  'POST /api/v1/admin/trends/statuses/{id}/reject': reviewStatus(false),
  'POST /api/v1/admin/trends/links/publishers/{id}/approve': reviewPublisher(true),
  'POST /api/v1/admin/trends/links/publishers/{id}/reject': reviewPublisher(false),

  'GET /api/v1/admin/tags': adminRoute(READ, (req, _admin, store) => {
    const trends = fakeTrendReview(store);
    return pageReply(req, trends.allTags().reverse().map((tag) => trends.tagJson(tag)), { defaultLimit: 100, maxLimit: 200 });
  }),
  'GET /api/v1/admin/tags/{id}': adminRoute(READ, (req, _admin, store) => {
    const trends = fakeTrendReview(store);
    return { json: trends.tagJson(tagById(trends, req)) };
  }),
  'PUT /api/v1/admin/tags/{id}': adminRoute(WRITE, (req, _admin, store) => {
    const trends = fakeTrendReview(store);
    const tag = tagById(trends, req);
    const displayName = str(req.params, 'display_name');
    if (displayName !== undefined && displayName.toLowerCase() !== tag.name) {
      throw new FakeHttpError(422, 'Validation failed: Display name does not match the previous name');
    }
    if (displayName !== undefined) tag.display_name = displayName;
    for (const name of ['trendable', 'usable', 'listable'] as const) tag[name] = flag(req, name) ?? tag[name];
    tag.reviewed_at = new Date().toISOString();
    return { json: trends.tagJson(tag) };
  }),
};
