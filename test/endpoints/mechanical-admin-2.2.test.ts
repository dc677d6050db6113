import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { lastValueFrom, type Observable } from 'rxjs';
import { Mastodon, MastodonClient, type MastodonOptions } from '../../src/index.js';
import * as api from '../../src/api.js';
import { parsePairs, type ParsedParams } from '../../src/testing/index.js';
import { readJsonFixture } from '../support/fixtures.js';
import { ID, type TableEntry as MethodTableEntry } from '../support/mechanical.js';
import { startRecordingServer, type RawRequest, type RecordingServer } from '../support/recording-server.js';

// "How we will check it", for the admin API: every method of Mastodon.py 2.2.2's admin module is
// called by its mechanically converted name, required parameters positional and the others in
// the options object, with values built from the table, against a server that records what it
// receives. The verb and the path must be the table's, every parameter sent must be one the
// table names, and every parameter given must arrive, with its value.

/** An entry of Mastodon.py 2.2.2's table, with the module that defines it. */
interface TableEntry extends MethodTableEntry {
  module: string;
}

const ADMIN = readJsonFixture<TableEntry[]>('mastodonpy-2.2/endpoints.json').filter((entry) => entry.module === 'admin.py');

const HASH = 'a8af8341993604f29cd4e0e5a5a4b5d48c575436c38b28abbfd7d481f345d5db';

/** A sample value for each parameter name of the admin module. */
const SAMPLES: Readonly<Record<string, unknown>> = {
  id: ID, account_id: ID, target_account_id: ID, report_id: ID, warning_preset_id: ID, invited_by: ID, role_ids: [ID],
  max_id: ID, min_id: ID, since_id: ID, limit: 5,
  origin: 'local', by_domain: 'chitter.xyz', status: 'silenced', username: 'alice', display_name: 'Alice',
  email: 'alice@example.com', ip: '192.0.2.0/24', permissions: 'staff', remote: true, staff_only: true, resolved: true,
  action: 'silence', text: 'warning', send_email_notification: true,
  domain: 'chitter.xyz', severity: 'silence', reject_media: true, reject_reports: true, private_comment: 'private',
  public_comment: 'public', obfuscate: true, comment: 'a note', expires_in: 600, canonical_email_hash: HASH,
  start_at: new Date('2022-11-01T00:00:00Z'), end_at: new Date('2022-11-05T00:00:00Z'), frequency: 'day',
  active_users: true, new_users: true, interactions: true, opened_reports: true, resolved_reports: true,
  tag_accounts: '12', tag_uses: '12', tag_servers: '12', tag_languages: '12',
  instance_accounts: 'chitter.xyz', instance_media_attachments: 'chitter.xyz', instance_reports: 'chitter.xyz',
  instance_statuses: 'chitter.xyz', instance_follows: 'chitter.xyz', instance_followers: 'chitter.xyz', instance_languages: 'chitter.xyz',
  languages: true, sources: true, servers: true, space_usage: true, software_versions: true,
};

/** Samples for names that mean something else in one method, or that exclude each other. */
const METHOD_SAMPLES: Readonly<Record<string, Readonly<Record<string, unknown>>>> = {
  admin_create_ip_block: { severity: 'sign_up_block' },
  admin_update_ip_block: { severity: 'sign_up_requires_approval', ip: '2001:db8::/32' },
  // An address or a hash, never both: the address here, the hash in the test below.
  admin_create_canonical_email_block: { canonical_email_hash: undefined },
};

/** Where a parameter goes on the wire under another name (Mastodon.py builds these too). */
const WIRE_NAMES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  admin_account_moderate: { action: 'type' },
  admin_accounts: { staff_only: 'staff', status: 'silenced' },
  admin_accounts_v1: { staff_only: 'staff', status: 'silenced' },
};

/** Parameters that travel inside another (the statistics' `keys` list) rather than under their own names. */
const INSIDE_KEYS = /^(active_users|new_users|interactions|opened_reports|resolved_reports|languages|sources|servers|space_usage|software_versions)$/;

function sampleFor(entry: TableEntry, name: string): unknown {
  const special = METHOD_SAMPLES[entry.method];
  return special && name in special ? special[name] : SAMPLES[name];
}

const camel = (name: string): string => name.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());

/** The arguments: required parameters positionally, the others (but alternative-path ones) in one options object. */
function argumentsFor(entry: TableEntry): { args: unknown[]; given: Record<string, unknown> } {
  const args: unknown[] = [];
  const options: Record<string, unknown> = {};
  const altParams = (entry.alt_paths ?? []).join(' ');
  for (const param of entry.params) {
    const value = sampleFor(entry, param);
    if (!(param in entry.defaults)) args.push(value);
    else if (value !== undefined && !altParams.includes(`{${param}}`)) options[param] = value;
  }
  return { args: entry.params.some((param) => param in entry.defaults) ? [...args, options] : args, given: options };
}

