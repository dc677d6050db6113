import { bool, FakeHttpError, list, str, userOf, type FakeRequest, type FakeRoutes } from './types.js';
import type { ParsedValue } from '../params.js';
import type { FakeStore } from '../store.js';
import { filterJson, fakeFilters, filtersOf, type FakeFilter, type FakeFilterKeyword } from '../filters-state.js';
import { expiryOf, filtersChanged, validateFilter } from './filters.js';
import { userRoute } from './scoped.js';

// Filters v2 (Mastodon 4.0): filters with a title, an action, keywords and statuses.

const ACTIONS = ['warn', 'hide', 'blur'];

function ownFilter(req: FakeRequest, store: FakeStore, id = req.pathParams['filter_id']): FakeFilter {
  const found = filtersOf(store, userOf(req).account.id).find((f) => f.id === id);
  if (!found) throw new FakeHttpError(404, 'Record not found');
  return found;
}

function ownEntry<K extends 'keywords' | 'statuses'>(req: FakeRequest, store: FakeStore, kind: K, id: string | undefined): { filter: FakeFilter; entry: FakeFilter[K][number] } {
  for (const filter of filtersOf(store, userOf(req).account.id)) {
    const entry = (filter[kind] as FakeFilter[K][number][]).find((e) => e.id === id);
    if (entry) return { filter, entry };
  }
  throw new FakeHttpError(404, 'Record not found');
}

/** A boolean as Rails casts it from a form or JSON (`true`, `"1"`, `"true"`...). */
function truthy(value: ParsedValue | boolean | undefined): boolean {
  return value === true || (typeof value === 'string' && ['1', 'true', 'on', 't'].includes(value.toLowerCase()));
}

function checkedKeyword(text: unknown): string {
  if (typeof text !== 'string' || text.trim() === '') throw new FakeHttpError(422, "Validation failed: Keyword can't be blank");
  return text;
}

/** The entries of `keywords_attributes`, as a JSON list or a form's `keywords_attributes[][keyword]`. */
function keywordAttributes(req: FakeRequest): Record<string, ParsedValue | boolean>[] {
  const given = req.params['keywords_attributes'];
  if (given === undefined) return [];
  const items = Array.isArray(given) ? given : typeof given === 'object' ? Object.values(given) : [];
  return items.filter((item): item is Record<string, ParsedValue> => typeof item === 'object' && item !== null && !Array.isArray(item));
}

/** Applies `keywords_attributes` as Rails' nested attributes do: add, change, or (`_destroy`) remove. */
function applyKeywords(store: FakeStore, filter: FakeFilter, req: FakeRequest, creating: boolean): void {
  for (const attributes of keywordAttributes(req)) {
    const id = attributes['id'];
    if (id !== undefined && id !== null && id !== '') {
      const existing = creating ? undefined : filter.keywords.find((k) => k.id === String(id));
      if (!existing) throw new FakeHttpError(404, 'Record not found');
      if (truthy(attributes['_destroy'])) {
        filter.keywords.splice(filter.keywords.indexOf(existing), 1);
        continue;
      }
      if (attributes['keyword'] !== undefined) existing.keyword = checkedKeyword(attributes['keyword']);
      if (attributes['whole_word'] !== undefined) existing.whole_word = truthy(attributes['whole_word']);
      continue;
    }
    if (truthy(attributes['_destroy'])) continue;
    filter.keywords.push({ id: store.nextId(), keyword: checkedKeyword(attributes['keyword']), whole_word: attributes['whole_word'] === undefined ? true : truthy(attributes['whole_word']) });
  }
}

function actionOf(req: FakeRequest, current: string): string {
  const action = str(req.params, 'filter_action') ?? current;
  if (!ACTIONS.includes(action)) throw new FakeHttpError(422, 'Validation failed: Filter action is not included in the list');
  return action;
}

