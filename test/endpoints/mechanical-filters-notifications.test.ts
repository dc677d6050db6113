import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { lastValueFrom, type Observable } from 'rxjs';
import { Mastodon } from '../../src/index.js';
import { parsePairs } from '../../src/testing/index.js';
import { readJsonFixture } from '../support/fixtures.js';
import { ID, type TableEntry as MethodTableEntry } from '../support/mechanical.js';
import { startRecordingServer, type RawRequest, type RecordingServer } from '../support/recording-server.js';

// The methods Mastodon.py 2.2.2 added to filters.py and notifications.py, called by their
// converted names with arguments built from its endpoints.json, against a server that records
// what it receives: the verb, the path and the parameter names must be the table's.

/** An entry of Mastodon.py 2.2.2's table, with the module that defines it. */
interface TableEntry extends MethodTableEntry {
  module: string;
}

const ENTRIES = readJsonFixture<TableEntry[]>('mastodonpy-2.2/endpoints.json')
  .filter((e) => (e.module === 'filters.py' || e.module === 'notifications.py') && e.since !== '1.8');

const SAMPLES: Readonly<Record<string, unknown>> = {
  title: 'Spoilers', context: ['home', 'public'], filter_action: 'hide', expires_in: 600,
  keywords_attributes: [{ keyword: 'finale', whole_word: true }], keyword: 'finale', whole_word: true,
  ids: [ID, '2'], group_key: 'favourite-109440146774012815-479000', expand_accounts: 'full',
  grouped_types: ['favourite'], include_filtered: true, types: ['mention'], exclude_types: ['follow'], limit: 5,
  for_not_following: 'filter', for_not_followers: 'accept', for_new_accounts: 'drop', for_private_mentions: 'filter',
  for_limited_accounts: 'drop',
};

/** Parameters that go on the wire under another name (endpoints.json's `wire` notes). */
const WIRE_NAMES: Readonly<Record<string, readonly string[]>> = {
  accept_multiple_notification_requests: ['id'], dismiss_multiple_notification_requests: ['id'],
};

function sampleFor(name: string): unknown {
  if (name in SAMPLES) return SAMPLES[name];
  if (name === 'id' || name.endsWith('_id')) return ID;
  return undefined;
}

const camel = (name: string): string => name.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());

function sentNames(request: RawRequest): string[] {
  const query = Object.keys(parsePairs(new URL(request.url, 'http://x').searchParams.entries()));
  const type = String(request.headers['content-type'] ?? '');
  if (!request.body) return query;
  const body = type.startsWith('application/json')
    ? Object.keys(JSON.parse(request.body) as object)
    : Object.keys(parsePairs(new URLSearchParams(request.body).entries()));
  return [...query, ...body];
}

describe('the filters and notifications methods Mastodon.py 2.2.2 added, driven from its endpoints.json', () => {
  let server: RecordingServer;

  before(async () => {
    server = await startRecordingServer((method, path) => {
      if (path === '/api/v2/notifications' || /^\/api\/v2\/notifications\/[^/]+$/.test(path) && !path.endsWith('/policy')) {
        return path.endsWith('unread_count') ? { count: 2 } : { accounts: [], statuses: [], notification_groups: [] };
      }
      if (path.endsWith('/merged')) return { merged: true };
      if (path.endsWith('/unread_count')) return { count: 2 };
      const list = method === 'GET' && (/\/(keywords|statuses|accounts|requests)$/.test(path) || path === '/api/v2/filters');
      return list ? [] : { id: ID };
    });
  });
  after(() => server.close());

  it('covers the 27 methods', () => {
    assert.equal(ENTRIES.length, 27);
  });

  for (const entry of ENTRIES) {
    const name = camel(entry.method);
    it(`${entry.method} → ${name}: ${entry.http} ${entry.path}`, async () => {
      const api = new Mastodon({ api_base_url: server.url, access_token: 'token', version_check_mode: 'none', mastodon_version: '4.5.0' });
      const method = (api as unknown as Record<string, (...a: unknown[]) => Observable<unknown>>)[name];
      assert.equal(typeof method, 'function', `${name} exists`);
      const args: unknown[] = [];
      const options: Record<string, unknown> = {};
      for (const param of entry.params) {
        const value = sampleFor(param);
        if (param in entry.defaults) {
          if (value !== undefined) options[param] = value;
        } else {
          assert.notEqual(value, undefined, `a sample for ${param}`);
          args.push(value);
        }
      }
      if (entry.params.some((p) => p in entry.defaults)) args.push(options);
      const before = server.requests.length;
      await lastValueFrom(method!.apply(api, args), { defaultValue: undefined });
      const [request, ...more] = server.requests.slice(before);
      assert.equal(more.length, 0, 'one request');
      const path = entry.path_params.reduce((p, param) => p.replace(`{${param}}`, String(sampleFor(param))), entry.path!);
      assert.equal(`${request!.method} ${new URL(request!.url, 'http://x').pathname}`, `${entry.http} ${path}`);
      const allowed = new Set([...entry.params, ...(WIRE_NAMES[entry.method] ?? [])]);
      assert.deepEqual(sentNames(request!).filter((n) => !allowed.has(n)), [], 'parameters the table does not name');
      const sent = new Set(sentNames(request!));
      const given = entry.params.filter((p) => !entry.path_params.includes(p) && sampleFor(p) !== undefined && !(WIRE_NAMES[entry.method]?.length));
      assert.deepEqual(given.filter((p) => !sent.has(p)), [], 'every parameter given is sent');
    });
  }
});
