import { bool, FakeHttpError, list, str, userOf, type FakeRoutes } from './types.js';
import type { FakeRequest } from './types.js';
import type { FakeStore, FakeStatus } from '../store.js';
import type { ParsedValue } from '../params.js';

const VISIBILITIES = ['public', 'unlisted', 'private', 'direct'];

function findStatus(store: FakeStore, request: FakeRequest): FakeStatus {
  const status = store.statusById.get(request.pathParams['id']!);
  if (!status) throw new FakeHttpError(404, 'Record not found');
  return status;
}

function pollOf(value: ParsedValue | undefined, id: string): unknown {
  if (typeof value !== 'object' || Array.isArray(value)) return null;
  const options = value['options'];
  const titles = Array.isArray(options) ? options.filter((o): o is string => typeof o === 'string') : [];
  if (titles.length < 2) throw new FakeHttpError(422, 'Validation failed: Poll options must have at least 2 items');
  const expiresIn = Number(value['expires_in']);
  return {
    id, expires_at: new Date(Date.now() + expiresIn * 1000).toISOString(), expired: false,
    multiple: String(value['multiple']) === 'true' || value['multiple'] === '1', votes_count: 0, voters_count: 0,
    options: titles.map((title) => ({ title, votes_count: 0 })), emojis: [], voted: false, own_votes: [],
  };
}

/** Posting, reading and deleting statuses. */
export const statusRoutes: FakeRoutes = {
  'GET /api/v1/statuses/{id}': {
    auth: 'none',
    handle: (req, { store }) => ({ json: findStatus(store, req) }),
  },

  'POST /api/v1/statuses': {
    auth: 'user',
    handle: (req, { store }) => {
      const { account } = userOf(req);
      const key = req.headers['idempotency-key'];
      const idempotencyKey = typeof key === 'string' ? `${req.token!.token}:${key}` : undefined;
      const earlier = idempotencyKey ? store.idempotency.get(idempotencyKey) : undefined;
      if (earlier && store.statusById.has(earlier)) return { json: store.statusById.get(earlier) };

      const text = str(req.params, 'status') ?? '';
      const mediaIds = list(req.params, 'media_ids');
      if (text.trim() === '' && mediaIds.length === 0) throw new FakeHttpError(422, "Validation failed: Text can't be blank");
      const visibility = str(req.params, 'visibility') ?? 'public';
      if (!VISIBILITIES.includes(visibility)) throw new FakeHttpError(422, 'Validation failed: Visibility is not included in the list');
      const replyTo = str(req.params, 'in_reply_to_id');
      const parent = replyTo ? store.statusById.get(replyTo) : undefined;
      if (replyTo && !parent) throw new FakeHttpError(404, 'Record not found');
      const id = store.nextId();
      const status = store.addStatus(account, text, {
        visibility,
        sensitive: bool(req.params, 'sensitive'),
        spoiler_text: str(req.params, 'spoiler_text') ?? '',
        language: str(req.params, 'language') ?? 'en',
        in_reply_to_id: parent?.id ?? null,
        in_reply_to_account_id: parent?.account.id ?? null,
        poll: req.params['poll'] === undefined ? null : pollOf(req.params['poll'], id),
        application: req.token?.clientId ? { name: store.apps.get(req.token.clientId)?.name ?? 'app', website: null } : null,
      });
      if (parent) parent['replies_count'] = Number(parent['replies_count']) + 1;
      if (idempotencyKey) store.idempotency.set(idempotencyKey, status.id);
      return { json: status };
    },
  },

  'DELETE /api/v1/statuses/{id}': {
    auth: 'user',
    handle: (req, { store }) => {
      const status = findStatus(store, req);
      if (status.account.id !== userOf(req).account.id) throw new FakeHttpError(403, 'This action is not allowed');
      store.removeStatus(status.id);
      return { json: { ...status, text: store.sourceText.get(status.id) ?? '' } };
    },
  },
};