export const filterV2Routes: FakeRoutes = {
  'GET /api/v2/filters': userRoute('read:filters', (req, { store }) => ({
    json: filtersOf(store, userOf(req).account.id).map((f) => filterJson(f)),
  })),
  'POST /api/v2/filters': userRoute('write:filters', (req, { store }) => {
    const filter: FakeFilter = {
      id: store.nextId(), ownerId: userOf(req).account.id, title: str(req.params, 'title') ?? '', context: list(req.params, 'context'),
      filter_action: actionOf(req, 'warn'), expires_at: expiryOf(req, null), keywords: [], statuses: [],
    };
    validateFilter(filter);
    applyKeywords(store, filter, req, true);
    fakeFilters(store).push(filter);
    filtersChanged(store, req);
    return { json: filterJson(filter) };
  }),
  'GET /api/v2/filters/{filter_id}': userRoute('read:filters', (req, { store }) => ({ json: filterJson(ownFilter(req, store)) })),
  'PUT /api/v2/filters/{filter_id}': userRoute('write:filters', (req, { store }) => {
    const filter = ownFilter(req, store);
    const changed: FakeFilter = {
      ...filter,
      keywords: filter.keywords.map((k) => ({ ...k })),
      title: str(req.params, 'title') ?? filter.title,
      context: req.params['context'] === undefined ? filter.context : list(req.params, 'context'),
      filter_action: actionOf(req, filter.filter_action),
      expires_at: expiryOf(req, filter.expires_at),
    };
    validateFilter(changed);
    applyKeywords(store, changed, req, false);
    Object.assign(filter, changed);
    filtersChanged(store, req);
    return { json: filterJson(filter) };
  }),
  'DELETE /api/v2/filters/{filter_id}': userRoute('write:filters', (req, { store }) => {
    const all = fakeFilters(store);
    all.splice(all.indexOf(ownFilter(req, store)), 1);
    filtersChanged(store, req);
    return { json: {} };
  }),

  'GET /api/v2/filters/{filter_id}/keywords': userRoute('read:filters', (req, { store }) => ({
    json: ownFilter(req, store).keywords.map((k) => ({ ...k })),
  })),
  'POST /api/v2/filters/{filter_id}/keywords': userRoute('write:filters', (req, { store }) => {
    const filter = ownFilter(req, store);
    const wholeWord = req.params['whole_word'] === undefined || bool(req.params, 'whole_word');
    const keyword: FakeFilterKeyword = { id: store.nextId(), keyword: checkedKeyword(req.params['keyword']), whole_word: wholeWord };
    filter.keywords.push(keyword);
    filtersChanged(store, req);
    return { json: { ...keyword } };
  }),
  'GET /api/v2/filters/keywords/{keyword_id}': userRoute('read:filters', (req, { store }) => ({
    json: { ...ownEntry(req, store, 'keywords', req.pathParams['keyword_id']).entry },
  })),
  'PUT /api/v2/filters/keywords/{keyword_id}': userRoute('write:filters', (req, { store }) => {
    const { entry } = ownEntry(req, store, 'keywords', req.pathParams['keyword_id']);
    if (req.params['keyword'] !== undefined) entry.keyword = checkedKeyword(req.params['keyword']);
    if (req.params['whole_word'] !== undefined) entry.whole_word = bool(req.params, 'whole_word');
    filtersChanged(store, req);
    return { json: { ...entry } };
  }),
  'DELETE /api/v2/filters/keywords/{keyword_id}': userRoute('write:filters', (req, { store }) => {
    const { filter, entry } = ownEntry(req, store, 'keywords', req.pathParams['keyword_id']);
    filter.keywords.splice(filter.keywords.indexOf(entry), 1);
    filtersChanged(store, req);
    return { json: {} };
  }),

  'GET /api/v2/filters/{filter_id}/statuses': userRoute('read:filters', (req, { store }) => ({
    json: ownFilter(req, store).statuses.map((s) => ({ ...s })),
  })),
  'POST /api/v2/filters/{filter_id}/statuses': userRoute('write:filters', (req, { store }) => {
    const filter = ownFilter(req, store);
    const statusId = str(req.params, 'status_id');
    if (statusId === undefined || !store.statusById.has(statusId)) throw new FakeHttpError(422, 'Validation failed: Status must exist');
    if (filter.statuses.some((s) => s.status_id === statusId)) throw new FakeHttpError(422, 'Validation failed: Status has already been taken');
    const entry = { id: store.nextId(), status_id: statusId };
    filter.statuses.push(entry);
    filtersChanged(store, req);
    return { json: { ...entry } };
  }),
  'GET /api/v2/filters/statuses/{filter_status_id}': userRoute('read:filters', (req, { store }) => ({
    json: { ...ownEntry(req, store, 'statuses', req.pathParams['filter_status_id']).entry },
  })),
  'DELETE /api/v2/filters/statuses/{filter_status_id}': userRoute('write:filters', (req, { store }) => {
    const { filter, entry } = ownEntry(req, store, 'statuses', req.pathParams['filter_status_id']);
    filter.statuses.splice(filter.statuses.indexOf(entry), 1);
    filtersChanged(store, req);
    return { json: {} };
  }),
};
