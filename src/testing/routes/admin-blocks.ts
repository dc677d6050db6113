import { formatIpRange, parseIpRange } from '../../endpoints/admin/ip-range.js';
import { pageReply } from '../paginate.js';
import type { ParsedParams } from '../params.js';
import { adminRoute } from './admin-state.js';
import {
  canonicalEmailHash, expiryOf, fakeAdminBlocks, type FakeAdminBlocks, type FakeIpBlock,
} from './admin-blocks-state.js';
import { bool, FakeHttpError, str, type FakeRequest, type FakeRoutes } from './types.js';

const SEVERITIES = ['sign_up_requires_approval', 'sign_up_block', 'no_access'];
const PAGES = { defaultLimit: 100, maxLimit: 200 };
const DOMAIN = /^[a-z0-9_-]+(?:\.[a-z0-9_-]+)*$/;

/** The read and write scopes of one kind of admin record (`admin:read:ip_blocks`...). */
function scopes(kind: string): { read: string[]; write: string[] } {
  return { read: ['admin:read', `admin:read:${kind}`], write: ['admin:write', `admin:write:${kind}`] };
}

const IP = scopes('ip_blocks');
const EMAIL = scopes('email_domain_blocks');
const CANONICAL = scopes('canonical_email_blocks');
const ALLOWS = scopes('domain_allows');

function found<T extends { id: string }>(records: readonly T[], req: FakeRequest): T {
  const record = records.find((r) => r.id === req.pathParams['id']);
  if (!record) throw new FakeHttpError(404, 'Record not found');
  return record;
}

function remove<T>(records: T[], record: T): { json: Record<string, never> } {
  records.splice(records.indexOf(record), 1);
  return { json: {} };
}

function newestFirst<T>(records: readonly T[]): T[] {
  return [...records].reverse();
}

function failed(errors: readonly string[]): FakeHttpError {
  return new FakeHttpError(422, `Validation failed: ${errors.join(', ')}`);
}

/** Whole seconds as Rails casts them (`to_i`): junk is 0. */
function seconds(params: ParsedParams): number | undefined {
  const text = str(params, 'expires_in');
  if (text === undefined || text.trim() === '') return undefined;
  return Number.parseInt(text, 10) || 0;
}

/** The errors Mastodon's IP block validations give for these fields. */
function ipBlockErrors(blocks: FakeAdminBlocks, ip: string | null, severity: string | undefined, self?: FakeIpBlock): string[] {
  const errors: string[] = [];
  if (ip === null) errors.push("Ip can't be blank");
  else if (blocks.ipBlocks.some((b) => b.ip === ip && b !== self)) errors.push('Ip has already been taken');
  if (severity === undefined || severity === '') errors.push("Severity can't be blank");
  else if (!SEVERITIES.includes(severity)) errors.push('Severity is not included in the list');
  return errors;
}

/** `ip` as Mastodon stores it (`192.0.2.0/24`), or null when it reads as no address. */
function storedIp(text: string): string | null {
  const range = parseIpRange(text.trim());
  return range ? formatIpRange(range) : null;
}

function normalDomain(params: ParsedParams): string {
  return (str(params, 'domain') ?? '').trim().toLowerCase();
}

function domainErrors(domain: string, taken: boolean): string[] {
  if (domain === '') return ["Domain can't be blank"];
  if (!DOMAIN.test(domain)) return ['Domain is invalid', 'Domain is not a valid domain name'];
  return taken ? ['Domain has already been taken'] : [];
}

