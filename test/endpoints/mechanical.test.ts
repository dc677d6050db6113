import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { lastValueFrom, type Observable } from 'rxjs';
import { Mastodon, MastodonClient, type MastodonOptions } from '../../src/index.js';
import * as api from '../../src/api.js';
import { parsePairs } from '../../src/testing/index.js';
import { readJsonFixture } from '../support/fixtures.js';
import { startRecordingServer, type RawRequest, type RecordingServer } from '../support/recording-server.js';

// "How we will check it": every Mastodon.py 1.8 method with an HTTP verb and a path is called
// by its mechanically converted name, with arguments built from endpoints.json, against a
// server that records what it receives; the verb, the path and the parameter names must be
// the table's.

/** When true, a method missing from the client fails instead of being skipped. */
const STRICT = true;

interface TableEntry {
  method: string;
  http: string | null;
  path: string | null;
  params: string[];
  path_params: string[];
  defaults: Record<string, string>;
  paginated: boolean;
  returns: string | null;
  alt_paths?: string[];
}

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
const SERVER_VERSION: Readonly<Record<string, string>> = { reports: '2.4.0' };

/** Defaults left out of the options: files, side effects, other dialects, alternative paths. */
const SKIPPED_OPTIONS = new Set([
  'to_file', 'session', 'api_base_url', 'request_timeout', 'return_detailed_error', 'quote_id', 'content_type',
  'poll', 'synchronous', 'thumbnail', 'thumbnail_mime_type', 'avatar', 'avatar_mime_type', 'header',
  'header_mime_type', 'file_name', 'code', 'refresh_token', 'redirect_uri', 'idempotency_key', 'media_ids',
  'in_reply_to_id', 'scheduled_at',
  // With a known version, `cached` answers without a request.
  'cached',
]);

const ID = '109440146774012815';
const TRUE_FLAGS = /^(local|remote|only_media|pinned|exclude_replies|exclude_reblogs|following|resolve|forward|sensitive|reblogs|notify|notifications|irreversible|whole_word|locked|bot|discoverable|resolved|staff_only|agreement|exclude_unreviewed|reject_media|reject_reports|obfuscate|mentions_only|active_users|new_users|interactions|opened_reports|resolved_reports|languages|sources|servers|space_usage|software_versions|untag|send_email_notification|.*_events)$/;
const SAMPLES: Readonly<Record<string, unknown>> = {
  visibility: 'unlisted', status: 'hello', category: 'spam', context: ['home'], order: 'active', origin: 'local',
  frequency: 'day', severity: 'silence', action: 'silence', permissions: 'staff', policy: 'all',
  result_type: 'accounts', schema: 'http://nodeinfo.diaspora.software/ns/schema/2.0', domain: 'chitter.xyz',
  by_domain: 'chitter.xyz', q: 'cats', acct: 'alice', hashtag: 'cats', tag: 'cats', reaction: 'heart',
  choices: [0], exclude_types: ['follow'], types: ['mention'], timelines: ['home'], last_read_ids: [ID],
  fields: [['Pronouns', 'they/them']], uri: 'alice@chitter.xyz', title: 'friends', phrase: 'cats',
  comment: 'a note', description: 'a cat', focus: [0.5, -0.5], mime_type: 'image/png', username: 'alice',
  password: 'correct horse', email: 'alice@example.com', reason: 'hi', locale: 'en', language: 'en',
  spoiler_text: 'cw', text: 'warning', display_name: 'Alice', note: 'bio', scopes: ['read'], name: 'cats',
  version_str: '3.0.0', endpoint: 'https://push.example/abc', start_at: new Date('2022-11-01T00:00:00Z'),
  end_at: new Date('2022-11-05T00:00:00Z'), limit: 5, offset: 1, expires_in: 600, duration: 60,
  timeline: 'home', ip: '127.0.0.1', private_comment: 'private', public_comment: 'public', lang: 'en',
  media_file: Buffer.from('89504e470d0a1a0a', 'hex'), marker: ID,
  encrypt_params: { pubkey: Buffer.concat([Buffer.from([4]), Buffer.alloc(64, 7)]).toString('base64url'), auth: Buffer.alloc(16, 9).toString('base64url') },
  to_status: { id: ID, account: { id: '1', acct: 'bob' }, mentions: [], visibility: 'public', spoiler_text: '' },
};

