import { FakeHttpError, str, userOf, type FakeRoutes } from './types.js';
import { hashtagsOf, rankedHashtags, statusesBy, tagJson } from '../hashtags.js';
import type { FakeAccount, FakeStore } from '../store.js';
import { fakeLimits } from '../limits.js';

interface FakeFeaturedTag {
  id: string;
  name: string;
}

function featuredOf(store: FakeStore, accountId: string): FakeFeaturedTag[] {
  const all = store.extension('featured_tags', () => new Map<string, FakeFeaturedTag[]>());
  let list = all.get(accountId);
  if (!list) {
    list = [];
    all.set(accountId, list);
  }
  return list;
}

function featuredJson(store: FakeStore, account: FakeAccount, tag: FakeFeaturedTag): Record<string, unknown> {
  const using = statusesBy(store, account).filter((s) => hashtagsOf(store, s).includes(tag.name));
  const last = using.at(-1);
  return {
    id: tag.id, name: tag.name, url: `${store.baseUrl}/@${account.username}/tagged/${encodeURIComponent(tag.name)}`,
    statuses_count: String(using.length), last_status_at: last ? last.created_at.slice(0, 10) : null,
  };
}

/** Featured hashtags on profiles. */
export const featuredTagRoutes: FakeRoutes = {
  'GET /api/v1/featured_tags': {
    auth: 'user',
    handle: (req, { store }) => {
      const { account } = userOf(req);
      return { json: featuredOf(store, account.id).map((t) => featuredJson(store, account, t)) };
    },
  },
  'GET /api/v1/featured_tags/suggestions': {
    auth: 'user',
    handle: (req, { store }) => {
      const { account } = userOf(req);
      const own = statusesBy(store, account);
      return { json: rankedHashtags(store, own).slice(0, 10).map((name) => tagJson(store, name, own, account.id)) };
    },
  },
  'POST /api/v1/featured_tags': {
    auth: 'user',
    handle: (req, { store }) => {
      const { account } = userOf(req);
      const name = (str(req.params, 'name') ?? '').replace(/^#/, '');
      if (!/^[\p{L}\p{N}_]+$/u.test(name)) throw new FakeHttpError(422, 'Validation failed: Tag is invalid');
      const list = featuredOf(store, account.id);
      if (list.some((t) => t.name === name.toLowerCase())) throw new FakeHttpError(422, 'Validation failed: Tag has already been taken');
      if (list.length >= fakeLimits(store).accounts.max_featured_tags) {
        throw new FakeHttpError(422, 'Validation failed: You have already featured the maximum number of hashtags');
      }
      const tag = { id: store.nextId(), name: name.toLowerCase() };
      list.push(tag);
      return { json: featuredJson(store, account, tag) };
    },
  },
  'DELETE /api/v1/featured_tags/{id}': {
    auth: 'user',
    handle: (req, { store }) => {
      const list = featuredOf(store, userOf(req).account.id);
      const index = list.findIndex((t) => t.id === req.pathParams['id']);
      if (index < 0) throw new FakeHttpError(404, 'Record not found');
      list.splice(index, 1);
      return { json: {} };
    },
  },
  'GET /api/v1/accounts/{id}/featured_tags': {
    auth: 'none',
    handle: (req, { store }) => {
      const account = store.accountById(req.pathParams['id']!);
      if (!account) throw new FakeHttpError(404, 'Record not found');
      return { json: featuredOf(store, account.id).map((t) => featuredJson(store, account, t)) };
    },
  },
};
