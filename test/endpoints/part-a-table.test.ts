import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as api from '../../src/api.js';
import { followsRow } from '../../src/endpoints/accounts.js';
import { statusPostRow } from '../../src/endpoints/statuses.js';
import type { AnyEndpoint } from '../../src/endpoints/define.js';
import { Mastodon } from '../../src/index.js';
import { readJsonFixture } from '../support/fixtures.js';

interface Entry {
  method: string;
  module: string;
  http: string | null;
  path: string | null;
  params: string[];
  defaults: Record<string, string>;
  version_created: string | null;
  version_changed: string | null;
  return_dict_version: string | null;
}

const entries = readJsonFixture<Entry[]>('mastodonpy-1.8/endpoints.json');
/** Mastodon.py 2.2's options of the same methods, which the 1.8 call forms accept too. */
const defaults22 = new Map(readJsonFixture<Entry[]>('mastodonpy-2.2/endpoints.json').map((e) => [e.method, e.defaults]));
/** Mastodon.py 2.2.2's table: the 1.8 methods with the parameters added since. */
const newerEntries = new Map(readJsonFixture<Entry[]>('mastodonpy-2.2/endpoints.json').map((e) => [e.method, e]));
/** Rows that took parameters Mastodon added after 1.8's table: the version that added the last of them. */
const CHANGED_SINCE: Readonly<Record<string, string>> = { status_post: '4.5.0', status_update: '4.5.0', status_delete: '4.4.0' };
const camel = (name: string): string => name.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
const PART_A_MODULES = new Set(['statuses.py', 'polls.py', 'accounts.py', 'relationships.py', 'lists.py', 'timeline.py',
  'conversations.py', 'favourites.py', 'endorsements.py', 'suggestions.py']);
/** Methods of these modules that other parts deliver, or that are not table rows. */
const ELSEWHERE = new Set(['create_account', 'email_resend_confirmation', 'account_update_credentials', 'account_featured_tags']);
/** Hand-written methods: version switches and helpers. */
const EXTRAS = new Set(['status_card', 'status_reply', 'make_poll', 'status_post', 'suggestions']);

function compare(a: string, b: string): number {
  const [x, y] = [a.split('.').map(Number), b.split('.').map(Number)];
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
  return 0;
}

const rows = new Map<string, AnyEndpoint>();
// statusPost is hand-written for its overloads; its endpoint is checked as a row all the same.
rows.set('statusPost', statusPostRow as AnyEndpoint);
// follows is hand-written for servers from 3.0, which dropped its endpoint; older ones get this row.
rows.set('follows', followsRow as AnyEndpoint);
for (const [name, value] of Object.entries(api)) if ('row' in value) rows.set(name, value.row as AnyEndpoint);
const mine = entries.filter((e) => PART_A_MODULES.has(e.module) && !ELSEWHERE.has(e.method));

describe('part A of the REST surface against endpoints.json', () => {
  it('covers every method of its modules, as an endpoint row or a hand-written function', () => {
    const missing = mine.map((e) => camel(e.method)).filter((name) => !rows.has(name) && !(name in api));
    assert.deepEqual(missing, []);
    for (const e of mine) assert.equal(typeof (Mastodon.prototype as unknown as Record<string, unknown>)[camel(e.method)], 'function', e.method);
  });

  for (const e of mine.filter((entry) => !EXTRAS.has(entry.method) || entry.method === 'status_post')) {
    it(`${e.method}: verb, path and versions`, () => {
      const row = rows.get(camel(e.method))!;
      assert.equal(row.method, e.http);
      const path = row.path.replace('{timeline*}', '{timeline}');
      assert.equal(path, e.path);
      assert.equal(row.created, e.version_created ?? undefined, 'created');
      const changed = [e.version_changed, e.return_dict_version].filter((v): v is string => v !== null).sort(compare).at(-1);
      assert.equal(row.changed, CHANGED_SINCE[e.method] ?? changed, 'changed = max(version_changed, return_dict_version), or the version of a newer parameter');
    });
  }

  it('takes the required parameters positionally and the rest in one options object', () => {
    for (const e of mine.filter((entry) => !EXTRAS.has(entry.method) && entry.path !== null).map((entry) => newerEntries.get(entry.method) ?? entry)) {
      const required = e.params.filter((p) => !(p in e.defaults));
      const row = rows.get(camel(e.method))!;
      const hasOptions = e.params.length > required.length || Object.keys(defaults22.get(e.method) ?? {}).length > 0;
      assert.ok(row.params.length <= required.length + (hasOptions ? 1 : 0), `${e.method}: ${row.params.length} parameters`);
      assert.ok(row.params.length >= required.length, `${e.method}: needs ${required.join(', ')}`);
    }
  });
});
