import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Observable } from 'rxjs';
import { Mastodon, MastodonError } from '../../src/index.js';
import { decodedText, startRecordingServer, type RecordingServer } from '../support/recording-server.js';

// Every method below is driven with arbitrary arguments: wrong types, huge and non-finite
// numbers, empty strings, lone surrogates, nested junk, invalid Dates, objects without an id...
// Whatever comes in, the method must not throw, its Observable must either fail with a
// MastodonError or send a request, and no request may carry a stringified non-value.

const FORBIDDEN = /undefined|NaN|Infinity|\[object Object\]|\[object Null prototype\]/;
const RUNS = Number(process.env['PROPERTY_RUNS'] ?? 200);

const text = fc.string({ unit: 'binary', maxLength: 12 }).filter((s) => !FORBIDDEN.test(s));
const leaf: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(undefined), fc.constant(null), fc.boolean(), fc.integer(), fc.double(), fc.bigInt(),
  fc.constantFrom(2 ** 53 + 2, -(2 ** 60), Number.MAX_VALUE, -0, 1e21, Infinity, NaN),
  text, fc.constant(''), fc.constantFrom('\uD83D', 'a\uDC00b'), fc.constantFrom('109440146774012815', '1', 'local', 'public', 'home', 'tag/cats'),
  fc.date({ noInvalidDate: false }), fc.constant(new Date(Number.NaN)),
  fc.constant(Object.create(null) as unknown), fc.constant(Symbol('junk')), fc.constant(() => 'fn'),
);
const { value: junk } = fc.letrec<{ value: unknown; array: unknown[]; object: Record<string, unknown>; withId: { id: unknown } }>((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, leaf, tie('array'), tie('object'), tie('withId')),
  array: fc.array(tie('value'), { maxLength: 3 }),
  object: fc.dictionary(text, tie('value'), { maxKeys: 3 }),
  withId: fc.record({ id: tie('value') }),
}));

/** A positional argument: mostly a plausible id or text, sometimes junk. */
const arg = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom<unknown>('109440146774012815', 'hello', 'chitter.xyz', { id: '1' }) },
  { weight: 2, arbitrary: junk },
);
/** A date argument: mostly a real Date, sometimes junk. */
const date = fc.oneof({ weight: 3, arbitrary: fc.date({ noInvalidDate: true }) }, { weight: 2, arbitrary: junk });

/** An options argument: the method's own keys with junk values, or junk altogether. */
function options(keys: readonly string[]): fc.Arbitrary<unknown> {
  // Mostly one or two junk members, so that each one gets its chance to reach the wire.
  const sparse = fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: junk });
  const record = fc.record(Object.fromEntries(keys.map((key) => [key, sparse])), { requiredKeys: [] });
  return fc.oneof({ weight: 4, arbitrary: record }, { weight: 1, arbitrary: junk });
}

const PAGINATION = ['max_id', 'min_id', 'since_id', 'limit'];
const STATUS_POST = ['in_reply_to_id', 'media_ids', 'sensitive', 'visibility', 'spoiler_text', 'language',
  'idempotency_key', 'content_type', 'scheduled_at', 'poll', 'quote_id'];
const TIMELINE = [...PAGINATION, 'only_media', 'local', 'remote'];
const BLOCK = ['severity', 'reject_media', 'reject_reports', 'private_comment', 'public_comment', 'obfuscate'];