/** IP blocks, e-mail domain blocks, canonical e-mail blocks and domain allows. */
export const adminBlockRoutes: FakeRoutes = {
  'GET /api/v1/admin/ip_blocks': adminRoute(IP.read, (req, _admin, store) =>
    pageReply(req, fakeAdminBlocks(store).activeIpBlocks(), PAGES)),
  'GET /api/v1/admin/ip_blocks/{id}': adminRoute(IP.read, (req, _admin, store) =>
    ({ json: found(fakeAdminBlocks(store).activeIpBlocks(), req) })),
  'POST /api/v1/admin/ip_blocks': adminRoute(IP.write, (req, _admin, store) => {
    const blocks = fakeAdminBlocks(store);
    blocks.activeIpBlocks();
    // The column's default, when no ip is sent.
    const ip = storedIp(str(req.params, 'ip') ?? '0.0.0.0');
    const severity = str(req.params, 'severity');
    const errors = ipBlockErrors(blocks, ip, severity);
    if (errors.length > 0) throw failed(errors);
    return { json: blocks.addIpBlock(ip!, severity!, { comment: str(req.params, 'comment'), expires_in: seconds(req.params) }) };
  }),
  // Mastodon updates with `update`, not `update!`: invalid changes are dropped and the block is
  // answered as it was.
  'PUT /api/v1/admin/ip_blocks/{id}': adminRoute(IP.write, (req, _admin, store) => {
    const blocks = fakeAdminBlocks(store);
    const block = found(blocks.activeIpBlocks(), req);
    const ipText = str(req.params, 'ip');
    const ip = ipText === undefined ? block.ip : storedIp(ipText);
    const severity = str(req.params, 'severity') ?? block.severity;
    if (ipBlockErrors(blocks, ip, severity, block).length > 0) return { json: block };
    block.ip = ip!;
    block.severity = severity;
    block.comment = str(req.params, 'comment') ?? block.comment;
    const expiresIn = seconds(req.params);
    if (expiresIn !== undefined) block.expires_at = expiryOf(expiresIn);
    return { json: block };
  }),
  'DELETE /api/v1/admin/ip_blocks/{id}': adminRoute(IP.write, (req, _admin, store) => {
    const blocks = fakeAdminBlocks(store);
    return remove(blocks.ipBlocks, found(blocks.activeIpBlocks(), req));
  }),

  'GET /api/v1/admin/email_domain_blocks': adminRoute(EMAIL.read, (req, _admin, store) => {
    const blocks = fakeAdminBlocks(store);
    return pageReply(req, newestFirst(blocks.emailDomainBlocks).map((b) => blocks.emailDomainBlockJson(b)), PAGES);
  }),
  'GET /api/v1/admin/email_domain_blocks/{id}': adminRoute(EMAIL.read, (req, _admin, store) => {
    const blocks = fakeAdminBlocks(store);
    return { json: blocks.emailDomainBlockJson(found(blocks.emailDomainBlocks, req)) };
  }),
  'POST /api/v1/admin/email_domain_blocks': adminRoute(EMAIL.write, (req, _admin, store) => {
    const blocks = fakeAdminBlocks(store);
    const domain = normalDomain(req.params);
    const errors = domainErrors(domain, blocks.emailDomainBlocks.some((b) => b.domain === domain));
    if (errors.length > 0) throw failed(errors);
    const block = {
      id: blocks.nextId(), domain, created_at: new Date().toISOString(), allow_with_approval: bool(req.params, 'allow_with_approval'), attempts: [],
    };
    blocks.emailDomainBlocks.push(block);
    return { json: blocks.emailDomainBlockJson(block) };
  }),
  'DELETE /api/v1/admin/email_domain_blocks/{id}': adminRoute(EMAIL.write, (req, _admin, store) => {
    const blocks = fakeAdminBlocks(store);
    return remove(blocks.emailDomainBlocks, found(blocks.emailDomainBlocks, req));
  }),

  'GET /api/v1/admin/canonical_email_blocks': adminRoute(CANONICAL.read, (req, _admin, store) =>
    pageReply(req, newestFirst(fakeAdminBlocks(store).canonicalEmailBlocks), PAGES)),
  'GET /api/v1/admin/canonical_email_blocks/{id}': adminRoute(CANONICAL.read, (req, _admin, store) =>
    ({ json: found(fakeAdminBlocks(store).canonicalEmailBlocks, req) })),
  'POST /api/v1/admin/canonical_email_blocks/test': adminRoute(CANONICAL.read, (req, _admin, store) => {
    const email = str(req.params, 'email');
    if (!email) throw new FakeHttpError(400, 'param is missing or the value is empty: email');
    return { json: fakeAdminBlocks(store).canonicalEmailBlocksFor(email) };
  }),
  'POST /api/v1/admin/canonical_email_blocks': adminRoute(CANONICAL.write, (req, _admin, store) => {
    const blocks = fakeAdminBlocks(store);
    const email = str(req.params, 'email');
    // An address wins over a hash, as the model's `email=` writer overwrites it.
    const hash = email ? canonicalEmailHash(email) : str(req.params, 'canonical_email_hash') ?? '';
    if (hash === '') throw failed(["Canonical email hash can't be blank"]);
    if (blocks.canonicalEmailBlocks.some((b) => b.canonical_email_hash === hash)) throw failed(['Canonical email hash has already been taken']);
    const block = { id: blocks.nextId(), canonical_email_hash: hash };
    blocks.canonicalEmailBlocks.push(block);
    return { json: block };
  }),
  'DELETE /api/v1/admin/canonical_email_blocks/{id}': adminRoute(CANONICAL.write, (req, _admin, store) => {
    const blocks = fakeAdminBlocks(store);
    return remove(blocks.canonicalEmailBlocks, found(blocks.canonicalEmailBlocks, req));
  }),

  'GET /api/v1/admin/domain_allows': adminRoute(ALLOWS.read, (req, _admin, store) =>
    pageReply(req, newestFirst(fakeAdminBlocks(store).domainAllows), PAGES)),
  'GET /api/v1/admin/domain_allows/{id}': adminRoute(ALLOWS.read, (req, _admin, store) =>
    ({ json: found(fakeAdminBlocks(store).domainAllows, req) })),
  // Allowing a domain twice answers with the allow there is.
  'POST /api/v1/admin/domain_allows': adminRoute(ALLOWS.write, (req, _admin, store) => {
    const blocks = fakeAdminBlocks(store);
    const domain = normalDomain(req.params);
    const existing = blocks.domainAllows.find((a) => a.domain === domain);
    if (existing) return { json: existing };
    const errors = domainErrors(domain, false);
    if (errors.length > 0) throw failed(errors);
    const allow = { id: blocks.nextId(), domain, created_at: new Date().toISOString() };
    blocks.domainAllows.push(allow);
    return { json: allow };
  }),
  'DELETE /api/v1/admin/domain_allows/{id}': adminRoute(ALLOWS.write, (req, _admin, store) => {
    const blocks = fakeAdminBlocks(store);
    return remove(blocks.domainAllows, found(blocks.domainAllows, req));
  }),
};
