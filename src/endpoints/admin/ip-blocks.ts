import { endpoint, json, nothing, page } from '../define.js';
import { oneOf, optionsOf, pageParams, type PaginationOptions } from '../common.js';
import { optionalOneOf, optionalSeconds, optionalString } from './common.js';
import { parseIpRange } from './ip-range.js';
import { MastodonIllegalArgumentError } from '../../errors.js';
import type { Admin_IpBlock, Admin_IpBlockSeverity } from '../../entities/admin-blocks.js';
import { idOf, type IdLike } from '../../ids.js';
import type { Params } from '../../http/params.js';
import type { Page } from '../../pagination/page.js';
import { fillPath } from '../../http/fill-path.js';

const IP_BLOCK_SEVERITIES: readonly Admin_IpBlockSeverity[] = ['sign_up_requires_approval', 'sign_up_block', 'no_access'];

/** Options of `adminCreateIpBlock`. */
export interface AdminIpBlockOptions {
  /** Why the range is blocked (moderators see it). */
  comment?: string;
  /** Lift the block after this many seconds (a whole number above zero); never, when left out. */
  expires_in?: number;
}

/** Options of `adminUpdateIpBlock`: the fields to change. */
export interface AdminUpdateIpBlockOptions extends AdminIpBlockOptions {
  /** The new range: an IPv4 or IPv6 address, with or without a prefix length. */
  ip?: string;
  /** The new policy. */
  severity?: Admin_IpBlockSeverity;
}

/** `value` if it is an IPv4 or IPv6 address or CIDR range, else an argument error. */
function ipRangeText(value: unknown): string {
  if (typeof value !== 'string' || parseIpRange(value) === undefined) {
    const shown = typeof value === 'string' ? JSON.stringify(value.slice(0, 100)) : `of type ${typeof value}`;
    throw new MastodonIllegalArgumentError(
      `Invalid ip ${shown}; must be an IPv4 or IPv6 address, optionally with a prefix length (192.0.2.0/24, 2001:db8::/32)`);
  }
  return value;
}

function blockParams(o: Partial<AdminIpBlockOptions>): Params {
  return { comment: optionalString('comment', o.comment), expires_in: optionalSeconds('expires_in', o.expires_in) };
}

const byId = (id: IdLike): Params => ({ id: idOf(id) });

// IP blocks: address ranges whose sign-ups wait for approval or are refused, or that may not
// use the server at all. Needs admin scopes.

/**
 * The IP blocks, newest first. Emits one {@link Page}.
 * @example adminIpBlocks(client, { limit: 50 }).subscribe((page) => console.log(page.map((b) => `${b.ip} ${b.severity}`)))
 */
export const adminIpBlocks = /* @__PURE__ */ endpoint('GET /api/v1/admin/ip_blocks', {
  created: '4.0.0', changed: '4.0.0', returns: page<Admin_IpBlock>,
  options: 0, params: (options?: PaginationOptions) => pageParams(options),
});

/**
 * One IP block.
 * @example adminIpBlock(client, '1').subscribe((block) => console.log(block.expires_at))
 */
export const adminIpBlock = /* @__PURE__ */ endpoint('GET /api/v1/admin/ip_blocks/{id}', {
  fillPath, created: '4.0.0', changed: '4.0.0', returns: json<Admin_IpBlock>, params: byId,
});

/**
 * Block a range of addresses: `sign_up_requires_approval`, `sign_up_block` or `no_access`.
 * The range (IPv4 or IPv6, with or without a prefix length), the severity and `expires_in`
 * are checked before sending.
 * @example adminCreateIpBlock(client, '192.0.2.0/24', 'sign_up_block', { comment: 'spam wave', expires_in: 86400 })
 */
export const adminCreateIpBlock = /* @__PURE__ */ endpoint('POST /api/v1/admin/ip_blocks', {
  created: '4.0.0', changed: '4.0.0', returns: json<Admin_IpBlock>,
  options: 2, params: (ip: string, severity: Admin_IpBlockSeverity, options?: AdminIpBlockOptions) => ({
    ip: ipRangeText(ip),
    severity: oneOf('severity', severity, IP_BLOCK_SEVERITIES),
    ...blockParams(optionsOf(options)),
  }),
});

/**
 * Change an IP block: its range, severity, comment or expiry (each checked before sending).
 * @example adminUpdateIpBlock(client, block, { severity: 'sign_up_requires_approval' })
 */
export const adminUpdateIpBlock = /* @__PURE__ */ endpoint('PUT /api/v1/admin/ip_blocks/{id}', {
  fillPath, created: '4.0.0', changed: '4.0.0', returns: json<Admin_IpBlock>,
  options: 1, params: (id: IdLike, options?: AdminUpdateIpBlockOptions) => {
    const o = optionsOf(options);
    return {
      id: idOf(id),
      ip: o.ip === undefined || o.ip === null ? undefined : ipRangeText(o.ip),
      severity: optionalOneOf('severity', o.severity, IP_BLOCK_SEVERITIES),
      ...blockParams(o),
    };
  },
});

/**
 * Lift an IP block.
 * @example adminDeleteIpBlock(client, block).subscribe()
 */
export const adminDeleteIpBlock = /* @__PURE__ */ endpoint('DELETE /api/v1/admin/ip_blocks/{id}', {
  fillPath, created: '4.0.0', changed: '4.0.0', returns: nothing, params: byId,
});