/** The argument lists of each method under test. */
const CASES: Readonly<Record<string, fc.Arbitrary<unknown[]>>> = {
  statusPost: fc.tuple(arg, options(STATUS_POST)),
  toot: fc.tuple(arg),
  status: fc.tuple(arg),
  statusDelete: fc.tuple(arg),
  timeline: fc.tuple(options(['timeline', ...TIMELINE])),
  timelineHome: fc.tuple(options(TIMELINE)),
  account: fc.tuple(arg),
  adminAccountsV2: fc.tuple(options(['origin', 'by_domain', 'status', 'username', 'display_name', 'email', 'ip',
    'permissions', 'invited_by', 'role_ids', ...PAGINATION])),
  adminAccountsV1: fc.tuple(options(['remote', 'by_domain', 'status', 'username', 'display_name', 'email', 'ip', 'staff_only', ...PAGINATION])),
  adminAccount: fc.tuple(arg),
  adminAccountModerate: fc.tuple(arg, options(['action', 'report_id', 'warning_preset_id', 'text', 'send_email_notification'])),
  adminReports: fc.tuple(options(['resolved', 'account_id', 'target_account_id', ...PAGINATION])),
  adminReportResolve: fc.tuple(arg),
  adminTrendingTags: fc.tuple(options(['limit'])),
  adminDomainBlocks: fc.tuple(options(['id', ...PAGINATION])),
  adminCreateDomainBlock: fc.tuple(arg, options(BLOCK)),
  adminUpdateDomainBlock: fc.tuple(arg, options(BLOCK)),
  adminDeleteDomainBlock: fc.tuple(arg),
  adminMeasures: fc.tuple(date, date, options(['active_users', 'new_users', 'interactions', 'tag_uses', 'instance_statuses'])),
  adminDimensions: fc.tuple(date, date, options(['limit', 'languages', 'sources', 'tag_servers', 'instance_languages'])),
  adminRetention: fc.tuple(date, date, options(['frequency'])),
  adminUpdateReport: fc.tuple(arg, options(['category', 'rule_ids'])),
  adminIpBlocks: fc.tuple(options(PAGINATION)),
  adminCreateIpBlock: fc.tuple(fc.oneof(arg, fc.constantFrom('192.0.2.0/24', '2001:db8::1')), fc.oneof(arg, fc.constant('no_access')), options(['comment', 'expires_in'])),
  adminUpdateIpBlock: fc.tuple(arg, options(['ip', 'severity', 'comment', 'expires_in'])),
  adminDeleteIpBlock: fc.tuple(arg),
  adminEmailDomainBlocks: fc.tuple(options(PAGINATION)),
  adminCreateEmailDomainBlock: fc.tuple(arg, options(['allow_with_approval'])),
  adminCanonicalEmailBlock: fc.tuple(arg),
  adminTestCanonicalEmailBlock: fc.tuple(arg),
  adminCreateCanonicalEmailBlock: fc.tuple(options(['email', 'canonical_email_hash'])),
  adminDomainAllows: fc.tuple(options(PAGINATION)),
  adminCreateDomainAllow: fc.tuple(arg),
  adminApproveTrendingLink: fc.tuple(arg),
  adminTrendingLinkPublishers: fc.tuple(options(PAGINATION)),
  adminTags: fc.tuple(options(PAGINATION)),
  adminUpdateTag: fc.tuple(arg, options(['display_name', 'trendable', 'usable', 'listable'])),
};

type AnyMethod = (...args: unknown[]) => Observable<unknown>;

function outcomeOf(observable: Observable<unknown>): Promise<{ error?: unknown }> {
  return new Promise((resolve) => {
    observable.subscribe({ error: (error: unknown) => resolve({ error }), complete: () => resolve({}) });
  });
}

describe('no argument breaks a method', () => {
  let server: RecordingServer;
  let api: Mastodon;
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown): void => { unhandled.push(reason); };

  before(async () => {
    process.on('unhandledRejection', onUnhandled);
    server = await startRecordingServer();
    api = new Mastodon({ api_base_url: server.url, access_token: 'token', version_check_mode: 'none' });
  });
  after(async () => {
    await server.close();
    process.off('unhandledRejection', onUnhandled);
  });

  for (const [name, args] of Object.entries(CASES)) {
    it(`${name}: no synchronous throw, a MastodonError or a clean request`, async () => {
      const method = (api as unknown as Record<string, AnyMethod>)[name];
      assert.equal(typeof method, 'function', `${name} exists`);
      await fc.assert(fc.asyncProperty(args, async (list) => {
        const sentBefore = server.requests.length;
        let observable: Observable<unknown>;
        try {
          observable = method!.apply(api, list);
        } catch (error) {
          throw new Error(`${name} threw synchronously: ${String(error)}`);
        }
        const { error } = await outcomeOf(observable);
        if (error !== undefined && !(error instanceof MastodonError)) {
          throw new Error(`${name} failed with a ${(error as Error)?.constructor?.name}, not a MastodonError: ${String(error)}`);
        }
        const sent = server.requests.slice(sentBefore);
        if (error === undefined) assert.ok(sent.length > 0, `${name} succeeded without a request`);
        for (const request of sent) {
          const found = FORBIDDEN.exec(decodedText(request));
          if (found) throw new Error(`${name} sent "${found[0]}": ${request.method} ${request.url} ${request.body}`);
        }
      }), { numRuns: RUNS });
    });
  }

  it('left no unhandled rejection behind', async () => {
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(unhandled, []);
  });
});