/** The parameters of a raw request: its query string, then its form or JSON body. */
function sentParams(request: RawRequest): ParsedParams {
  const query = parsePairs(new URL(request.url, 'http://x').searchParams.entries());
  const type = String(request.headers['content-type'] ?? '');
  if (!request.body) return query;
  const body = type.startsWith('application/json') ? JSON.parse(request.body) as ParsedParams : parsePairs(new URLSearchParams(request.body).entries());
  return { ...query, ...body };
}

/** How a value reads on the wire, for scalar parameters. */
function wireValue(value: unknown): unknown {
  if (typeof value === 'boolean') return value ? ['1', true] : ['0', false];
  if (typeof value === 'string' || typeof value === 'number') return [String(value), value];
  return undefined;
}

type CallFor = (name: string, options: MastodonOptions) => ((...args: unknown[]) => Observable<unknown>) | undefined;

const throughTheClass: CallFor = (name, options) => {
  const client = new Mastodon(options);
  const method = (client as unknown as Record<string, unknown>)[name];
  return typeof method === 'function' ? (...args) => (method as (...a: unknown[]) => Observable<unknown>).apply(client, args) : undefined;
};

const throughTheFunctions: CallFor = (name, options) => {
  const client = new MastodonClient(options);
  const fn = (api as Record<string, unknown>)[name];
  return typeof fn === 'function' ? (...args) => (fn as (...a: unknown[]) => Observable<unknown>)(client, ...args) : undefined;
};

for (const [label, callFor] of [['the Mastodon class', throughTheClass], ['mastodon-rx/api with a bare MastodonClient', throughTheFunctions]] as const) {
  describe(`every admin method of Mastodon.py 2.2.2, driven from its table, through ${label}`, () => {
    let server: RecordingServer;
    let answerArray = false;
    const options = (): MastodonOptions => ({ api_base_url: server.url, access_token: 'token', version_check_mode: 'none', mastodon_version: '4.5.0' });

    before(async () => {
      server = await startRecordingServer(() => (answerArray ? [] : { id: ID }));
    });
    after(async () => { await server.close(); });

    it('finds the whole admin module in the table', () => {
      assert.equal(ADMIN.length, 52);
      assert.ok(ADMIN.every((entry) => entry.http !== null && entry.path !== null));
    });

    for (const entry of ADMIN) {
      const name = camel(entry.method);
      it(`${entry.method} → ${name}: ${entry.http} ${entry.path}`, async () => {
        const method = callFor(name, options());
        assert.ok(method, `${name} is missing`);
        const { args, given } = argumentsFor(entry);
        answerArray = entry.paginated || /List/.test(entry.returns ?? '');
        const sentBefore = server.requests.length;
        await lastValueFrom(method(...args), { defaultValue: undefined });

        const sent = server.requests.slice(sentBefore);
        assert.equal(sent.length, 1, `one request: ${sent.map((r) => `${r.method} ${r.url}`).join(', ')}`);
        const request = sent[0]!;
        const path = entry.path_params.reduce((p, param) => p.replace(`{${param}}`, encodeURIComponent(String(sampleFor(entry, param)))), entry.path!);
        assert.equal(request.method, entry.http);
        assert.equal(new URL(request.url, 'http://x').pathname.replace(/\/+$/, ''), path.replace(/\/+$/, ''));

        const params = sentParams(request);
        const wire = WIRE_NAMES[entry.method] ?? {};
        const allowed = new Set([...entry.params, ...Object.values(wire), 'keys']);
        assert.deepEqual(Object.keys(params).filter((param) => !allowed.has(param)), [], 'parameters the table does not name');
        for (const [param, value] of Object.entries(given)) {
          if (INSIDE_KEYS.test(param)) {
            assert.ok((params['keys'] as string[] | undefined)?.includes(param), `${param} among the keys`);
            continue;
          }
          const onWire = wire[param] ?? param;
          assert.ok(onWire in params, `${param} arrives (as ${onWire})`);
          const expected = wireValue(value);
          if (wire[param] === undefined && expected !== undefined && !param.startsWith('tag_') && !param.startsWith('instance_')) {
            assert.ok((expected as unknown[]).includes(params[onWire] as unknown), `${param}: ${String(params[onWire])}`);
          }
        }
      });
    }

    it('admin_create_canonical_email_block → adminCreateCanonicalEmailBlock with the hash instead of the address', async () => {
      const method = callFor('adminCreateCanonicalEmailBlock', options())!;
      answerArray = false;
      await lastValueFrom(method({ canonical_email_hash: HASH }));
      const request = server.requests.at(-1)!;
      assert.equal(request.method, 'POST');
      assert.deepEqual(sentParams(request), { canonical_email_hash: HASH });
    });
  });
}
