import { endpoint, json, nothing, page } from '../define.js';
import { optionsOf, pageParams, type PaginationOptions } from '../common.js';
import { optionalBoolean, requiredText } from './common.js';
import type { Admin_EmailDomainBlock } from '../../entities/admin-blocks.js';
import { idOf, type IdLike } from '../../ids.js';
import type { Params } from '../../http/params.js';
import type { Page } from '../../pagination/page.js';
import { fillPath } from '../../http/fill-path.js';

/** Options of `adminCreateEmailDomainBlock`. */
export interface AdminEmailDomainBlockOptions {
  /** Let sign-ups with the domain in, to wait for approval, instead of refusing them (newer servers). */
  allow_with_approval?: boolean;
}

const byId = (id: IdLike): Params => ({ id: idOf(id) });

// E-mail domain blocks: domains (and their subdomains) whose addresses may not sign up.
// Needs admin scopes.

/**
 * The blocked e-mail domains, newest first, each with its blocked sign-up attempts of the last
 * days. Emits one {@link Page}.
 * @example adminEmailDomainBlocks(client).subscribe((page) => console.log(page.map((b) => b.domain)))
 */
export const adminEmailDomainBlocks = /* @__PURE__ */ endpoint('GET /api/v1/admin/email_domain_blocks', {
  created: '4.0.0', changed: '4.0.0', returns: page<Admin_EmailDomainBlock>,
  options: 0, params: (options?: PaginationOptions) => pageParams(options),
});

/**
 * One blocked e-mail domain.
 * @example adminEmailDomainBlock(client, '1').subscribe((block) => console.log(block.history[0]?.uses))
 */
export const adminEmailDomainBlock = /* @__PURE__ */ endpoint('GET /api/v1/admin/email_domain_blocks/{id}', {
  fillPath, created: '4.1.0', changed: '4.1.0', returns: json<Admin_EmailDomainBlock>, params: byId,
});

/**
 * Block sign-ups with addresses of a domain and its subdomains. An empty domain is an argument error.
 * @example adminCreateEmailDomainBlock(client, 'spam.example').subscribe((block) => console.log(block.id))
 */
export const adminCreateEmailDomainBlock = /* @__PURE__ */ endpoint('POST /api/v1/admin/email_domain_blocks', {
  created: '4.0.0', changed: '4.0.0', returns: json<Admin_EmailDomainBlock>,
  options: 1, params: (domain: string, options?: AdminEmailDomainBlockOptions) => ({
    domain: requiredText('domain', domain),
    allow_with_approval: optionalBoolean('allow_with_approval', optionsOf(options).allow_with_approval),
  }),
});

/**
 * Lift an e-mail domain block.
 * @example adminDeleteEmailDomainBlock(client, block).subscribe()
 */
export const adminDeleteEmailDomainBlock = /* @__PURE__ */ endpoint('DELETE /api/v1/admin/email_domain_blocks/{id}', {
  fillPath, created: '4.0.0', changed: '4.0.0', returns: nothing, params: byId,
});
