import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as api from '../../src/api.js';
import { rowsOf, type AnyEndpoint } from '../../src/endpoints/define.js';
import { Mastodon } from '../../src/index.js';
import { readJsonFixture } from '../support/fixtures.js';
import type { TableEntry } from '../support/mechanical.js';

/** An entry of Mastodon.py 2.2.2's table, with the version that added the method. */
interface Entry extends TableEntry {
  version_created: string | null;
}

const table = new Map(readJsonFixture<Entry[]>('mastodonpy-2.2/endpoints.json').map((e) => [e.method, e]));
const camel = (name: string): string => name.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
const exports = api as unknown as Record<string, unknown>;

/** The methods Mastodon.py 2.2 added for quotes, today's statuses, timelines and background refreshes. */
const REQUESTS = ['statuses', 'status_translate', 'status_quotes', 'status_quote_revoke',
  'status_update_quote_approval_policy', 'timeline_link', 'get_async_refresh_status'];
/** Its client-side helpers for them, which send nothing of their own. */
const HELPERS = ['get_async_refresh_info', 'await_async_refresh', 'generate_media_edit_attributes',
  'get_pagination_info', 'pagination_iterator', 'get_status_length'];
/** Where a row names a path parameter otherwise than Mastodon.py (the same segment on the wire). */
const PATH_NAMES: Readonly<Record<string, string>> = { '{async_refresh_id}': '{id}' };
/** Versions Mastodon.py leaves out, from Mastodon's API docs. */
const CREATED: Readonly<Record<string, string>> = { timeline_link: '4.3.0' };

function rowOf(name: string): AnyEndpoint | undefined {
  const value = exports[name] as { row?: AnyEndpoint } | undefined;
  return value?.row ?? rowsOf(exports[`${name}Row`])[0];
}

function entry(method: string): Entry {
  const found = table.get(method);
  assert.ok(found, `${method} is in Mastodon.py 2.2.2's table`);
  return found;
}

describe("the statuses area against Mastodon.py 2.2.2's table", () => {
  for (const method of REQUESTS) {
    it(`${method}: verb, path, version and call form`, () => {
      const e = entry(method);
      const row = rowOf(camel(method));
      assert.ok(row, `${camel(method)} has a row`);
      assert.equal(row.method, e.http);
      const path = e.path!.replace(/\?.*$/, '').replace(/\{\w+\}/g, (name) => PATH_NAMES[name] ?? name);
      assert.equal(row.path, path);
      assert.equal(row.created, e.version_created ?? CREATED[method]);
      const required = e.params.filter((p) => !(p in e.defaults)).length;
      const optional = e.params.length > required ? 1 : 0;
      // The required parameters, in order, then one options object if Mastodon.py has defaults.
      assert.ok(row.params.length >= required && row.params.length <= required + optional, `${method} takes ${row.params.length} parameters`);
      assert.equal(typeof (Mastodon.prototype as unknown as Record<string, unknown>)[camel(method)], 'function');
    });
  }

  it('has every client-side helper, on the class and in mastodon-rx/api', () => {
    for (const method of HELPERS) {
      entry(method);
      assert.equal(typeof exports[camel(method)], 'function', method);
      assert.equal(typeof (Mastodon.prototype as unknown as Record<string, unknown>)[camel(method)], 'function', method);
    }
    assert.equal(typeof (Mastodon as unknown as Record<string, unknown>)['getStatusLength'], 'function', 'getStatusLength is static, as in Mastodon.py');
  });
});
