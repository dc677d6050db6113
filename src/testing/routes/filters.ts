import { bool, FakeHttpError, list, str, userOf, type FakeRequest, type FakeRoutes } from './types.js';
import type { FakeStore } from '../store.js';
import { fakeFilters, filtersOf, type FakeFilter, type FakeFilterKeyword } from '../filters-state.js';
import { userRoute } from './scoped.js';

// Keyword filters (v1). Since Mastodon 4.0 a v1 filter is one keyword of a v2 filter: its id is
// the keyword's, its phrase the keyword, and `irreversible` the filter's `hide` action.

/** The contexts a filter may name. */
export const FILTER_CONTEXTS = ['home', 'notifications', 'public', 'thread', 'account'];

function v1Json(filter: FakeFilter, keyword: FakeFilterKeyword): Record<string, unknown> {
  return {
    id: keyword.id, phrase: keyword.keyword, context: [...filter.context], whole_word: keyword.whole_word,
    expires_at: filter.expires_at, irreversible: filter.filter_action === 'hide',
  };
}

function ownKeyword(req: FakeRequest, store: FakeStore): { filter: FakeFilter; keyword: FakeFilterKeyword } {
  for (const filter of filtersOf(store, userOf(req).account.id)) {
    const keyword = filter.keywords.find((k) => k.id === req.pathParams['id']);
    if (keyword) return { filter, keyword };
  }
  throw new FakeHttpError(404, 'Record not found');
}

/** `expires_at` for `expires_in` seconds from now; none when blank. */
export function expiryOf(req: FakeRequest, current: string | null): string | null {
  const raw = req.params['expires_in'];
  if (raw === undefined) return current;
  const seconds = typeof raw === 'string' || typeof raw === 'number' ? Number(raw) : Number.NaN;
  if (raw === '' || raw === null || !Number.isFinite(seconds)) return null;
  return new Date(Date.now() + seconds * 1000).toISOString();
}

/** Rails' validation of a filter's title and contexts. */
export function validateFilter(filter: FakeFilter): void {
  const failures: string[] = [];
  if (filter.title.trim() === '') failures.push("Title can't be blank");
  if (filter.context.length === 0) failures.push("Context can't be blank");
  if (filter.context.length === 0 || filter.context.some((c) => !FILTER_CONTEXTS.includes(c))) failures.push('Context None or invalid context supplied');
  if (failures.length > 0) throw new FakeHttpError(422, `Validation failed: ${failures.join(', ')}`);
}

/** Tells the owner's streams that their filters changed. */
export function filtersChanged(store: FakeStore, req: FakeRequest): void {
  store.notify({ type: 'filters.changed', accountId: userOf(req).account.id });
}

export const filterRoutes: FakeRoutes = {
  'GET /api/v1/filters': userRoute('read:filters', (req, { store }) => ({
    json: filtersOf(store, userOf(req).account.id).flatMap((f) => f.keywords.map((k) => v1Json(f, k))),
  })),
  'GET /api/v1/filters/{id}': userRoute('read:filters', (req, { store }) => {
    const { filter, keyword } = ownKeyword(req, store);
    return { json: v1Json(filter, keyword) };
  }),
  'POST /api/v1/filters': userRoute('write:filters', (req, { store }) => {
    const phrase = str(req.params, 'phrase') ?? '';
    if (phrase.trim() === '') throw new FakeHttpError(422, "Validation failed: Phrase can't be blank");
    const filter: FakeFilter = {
      id: store.nextId(), ownerId: userOf(req).account.id, title: phrase, context: list(req.params, 'context'),
      filter_action: bool(req.params, 'irreversible') ? 'hide' : 'warn', expires_at: expiryOf(req, null), keywords: [], statuses: [],
    };
    validateFilter(filter);
    const keyword = { id: store.nextId(), keyword: phrase, whole_word: req.params['whole_word'] === undefined || bool(req.params, 'whole_word') };
    filter.keywords.push(keyword);
    fakeFilters(store).push(filter);
    filtersChanged(store, req);
    return { json: v1Json(filter, keyword) };
  }),
  'PUT /api/v1/filters/{id}': userRoute('write:filters', (req, { store }) => {
    const { filter, keyword } = ownKeyword(req, store);
    const phrase = str(req.params, 'phrase');
    if (phrase !== undefined && phrase.trim() === '') throw new FakeHttpError(422, "Validation failed: Phrase can't be blank");
    const changed: FakeFilter = {
      ...filter,
      title: phrase ?? filter.title,
      context: req.params['context'] === undefined ? filter.context : list(req.params, 'context'),
      filter_action: req.params['irreversible'] === undefined ? filter.filter_action : bool(req.params, 'irreversible') ? 'hide' : 'warn',
      expires_at: expiryOf(req, filter.expires_at),
    };
    validateFilter(changed);
    const filterChanged = (['title', 'context', 'filter_action', 'expires_at'] as const)
      .some((field) => JSON.stringify(changed[field]) !== JSON.stringify(filter[field]));
    if (filterChanged && filter.keywords.length > 1) {
      throw new FakeHttpError(422, 'These parameters cannot be changed from this application because they apply to more than one filter keyword. Use a more recent application or the web interface.');
    }
    if (phrase !== undefined) keyword.keyword = phrase;
    if (req.params['whole_word'] !== undefined) keyword.whole_word = bool(req.params, 'whole_word');
    Object.assign(filter, { title: changed.title, context: changed.context, filter_action: changed.filter_action, expires_at: changed.expires_at });
    filtersChanged(store, req);
    return { json: v1Json(filter, keyword) };
  }),
  'DELETE /api/v1/filters/{id}': userRoute('write:filters', (req, { store }) => {
    const { filter, keyword } = ownKeyword(req, store);
    filter.keywords.splice(filter.keywords.indexOf(keyword), 1);
    filtersChanged(store, req);
    return { json: {} };
  }),
};
