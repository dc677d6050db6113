import { bool, FakeHttpError, list, str, userOf, type FakeRequest, type FakeRoutes } from './types.js';
import type { FakeStore } from '../store.js';

interface FakeFilter {
  id: string;
  phrase: string;
  context: string[];
  whole_word: boolean;
  expires_at: string | null;
  irreversible: boolean;
}

const CONTEXTS = ['home', 'notifications', 'public', 'thread', 'account'];

function filtersOf(store: FakeStore, accountId: string): FakeFilter[] {
  const all = store.extension('filters', () => new Map<string, FakeFilter[]>());
  let mine = all.get(accountId);
  if (!mine) {
    mine = [];
    all.set(accountId, mine);
  }
  return mine;
}

function ownFilter(req: FakeRequest, store: FakeStore): FakeFilter {
  const found = filtersOf(store, userOf(req).account.id).find((f) => f.id === req.pathParams['id']);
  if (!found) throw new FakeHttpError(404, 'Record not found');
  return found;
}

/** Sets the fields of `filter` that the request gives, as Rails validates them. */
function apply(req: FakeRequest, filter: FakeFilter): FakeFilter {
  const phrase = str(req.params, 'phrase');
  if (phrase !== undefined) filter.phrase = phrase;
  if (req.params['context'] !== undefined) filter.context = list(req.params, 'context');
  if (req.params['whole_word'] !== undefined) filter.whole_word = bool(req.params, 'whole_word');
  if (req.params['irreversible'] !== undefined) filter.irreversible = bool(req.params, 'irreversible');
  const expiresIn = str(req.params, 'expires_in');
  if (expiresIn !== undefined && expiresIn !== '') filter.expires_at = new Date(Date.now() + Number(expiresIn) * 1000).toISOString();
  if (filter.phrase.trim() === '') throw new FakeHttpError(422, "Validation failed: Phrase can't be blank");
  if (filter.context.length === 0 || filter.context.some((c) => !CONTEXTS.includes(c))) {
    throw new FakeHttpError(422, 'Validation failed: Context None or invalid context supplied');
  }
  return filter;
}

/** Keyword filters (v1). */
export const filterRoutes: FakeRoutes = {
  'GET /api/v1/filters': {
    auth: 'user',
    handle: (req, { store }) => ({ json: filtersOf(store, userOf(req).account.id) }),
  },
  'GET /api/v1/filters/{id}': {
    auth: 'user',
    handle: (req, { store }) => ({ json: ownFilter(req, store) }),
  },
  'POST /api/v1/filters': {
    auth: 'user',
    handle: (req, { store }) => {
      const filter = apply(req, { id: store.nextId(), phrase: '', context: [], whole_word: true, expires_at: null, irreversible: false });
      filtersOf(store, userOf(req).account.id).push(filter);
      store.notify({ type: 'filters.changed', accountId: userOf(req).account.id });
      return { json: filter };
    },
  },
  'PUT /api/v1/filters/{id}': {
    auth: 'user',
    handle: (req, { store }) => {
      const filter = ownFilter(req, store);
      const updated = apply(req, { ...filter, context: [...filter.context] });
      Object.assign(filter, updated);
      store.notify({ type: 'filters.changed', accountId: userOf(req).account.id });
      return { json: filter };
    },
  },
  'DELETE /api/v1/filters/{id}': {
    auth: 'user',
    handle: (req, { store }) => {
      const mine = filtersOf(store, userOf(req).account.id);
      mine.splice(mine.indexOf(ownFilter(req, store)), 1);
      store.notify({ type: 'filters.changed', accountId: userOf(req).account.id });
      return { json: {} };
    },
  },
};
