import type { FakeStore } from '../store.js';
import { accountOr404 } from './social.js';
import { bool, FakeHttpError, list, str, userOf, type FakeReply, type FakeRequest, type FakeRoutes } from './types.js';
import { READ_COLLECTIONS, scoped, WRITE_COLLECTIONS } from './scoped.js';

/** An account in a collection. */
export interface FakeCollectionItem {
  readonly id: string;
  readonly accountId: string;
  state: 'pending' | 'accepted' | 'rejected' | 'revoked';
  readonly createdAt: string;
}

/** A collection as the fake server keeps it. */
export interface FakeCollection {
  readonly id: string;
  readonly ownerId: string;
  name: string;
  description: string;
  language: string | null;
  sensitive: boolean;
  discoverable: boolean;
  tag: string | null;
  readonly items: FakeCollectionItem[];
  readonly createdAt: string;
  updatedAt: string;
}

/**
 * The collections of a fake server, newest last.
 * @example fakeCollections(server.store).length
 */
export function fakeCollections(store: FakeStore): FakeCollection[] {
  return store.extension<FakeCollection[]>('collections', () => []);
}

const NAME_MAX = 40;
const DESCRIPTION_MAX = 100;
const DEFAULT_LIMIT = 40;
const MAX_LIMIT = 80;

/** A 422 as Mastodon's collection endpoints give it: the validation error nested under `error`. */
function invalid(field: string, description: string): FakeReply {
  const message = `Validation failed: ${field[0]!.toUpperCase()}${field.slice(1)} ${description}`;
  return { status: 422, json: { error: { error: message, details: { [field]: [{ error: 'ERR_TOO_LONG', description }] } } } };
}

function tooLong(req: FakeRequest): FakeReply | undefined {
  const name = str(req.params, 'name');
  if (name !== undefined && [...name].length > NAME_MAX) return invalid('name', `is too long (maximum is ${NAME_MAX} characters)`);
  const description = str(req.params, 'description');
  if (description !== undefined && [...description].length > DESCRIPTION_MAX) {
    return invalid('description', `is too long (maximum is ${DESCRIPTION_MAX} characters)`);
  }
  return undefined;
}

function itemJson(item: FakeCollectionItem): Record<string, unknown> {
  return { id: item.id, account_id: item.state === 'accepted' ? item.accountId : null, state: item.state, created_at: item.createdAt };
}

function collectionJson(store: FakeStore, c: FakeCollection): Record<string, unknown> {
  const accepted = c.items.filter((i) => i.state === 'accepted');
  return {
    id: c.id, account_id: c.ownerId, uri: `${store.baseUrl}/ap/${c.ownerId}/collections/${c.id}`, url: `${store.baseUrl}/collections/${c.id}`,
    name: c.name, description: c.description, language: c.language, local: true, sensitive: c.sensitive, discoverable: c.discoverable,
    tag: c.tag === null ? null : { name: c.tag, url: `${store.baseUrl}/tags/${c.tag}` },
    item_count: accepted.length, items: accepted.map(itemJson), created_at: c.createdAt, updated_at: c.updatedAt,
  };
}

function collectionOr404(store: FakeStore, id: string | undefined): FakeCollection {
  const found = fakeCollections(store).find((c) => c.id === id);
  if (!found) throw new FakeHttpError(404, 'Record not found');
  return found;
}

function ownCollection(store: FakeStore, req: FakeRequest, id: string | undefined): FakeCollection {
  const found = collectionOr404(store, id);
  if (found.ownerId !== userOf(req).account.id) throw new FakeHttpError(403, 'This action is not allowed');
  return found;
}

function addItem(store: FakeStore, c: FakeCollection, accountId: string): FakeCollectionItem {
  const existing = c.items.find((i) => i.accountId === accountId && i.state !== 'revoked');
  if (existing) return existing;
  // Every account of the fake is local, which Mastodon features at once.
  const item: FakeCollectionItem = { id: store.nextId(), accountId, state: 'accepted', createdAt: new Date().toISOString() };
  c.items.push(item);
  return item;
}

/** A page of collections as Mastodon lists them: newest first, by offset, with offset links. */
function listReply(store: FakeStore, req: FakeRequest, all: FakeCollection[]): FakeReply {
  const offset = Math.max(Number.parseInt(str(req.params, 'offset') ?? '0', 10) || 0, 0);
  const limit = Math.min(Math.max(Number.parseInt(str(req.params, 'limit') ?? String(DEFAULT_LIMIT), 10) || DEFAULT_LIMIT, 1), MAX_LIMIT);
  const newest = [...all].reverse();
  const window = newest.slice(offset, offset + limit);
  const link = (at: number): string => {
    const url = new URL(req.url.href);
    url.searchParams.set('offset', String(at));
    return url.href;
  };
  const links = [
    ...(offset + window.length < newest.length ? [`<${link(offset + limit)}>; rel="next"`] : []),
    ...(offset > 0 ? [`<${link(Math.max(offset - limit, 0))}>; rel="prev"`] : []),
  ];
  return { json: { collections: window.map((c) => collectionJson(store, c)) }, headers: links.length ? { link: links.join(', ') } : {} };
}

function visibleTo(c: FakeCollection, viewer: string | undefined): boolean {
  return c.discoverable || c.ownerId === viewer;
}

