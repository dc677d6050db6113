import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { lastValueFrom } from 'rxjs';
import { readJsonFixture } from '../support/fixtures.js';
import {
  argumentsFor, camel, ID, pathPattern, sampleFor, sentNames, throughTheClass, throughTheFunctions, type TableEntry,
} from '../support/mechanical.js';
import { startRecordingServer, type RecordingServer } from '../support/recording-server.js';

// "How we will check it": every Mastodon.py 1.8 method with an HTTP verb and a path is called
// by its mechanically converted name, with arguments built from endpoints.json, against a
// server that records what it receives; the verb, the path and the parameter names must be
// the table's.

/** When true, a method missing from the client fails instead of being skipped. */
const STRICT = true;

const ENDPOINTS = readJsonFixture<TableEntry[]>('mastodonpy-1.8/endpoints.json');

/** Entries that are no plain REST call on an instance, and why. */
const EXCLUDED: Readonly<Record<string, string>> = {
  __init__: 'the constructor',
  get_supported_version: 'static, no request',
  create_app: 'static (Mastodon.createApp)',
  auth_request_url: 'pure: builds a URL',
  filters_apply: 'pure: client-side filtering',
  make_poll: 'pure: builds a poll',
  set_language: 'pure: sets the language',
  push_subscription_generate_keys: 'pure: crypto helper',
  push_subscription_decrypt_push: 'pure: crypto helper',
  decode_blurhash: 'pure: image helper',
  fetch_next: 'follows a page link',
  fetch_previous: 'follows a page link',
  fetch_remaining: 'follows page links',
  stream_user: 'streaming', stream_public: 'streaming', stream_local: 'streaming', stream_hashtag: 'streaming',
  stream_list: 'streaming', stream_direct: 'streaming', stream_healthy: 'streaming',
};

/** Parameters that go on the wire under another name, as endpoints.json's `wire` notes say. */
const WIRE_NAMES: Readonly<Record<string, readonly string[]>> = {
  search: ['type'], search_v2: ['type'],
  account_update_credentials: ['fields_attributes'],
  admin_account_moderate: ['type'],
  admin_accounts: ['staff', 'active', 'pending', 'disabled', 'silenced', 'suspended'],
  admin_accounts_v1: ['staff', 'active', 'pending', 'disabled', 'silenced', 'suspended'],
  admin_measures: ['keys'], admin_dimensions: ['keys'],
  media_post: ['file'], media_update: ['file'],
  push_subscription_set: ['subscription', 'data'], push_subscription_update: ['data'],
  create_account: ['client_id', 'client_secret', 'grant_type', 'scope'],
  log_in: ['client_id', 'client_secret', 'grant_type', 'scope'],
  revoke_access_token: ['client_id', 'client_secret', 'token'],
  markers_get: ['timeline'], markers_set: ['home', 'notifications'],
  notifications: ['types'],
  status_reply: ['status'],
  timeline_local: ['local'],
};

/** Where the call goes elsewhere than the table's path on a 4.0.2 server, documented by Mastodon.py (1.8, or 2.2 for the version switches it added). */
const EXPECTED_ROUTE: Readonly<Record<string, string>> = {
  status_card: 'GET /api/v1/statuses/{id}',
  instance: 'GET /api/v2/instance/',
  suggestions: 'GET /api/v2/suggestions',
};

/** The server version to pretend, where the method only exists on older servers. */
const SERVER_VERSION: Readonly<Record<string, string>> = { reports: '2.4.0', follows: '2.9.0' };

/** Defaults left out of the options: files, side effects, other dialects, alternative paths. */
const SKIPPED_OPTIONS = new Set([
  'to_file', 'session', 'api_base_url', 'request_timeout', 'return_detailed_error', 'quote_id', 'content_type',
  'poll', 'synchronous', 'thumbnail', 'thumbnail_mime_type', 'avatar', 'avatar_mime_type', 'header',
  'header_mime_type', 'file_name', 'code', 'refresh_token', 'redirect_uri', 'idempotency_key', 'media_ids',
  'in_reply_to_id', 'scheduled_at',
  // With a known version, `cached` answers without a request.
  'cached',
]);

