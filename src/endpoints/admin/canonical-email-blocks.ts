import { endpoint, json, nothing, page } from '../define.js';
import { optionsOf, pageParams, type PaginationOptions } from '../common.js';
import { requiredText } from './common.js';
import { MastodonIllegalArgumentError } from '../../errors.js';
import type { Admin_CanonicalEmailBlock } from '../../entities/admin-blocks.js';
import { idOf, type IdLike } from '../../ids.js';
import type { Params } from '../../http/params.js';
import type { Page } from '../../pagination/page.js';
import { fillPath } from '../../http/fill-path.js';

/** What `adminCreateCanonicalEmailBlock` blocks: an address, or the hash of one; exactly one of them. */
export interface AdminCanonicalEmailBlockOptions {
  /** The address to block, in any of its forms: the server makes it canonical and hashes it. */
  email?: string;
  /** SHA-256 (64 hex digits) of an address in canonical form, as the server lists blocks. */
  canonical_email_hash?: string;
}

const SHA256_HEX = /^[0-9a-f]{64}$/i;

function blockParams(options: AdminCanonicalEmailBlockOptions | undefined): Params {
  const { email, canonical_email_hash: hash } = optionsOf(options);
  const given = (value: unknown): boolean => value !== undefined && value !== null;
  if (given(email) === given(hash)) {
    throw new MastodonIllegalArgumentError('Give either email or canonical_email_hash, not both and not neither');
  }
  if (given(email)) return { email: requiredText('email', email) };
  if (typeof hash !== 'string' || !SHA256_HEX.test(hash)) {
    throw new MastodonIllegalArgumentError('canonical_email_hash must be a SHA-256 hash: 64 hex digits');
  }
  // The server compares with lower-case hex digests: a hash in capitals would block nobody.
  return { canonical_email_hash: hash.toLowerCase() };
}

const byId = (id: IdLike): Params => ({ id: idOf(id) });

// Canonical e-mail blocks: single addresses, however written (case, dots, `+tags`), that may
// not sign up. The server keeps only their hashes. Needs admin scopes.

/**
 * The canonical e-mail blocks, newest first. Emits one {@link Page}.
 * @example adminCanonicalEmailBlocks(client).subscribe((page) => console.log(page.length))
 */
export const adminCanonicalEmailBlocks = /* @__PURE__ */ endpoint('GET /api/v1/admin/canonical_email_blocks', {
  created: '4.0.0', changed: '4.0.0', returns: page<Admin_CanonicalEmailBlock>,
  options: 0, params: (options?: PaginationOptions) => pageParams(options),
});

/**
 * One canonical e-mail block.
 * @example adminCanonicalEmailBlock(client, '1').subscribe((block) => console.log(block.canonical_email_hash))
 */
export const adminCanonicalEmailBlock = /* @__PURE__ */ endpoint('GET /api/v1/admin/canonical_email_blocks/{id}', {
  fillPath, created: '4.0.0', changed: '4.0.0', returns: json<Admin_CanonicalEmailBlock>, params: byId,
});

/**
 * The blocks that match an address: the server makes it canonical and hashes it. Emits a list,
 * empty when the address may sign up.
 * @example adminTestCanonicalEmailBlock(client, 'J.Doe+spam@example.com').subscribe((blocks) => console.log(blocks.length > 0))
 */
export const adminTestCanonicalEmailBlock = /* @__PURE__ */ endpoint('POST /api/v1/admin/canonical_email_blocks/test', {
  created: '4.0.0', changed: '4.0.0', returns: json<Admin_CanonicalEmailBlock[]>,
  params: (email: string) => ({ email: requiredText('email', email) }),
});

/**
 * Block one address from signing up, given as `email` or as `canonical_email_hash`: exactly one
 * of the two (an argument error otherwise), the hash 64 hex digits.
 * @example adminCreateCanonicalEmailBlock(client, { email: 'spammer@example.com' }).subscribe((block) => console.log(block.id))
 */
export const adminCreateCanonicalEmailBlock = /* @__PURE__ */ endpoint('POST /api/v1/admin/canonical_email_blocks', {
  created: '4.0.0', changed: '4.0.0', returns: json<Admin_CanonicalEmailBlock>,
  options: 0, params: (options?: AdminCanonicalEmailBlockOptions) => blockParams(options),
});

/**
 * Lift a canonical e-mail block.
 * @example adminDeleteCanonicalEmailBlock(client, block).subscribe()
 */
export const adminDeleteCanonicalEmailBlock = /* @__PURE__ */ endpoint('DELETE /api/v1/admin/canonical_email_blocks/{id}', {
  fillPath, created: '4.0.0', changed: '4.0.0', returns: nothing, params: byId,
});
