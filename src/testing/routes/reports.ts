import { bool, FakeHttpError, list, str, userOf, type FakeRoutes } from './types.js';
import { instanceState } from './instance.js';
import type { FakeStore } from '../store.js';
import { fakeAdmin } from './admin-state.js';
import { parseVersion, versionAtLeast } from '../../versions/version.js';

/** A report as the fake server keeps it: the JSON it serves, and who filed it. */
export interface FakeUserReport {
  reporterId: string;
  json: Record<string, unknown>;
}

/**
 * The reports filed on the fake server, oldest first.
 * @example reportsOf(server.store).at(-1)?.json['comment']
 */
export function reportsOf(store: FakeStore): FakeUserReport[] {
  return store.extension<FakeUserReport[]>('reports', () => []);
}

const CATEGORIES = ['spam', 'violation', 'other', 'legal'];

/** Reports to the moderators. */
export const reportRoutes: FakeRoutes = {
  'POST /api/v1/reports/': {
    auth: 'user',
    handle: (req, { store }) => {
      const target = store.accountById(str(req.params, 'account_id') ?? '');
      if (!target) throw new FakeHttpError(404, 'Record not found');
      const statusIds = list(req.params, 'status_ids');
      for (const id of statusIds) {
        if (store.statusById.get(id)?.account.id !== target.id) throw new FakeHttpError(404, 'Record not found');
      }
      const ruleIds = list(req.params, 'rule_ids');
      const category = str(req.params, 'category') ?? (ruleIds.length > 0 ? 'violation' : 'other');
      if (!CATEGORIES.includes(category)) throw new FakeHttpError(422, `Validation failed: Category '${category}' is not a valid category`);
      const collectionIds = list(req.params, 'collection_ids');
      const rules = instanceState(store).rules.map((r) => r.id);
      if (ruleIds.some((id) => !rules.includes(id))) throw new FakeHttpError(422, 'Validation failed: Rule ids are invalid');
      const filed = fakeAdmin(store).fileReport(userOf(req).account, target, {
        comment: str(req.params, 'comment') ?? '', category, forwarded: bool(req.params, 'forward'), rule_ids: ruleIds,
        statuses: statusIds.map((id) => store.statusById.get(id)!),
      });
      const json = {
        id: filed.id, action_taken: false, action_taken_at: null, category,
        comment: str(req.params, 'comment') ?? '', forwarded: bool(req.params, 'forward'),
        created_at: new Date().toISOString(), status_ids: statusIds.length > 0 ? statusIds : null,
        rule_ids: ruleIds.length > 0 ? ruleIds : null, collection_ids: collectionIds.length > 0 ? collectionIds : null,
        target_account: target,
      };
      reportsOf(store).push({ reporterId: userOf(req).account.id, json });
      return { json };
    },
  },
  // Removed from Mastodon in 2.5.0: served only when the fake server plays an older version.
  'GET /api/v1/reports': {
    auth: 'user',
    handle: (req, { store, version }) => {
      if (versionAtLeast(parseVersion(version), parseVersion('2.5.0'))) throw new FakeHttpError(404, 'Record not found');
      const me = userOf(req).account.id;
      return { json: reportsOf(store).filter((r) => r.reporterId === me).map((r) => r.json) };
    },
  },
};