/** Samples for names that mean something else in one method. */
const METHOD_SAMPLES: Readonly<Record<string, Readonly<Record<string, unknown>>>> = {
  // mentions_only excludes types/exclude_types, as in Mastodon.py
  notifications: { mentions_only: undefined },
  admin_accounts: { status: 'silenced' }, admin_accounts_v1: { status: 'silenced' }, admin_accounts_v2: { status: 'silenced' },
};

for (const [label, callFor] of [['the Mastodon class', throughTheClass], ['mastodon-rx/api with a bare MastodonClient', throughTheFunctions]] as const) {
  describe(`every Mastodon.py 1.8 method, driven mechanically from endpoints.json, through ${label}`, () => {
    let server: RecordingServer;
    let answerArray = false;

    before(async () => {
      server = await startRecordingServer((method, path) => {
        if (path.startsWith('/api/v1/instance')) {
          return { uri: '127.0.0.1', title: 'fake', version: '4.0.2', urls: { streaming_api: server.url } };
        }
        if (path === '/.well-known/nodeinfo') {
          return { links: [{ rel: 'http://nodeinfo.diaspora.software/ns/schema/2.0', href: `${server.url}/nodeinfo/2.0` }] };
        }
        // A sign-up answers with the new user's token, as /oauth/token does.
        if (path === '/oauth/token' || (method === 'POST' && path === '/api/v1/accounts')) {
          return { access_token: 'token', token_type: 'Bearer', scope: 'read write follow push', created_at: 0 };
        }
        if (path.endsWith('/verify_credentials')) return { id: '1', username: 'me', acct: 'me' };
        if (method === 'HEAD') return {};
        return answerArray ? [] : { id: ID, url: 'https://files.example/1.png' };
      });
    });
    after(async () => { await server.close(); });

    it('accounts for every entry: a REST call or an explicit exclusion', () => {
      for (const entry of ENDPOINTS) {
        const plain = entry.http !== null && entry.path !== null;
        assert.ok(plain || entry.method in EXCLUDED, `${entry.method} has no verb or path and is not excluded`);
      }
    });

    for (const entry of ENDPOINTS) {
      if (entry.method in EXCLUDED || entry.http === null || entry.path === null) continue;
      const name = camel(entry.method);
      it(`${entry.method} → ${name}: ${entry.http} ${entry.path}`, async (t) => {
        const method = callFor(name, {
          api_base_url: server.url, access_token: 'token', client_id: 'id', client_secret: 'secret',
          version_check_mode: 'none', mastodon_version: SERVER_VERSION[entry.method] ?? '4.0.2',
        });
        if (method === undefined) {
          if (STRICT) assert.fail(`${name} is missing`);
          t.skip('not implemented yet');
          return;
        }
        const { args, missing } = argumentsFor(entry, SKIPPED_OPTIONS, { methodSamples: METHOD_SAMPLES });
        assert.equal(missing, undefined, `a sample value for the required parameter ${missing}`);

        const [verb, path] = (EXPECTED_ROUTE[entry.method] ?? `${entry.http} ${entry.path}`).split(' ') as [string, string];
        const filled = entry.path_params.reduce((p, param) => p.replace(`{${param}}`, encodeURIComponent(String(sampleFor(param, entry.method, { methodSamples: METHOD_SAMPLES })))), path);
        answerArray = entry.paginated || /dicts|list/.test(entry.returns ?? '');
        const sentBefore = server.requests.length;
        const result = method(...args);
        await lastValueFrom(result, { defaultValue: undefined });

        const sent = server.requests.slice(sentBefore);
        const pattern = pathPattern(filled.includes('{') ? path : filled);
        const request = sent.find((r) => r.method === verb && pattern.test(new URL(r.url, 'http://x').pathname));
        assert.ok(request, `a ${verb} ${filled} among: ${sent.map((r) => `${r.method} ${r.url}`).join(', ')}`);

        const allowed = new Set([...entry.params, ...entry.path_params, ...(WIRE_NAMES[entry.method] ?? []), 'lang']);
        const unknown = sentNames(request).filter((param) => !allowed.has(param));
        assert.deepEqual(unknown, [], `parameters the table does not name, sent by ${name}`);
      });
    }
  });
}
