import { bool, FakeHttpError, str, type FakeRequest, type FakeRoutes } from './types.js';
import { hashtagsOf, tagJson } from '../hashtags.js';
import type { FakeStore } from '../store.js';
import { statusView } from './status-state.js';

interface Found {
  accounts: unknown[];
  statuses: unknown[];
  hashtags: string[];
}

function find(req: FakeRequest, store: FakeStore): Found {
  const q = (str(req.params, 'q') ?? '').trim();
  if (q === '') throw new FakeHttpError(400, 'Query is missing');
  const needle = q.toLowerCase().replace(/^@/, '');
  const tagNeedle = needle.replace(/^#/, '');
  const type = str(req.params, 'type');
  const accountId = str(req.params, 'account_id');
  const offset = Math.max(Number(str(req.params, 'offset') ?? 0) || 0, 0);
  const limit = Math.min(Math.max(Number(str(req.params, 'limit') ?? 20) || 20, 1), 40);
  const page = <T>(items: T[]): T[] => items.slice(offset, offset + limit);
  const me = req.user?.account.id;

  const following = bool(req.params, 'following');
  const accounts = [...store.users.values()].map((u) => u.account)
    .filter((a) => [a.username, a.acct, a.display_name].some((field) => field.toLowerCase().includes(needle)))
    .filter((a) => !following || (me !== undefined && store.follows.get(me)?.has(a.id) === true));
  const statuses = store.statuses.slice().reverse()
    .filter((s) => (s.visibility === 'public' || s.account.id === me) && (accountId === undefined || s.account.id === accountId))
    .filter((s) => (store.sourceText.get(s.id) ?? s.content).toLowerCase().includes(needle));
  const tags = new Set<string>();
  for (const status of store.statuses) for (const tag of hashtagsOf(store, status)) if (tag.includes(tagNeedle)) tags.add(tag);

  return {
    accounts: type === undefined || type === 'accounts' ? page(accounts) : [],
    statuses: (type === undefined || type === 'statuses') && me !== undefined ? page(statuses).map((s) => statusView(store, s, me)) : [],
    hashtags: type === undefined || type === 'hashtags' ? page([...tags].sort()) : [],
  };
}

/** Search, v1 (hashtags as names) and v2 (hashtags as tags). */
export const searchRoutes: FakeRoutes = {
  'GET /api/v1/search': {
    auth: 'none',
    handle: (req, { store }) => ({ json: find(req, store) }),
  },
  'GET /api/v2/search': {
    auth: 'none',
    handle: (req, { store }) => {
      const found = find(req, store);
      return { json: { ...found, hashtags: found.hashtags.map((name) => tagJson(store, name, undefined, req.user?.account.id)) } };
    },
  },
};