/** Collections: made, changed and deleted by their curators, listed by curator and by member, left by members. */
export const collectionRoutes: FakeRoutes = {
  'GET /api/v1/accounts/{account_id}/collections': scoped(READ_COLLECTIONS, {
    auth: 'none',
    handle: (req, { store }) => {
      const account = accountOr404(store, req.pathParams['account_id']);
      const viewer = req.user?.account.id;
      return listReply(store, req, fakeCollections(store).filter((c) => c.ownerId === account.id && visibleTo(c, viewer)));
    },
  }),

  'GET /api/v1/accounts/{account_id}/in_collections': scoped(READ_COLLECTIONS, {
    auth: 'none',
    handle: (req, { store }) => {
      const account = accountOr404(store, req.pathParams['account_id']);
      const viewer = req.user?.account.id;
      return listReply(store, req, fakeCollections(store).filter((c) => visibleTo(c, viewer)
        && c.items.some((i) => i.accountId === account.id && i.state === 'accepted')));
    },
  }),

  'GET /api/v1/collections/{id}': scoped(READ_COLLECTIONS, {
    auth: 'none',
    handle: (req, { store }) => {
      const c = collectionOr404(store, req.pathParams['id']);
      const ids = [c.ownerId, ...c.items.filter((i) => i.state === 'accepted').map((i) => i.accountId)];
      return { json: { collection: collectionJson(store, c), accounts: [...new Set(ids)].map((id) => store.accountById(id)).filter(Boolean) } };
    },
  }),

  'POST /api/v1/collections': scoped(WRITE_COLLECTIONS, {
    auth: 'user',
    handle: (req, { store }) => {
      const me = userOf(req).account.id;
      const name = str(req.params, 'name') ?? '';
      if (name.trim() === '') return { status: 422, json: { error: { error: "Validation failed: Name can't be blank", details: { name: [{ error: 'ERR_BLANK', description: "can't be blank" }] } } } };
      const error = tooLong(req);
      if (error) return error;
      const accounts = list(req.params, 'account_ids').map((id) => accountOr404(store, id));
      const now = new Date().toISOString();
      const c: FakeCollection = {
        id: store.nextId(), ownerId: me, name, description: str(req.params, 'description') ?? '',
        language: str(req.params, 'language') ?? null, sensitive: bool(req.params, 'sensitive'),
        discoverable: req.params['discoverable'] === undefined ? true : bool(req.params, 'discoverable'),
        tag: str(req.params, 'tag_name')?.toLowerCase() ?? null, items: [], createdAt: now, updatedAt: now,
      };
      for (const account of accounts) if (account.id !== me) addItem(store, c, account.id);
      fakeCollections(store).push(c);
      return { json: { collection: collectionJson(store, c) } };
    },
  }),

  'PATCH /api/v1/collections/{id}': scoped(WRITE_COLLECTIONS, {
    auth: 'user',
    handle: (req, { store }) => {
      const c = ownCollection(store, req, req.pathParams['id']);
      const error = tooLong(req);
      if (error) return error;
      const name = str(req.params, 'name');
      if (name !== undefined && name.trim() !== '') c.name = name;
      const description = str(req.params, 'description');
      if (description !== undefined) c.description = description;
      const language = str(req.params, 'language');
      if (language !== undefined) c.language = language;
      if (req.params['sensitive'] !== undefined) c.sensitive = bool(req.params, 'sensitive');
      if (req.params['discoverable'] !== undefined) c.discoverable = bool(req.params, 'discoverable');
      const tag = str(req.params, 'tag_name');
      if (tag !== undefined) c.tag = tag === '' ? null : tag.toLowerCase();
      c.updatedAt = new Date().toISOString();
      return { json: { collection: collectionJson(store, c) } };
    },
  }),

  'DELETE /api/v1/collections/{id}': scoped(WRITE_COLLECTIONS, {
    auth: 'user',
    handle: (req, { store }) => {
      const c = ownCollection(store, req, req.pathParams['id']);
      const all = fakeCollections(store);
      all.splice(all.indexOf(c), 1);
      return { text: '' };
    },
  }),

  'POST /api/v1/collections/{collection_id}/items': scoped(WRITE_COLLECTIONS, {
    auth: 'user',
    handle: (req, { store }) => {
      const c = ownCollection(store, req, req.pathParams['collection_id']);
      const accountId = str(req.params, 'account_id');
      if (accountId === undefined || accountId === '') throw new FakeHttpError(422, '`account_id` parameter is missing');
      const account = accountOr404(store, accountId);
      if (account.id === c.ownerId) throw new FakeHttpError(403, 'This action is not allowed');
      return { json: { collection_item: itemJson(addItem(store, c, account.id)) } };
    },
  }),

  'DELETE /api/v1/collections/{collection_id}/items/{id}': scoped(WRITE_COLLECTIONS, {
    auth: 'user',
    handle: (req, { store }) => {
      const c = ownCollection(store, req, req.pathParams['collection_id']);
      const index = c.items.findIndex((i) => i.id === req.pathParams['id']);
      if (index < 0) throw new FakeHttpError(404, 'Record not found');
      c.items.splice(index, 1);
      return { text: '' };
    },
  }),

  'POST /api/v1/collections/{collection_id}/items/{id}/revoke': scoped(WRITE_COLLECTIONS, {
    auth: 'user',
    handle: (req, { store }) => {
      const c = collectionOr404(store, req.pathParams['collection_id']);
      const item = c.items.find((i) => i.id === req.pathParams['id']);
      if (!item) throw new FakeHttpError(404, 'Record not found');
      if (item.accountId !== userOf(req).account.id) throw new FakeHttpError(403, 'This action is not allowed');
      item.state = 'revoked';
      return { text: '' };
    },
  }),
};
