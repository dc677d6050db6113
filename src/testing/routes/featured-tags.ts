import { FakeHttpError, str, userOf, type FakeRoutes } from './types.js';
import { hashtagsOf, rankedHashtags, statusesBy, tagJson } from '../hashtags.js';
import type { FakeAccount, FakeStore } from '../store.js';
import { fakeLimits } from '../limits.js';

/** A hashtag an account features on its profile. */
export interface FakeFeaturedTag {
  id: string;
  name: string;
}

/** The hashtags an account features, oldest first. */
export function featuredOf(store: FakeStore, accountId: string): FakeFeaturedTag[] {
  const all = store.extension('featured_tags', () => new Map<string, FakeFeaturedTag[]>());
  let list = all.get(accountId);
  if (!list) {
    list = [];
    all.set(accountId, list);
  }
  return list;
}

/** A featured hashtag as the API shows it, with how often the account used it. */
export function featuredJson(store: FakeStore, account: FakeAccount, tag: FakeFeaturedTag): Record<string, unknown> {
  const using = statusesBy(store, account).filter((s) => hashtagsOf(store, s).includes(tag.name));
  const last = using.at(-1);
  return {
    id: tag.id, name: tag.name, url: `${store.baseUrl}/@${account.username}/tagged/${encodeURIComponent(tag.name)}`,
    statuses_count: String(using.length), last_status_at: last ? last.created_at.slice(0, 10) : null,
  };
}

/**
 * Features the hashtag `name` (lower case, no `#`) on `account`'s profile, or finds it featured
 * already; as Mastodon, refuses one past the limit the instance announces.
 */
export function featureTag(store: FakeStore, account: FakeAccount, name: string): FakeFeaturedTag {
  const list = featuredOf(store, account.id);
  const known = list.find((t) => t.name === name);
  if (known) return known;
  if (list.length >= fakeLimits(store).accounts.max_featured_tags) throw new FakeHttpError(422, 'Validation failed: You have already featured the maximum number of hashtags');
  const tag = { id: store.nextId(), name };
  list.push(tag);
  return tag;
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
      if (featuredOf(store, account.id).some((t) => t.name === name.toLowerCase())) throw new FakeHttpError(422, 'Validation failed: Tag has already been taken');
      return { json: featuredJson(store, account, featureTag(store, account, name.toLowerCase())) };
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