/** Samples for names that mean something else in one method. */
const METHOD_SAMPLES: Readonly<Record<string, Readonly<Record<string, unknown>>>> = {
  // mentions_only excludes types/exclude_types, as in Mastodon.py
  notifications: { mentions_only: undefined },
  admin_accounts: { status: 'silenced' }, admin_accounts_v1: { status: 'silenced' }, admin_accounts_v2: { status: 'silenced' },
};

/** A sample value for a parameter, by its name; undefined when there is none. */
function sampleFor(name: string, method = ''): unknown {
  const special = METHOD_SAMPLES[method];
  if (special && name in special) return special[name];
  if (name in SAMPLES) return SAMPLES[name];
  if (name.startsWith('instance_')) return 'chitter.xyz';
  if (name.startsWith('tag_')) return '12';
  if (TRUE_FLAGS.test(name)) return true;
  if (name.endsWith('_at')) return new Date(Date.now() + 3_600_000);
  if (name.endsWith('_ids')) return [ID];
  if (name === 'id' || name.endsWith('_id') || name === 'invited_by') return ID;
  return undefined;
}

const camel = (name: string): string => name.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());

/** The method's arguments: required parameters positionally, the others in one options object. */
function argumentsFor(entry: TableEntry): { args: unknown[]; missing?: string } {
  const args: unknown[] = [];
  const options: Record<string, unknown> = {};
  const altParams = (entry.alt_paths ?? []).join(' ');
  for (const param of entry.params) {
    const value = sampleFor(param, entry.method);
    if (!(param in entry.defaults)) {
      if (value === undefined) return { args, missing: param };
      args.push(value);
    } else if (!SKIPPED_OPTIONS.has(param) && !altParams.includes(`{${param}}`) && value !== undefined) {
      options[param] = value;
    }
  }
  const hasOptions = entry.params.some((param) => param in entry.defaults);
  return { args: hasOptions ? [...args, options] : args };
}

/** The top-level wire parameter names of a raw request (query and body, `k[]`/`k[sub]` folded into `k`). */
function sentNames(request: RawRequest): string[] {
  const query = Object.keys(parsePairs(new URL(request.url, 'http://x').searchParams.entries()));
  const type = String(request.headers['content-type'] ?? '');
  let body: string[] = [];
  if (request.body && type.startsWith('application/json')) {
    const parsed: unknown = JSON.parse(request.body);
    if (typeof parsed === 'object' && parsed !== null) body = Object.keys(parsed);
  } else if (type.startsWith('multipart/')) {
    body = [...request.body.matchAll(/\bname="([^"[]+)/g)].map((m) => m[1]!);
  } else if (request.body) {
    body = Object.keys(parsePairs(new URLSearchParams(request.body).entries()));
  }
  return [...query, ...body];
}

function pathPattern(path: string): RegExp {
  const source = path.split('?')[0]!.replace(/\/+$/, '').replace(/[.+^$()|[\]\\]/g, '\\$&').replace(/\{\w+\}/g, '[^/]+');
  return new RegExp(`^${source}/?$`);
}

/** How a test reaches an entry's call: a method of the class, or a function of mastodon-rx/api with a bare client. */
type CallFor = (name: string, options: MastodonOptions) => ((...args: unknown[]) => Observable<unknown>) | undefined;

const throughTheClass: CallFor = (name, options) => {
  const client = new Mastodon(options);
  const method = (client as unknown as Record<string, unknown>)[name];
  return typeof method === 'function' ? (...args) => (method as (...a: unknown[]) => Observable<unknown>).apply(client, args) : undefined;
};

const throughTheFunctions: CallFor = (name, options) => {
  const client = new MastodonClient(options);
  const fn = (api as Record<string, unknown>)[name];
  if (typeof fn === 'function') return (...args) => (fn as (...a: unknown[]) => Observable<unknown>)(client, ...args);
  // A method of the bare client itself (setLanguage), not an endpoint.
  const method = (client as unknown as Record<string, unknown>)[name];
  return typeof method === 'function' ? (...args) => (method as (...a: unknown[]) => Observable<unknown>).apply(client, args) : undefined;
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
        const { args, missing } = argumentsFor(entry);
        assert.equal(missing, undefined, `a sample value for the required parameter ${missing}`);

        const [verb, path] = (EXPECTED_ROUTE[entry.method] ?? `${entry.http} ${entry.path}`).split(' ') as [string, string];
        const filled = entry.path_params.reduce((p, param) => p.replace(`{${param}}`, encodeURIComponent(String(sampleFor(param)))), path);
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
