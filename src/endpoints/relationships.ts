import { endpoint, nothing, page } from './define.js';
import { optionsOf, pageParams, requiredString } from './common.js';
import type { Account } from '../entities/account.js';
import type { Relationship } from '../entities/relationship.js';
import { json } from './define.js';
import { MastodonIllegalArgumentError } from '../errors.js';
import { idOf, type IdLike } from '../ids.js';
import type { Params } from '../http/params.js';
import type { Page } from '../pagination/page.js';
import { fillPath } from '../http/fill-path.js';

/** Options of `domainBlock` and `domainUnblock`. */
export interface DomainBlockOptions {
  /** The domain, such as `spam.example`. */
  domain?: string;
}

function domainParams(options: DomainBlockOptions | string | undefined): Params {
  const o = typeof options === 'string' ? { domain: options } : optionsOf(options);
  if (o.domain === undefined) throw new MastodonIllegalArgumentError('domain is required');
  return { domain: requiredString('domain', o.domain) };
}

// Mutes, blocks, follow requests and domain blocks.

/**
 * The accounts the user mutes. Emits one {@link Page}.
 * @example mutes(client).subscribe((page) => console.log(page.map((a) => a.acct)))
 */
export const mutes = /* @__PURE__ */ endpoint('GET /api/v1/mutes', {
  created: '1.1.0', changed: '3.3.0', returns: page<Account>, options: 0, params: pageParams,
});

/**
 * The accounts the user blocks. Emits one {@link Page}.
 * @example blocks(client, { limit: 80 }).subscribe((page) => console.log(page.length))
 */
export const blocks = /* @__PURE__ */ endpoint('GET /api/v1/blocks', {
  created: '1.0.0', changed: '3.3.0', returns: page<Account>, options: 0, params: pageParams,
});

/**
 * The accounts asking to follow the (locked) user. Emits one {@link Page}.
 * @example followRequests(client).subscribe((page) => page.forEach((a) => console.log(a.acct)))
 */
export const followRequests = /* @__PURE__ */ endpoint('GET /api/v1/follow_requests', {
  created: '1.0.0', changed: '3.3.0', returns: page<Account>, options: 0, params: pageParams,
});

/**
 * The domains the user blocks, as strings. Emits one {@link Page}.
 * @example domainBlocks(client).subscribe((page) => console.log(page.join(', ')))
 */
export const domainBlocks = /* @__PURE__ */ endpoint('GET /api/v1/domain_blocks', {
  created: '1.4.0', changed: '2.6.0', returns: page<string>, options: 0, params: pageParams,
});

/**
 * Accept a follow request. Emits the relationship with the requester.
 * @example followRequestAuthorize(client, account).subscribe((rel) => console.log(rel.followed_by))
 */
export const followRequestAuthorize = /* @__PURE__ */ endpoint('POST /api/v1/follow_requests/{id}/authorize', {
  fillPath, created: '1.0.0', changed: '3.3.0', returns: json<Relationship>, params: (id: IdLike) => ({ id: idOf(id) }),
});

/**
 * Refuse a follow request. Emits the relationship with the requester.
 * @example followRequestReject(client, account).subscribe((rel) => console.log(rel.followed_by))
 */
export const followRequestReject = /* @__PURE__ */ endpoint('POST /api/v1/follow_requests/{id}/reject', {
  fillPath, created: '1.0.0', changed: '3.3.0', returns: json<Relationship>, params: (id: IdLike) => ({ id: idOf(id) }),
});

/**
 * Block a whole domain: its posts and notifications are hidden, its followers of the user removed.
 * @example domainBlock(client, { domain: 'spam.example' }).subscribe()
 */
export const domainBlock = /* @__PURE__ */ endpoint('POST /api/v1/domain_blocks', {
  created: '1.4.0', changed: '1.4.0', returns: nothing,
  options: 0, params: (options?: DomainBlockOptions | string) => domainParams(options),
});

/**
 * Lift a domain block.
 * @example domainUnblock(client, { domain: 'spam.example' }).subscribe()
 */
export const domainUnblock = /* @__PURE__ */ endpoint('DELETE /api/v1/domain_blocks', {
  created: '1.4.0', changed: '1.4.0', returns: nothing,
  options: 0, params: (options?: DomainBlockOptions | string) => domainParams(options),
});
