import { defer, type Observable } from 'rxjs';
import { call } from '../../client/call.js';
import type { MastodonClient } from '../../client/client.js';
import { endpoint, json, nothing, page, row } from '../define.js';
import { optionsOf, paginationParams, requiredString, type PaginationOptions } from '../common.js';
import { optionalBoolean, optionalOneOf, optionalString } from './common.js';
import type { Admin_DomainBlock, Admin_DomainBlockSeverity } from '../../entities/admin.js';
import { idOf, type IdLike } from '../../ids.js';
import type { Params } from '../../http/params.js';
import type { Page } from '../../pagination/page.js';
import { fillPath } from '../../http/fill-path.js';

const DOMAIN_BLOCK_SEVERITIES: readonly Admin_DomainBlockSeverity[] = ['silence', 'suspend', 'noop'];

/** What a domain block does; every member is optional. */
export interface AdminDomainBlockOptions {
  /** `silence` (the server's default), `suspend`, or `noop` (only the media and report rejections). */
  severity?: Admin_DomainBlockSeverity;
  /** Do not download media from the domain. */
  reject_media?: boolean;
  /** Ignore reports from the domain. */
  reject_reports?: boolean;
  /** A note for moderators only. */
  private_comment?: string;
  /** A note shown to users. */
  public_comment?: string;
  /** Partly hide the domain in public lists. */
  obfuscate?: boolean;
}

/** Options of `adminDomainBlocks`: one block by `id`, or a page of them. */
export interface AdminDomainBlocksOptions extends PaginationOptions {
  /** Fetch this one block instead of a list. */
  id?: IdLike;
}

function blockParams(o: Partial<AdminDomainBlockOptions>): Params {
  return {
    severity: optionalOneOf('severity', o.severity, DOMAIN_BLOCK_SEVERITIES),
    reject_media: optionalBoolean('reject_media', o.reject_media),
    reject_reports: optionalBoolean('reject_reports', o.reject_reports),
    private_comment: optionalString('private_comment', o.private_comment),
    public_comment: optionalString('public_comment', o.public_comment),
    obfuscate: optionalBoolean('obfuscate', o.obfuscate),
  };
}

/** `GET` of one block, behind `adminDomainBlocks({ id })`. */
export const adminDomainBlockRow = /* @__PURE__ */ row('GET /api/v1/admin/domain_blocks/{id}', {
  fillPath, created: '4.0.0', changed: '4.0.0', returns: json<Admin_DomainBlock>,
  params: (id: IdLike) => ({ id: idOf(id) }),
});

/** `GET` of the list, behind `adminDomainBlocks()`. */
export const adminDomainBlockListRow = /* @__PURE__ */ row('GET /api/v1/admin/domain_blocks/', {
  created: '4.0.0', changed: '4.0.0', returns: page<Admin_DomainBlock>,
  options: 0, params: (options: PaginationOptions) => paginationParams(options),
});

// Creating, changing and lifting domain blocks. Needs admin scopes.

/**
 * Block a domain: silence it by default, or as `severity` says (checked before sending).
 * @example adminCreateDomainBlock(client, 'spam.example', { severity: 'suspend', public_comment: 'Spam' })
 */
export const adminCreateDomainBlock = /* @__PURE__ */ endpoint('POST /api/v1/admin/domain_blocks/', {
  created: '4.0.0', changed: '4.0.0', returns: json<Admin_DomainBlock>,
  options: 1, params: (domain: string, options?: AdminDomainBlockOptions) => ({
    domain: requiredString('domain', domain),
    ...blockParams(optionsOf(options)),
  }),
});

/**
 * Change a domain block.
 * @example adminUpdateDomainBlock(client, block, { severity: 'silence', private_comment: 'Calmer now' })
 */
export const adminUpdateDomainBlock = /* @__PURE__ */ endpoint('PUT /api/v1/admin/domain_blocks/{id}', {
  fillPath, created: '4.0.0', changed: '4.0.0', returns: json<Admin_DomainBlock>,
  options: 1, params: (id: IdLike, options?: AdminDomainBlockOptions) => ({ id: idOf(id), ...blockParams(optionsOf(options)) }),
});

/**
 * Lift a domain block. The id is required (an object with an `id`, such as the block, works too).
 * @example adminDeleteDomainBlock(client, block).subscribe()
 */
export const adminDeleteDomainBlock = /* @__PURE__ */ endpoint('DELETE /api/v1/admin/domain_blocks/{id}', {
  fillPath, created: '4.0.0', changed: '4.0.0', returns: nothing,
  params: (id: IdLike) => ({ id: idOf(id) }),
});

/**
 * With `id`, the one domain block of that id; otherwise a {@link Page} of all blocks.
 * @example adminDomainBlocks(client, { limit: 50 }).subscribe((blocks) => console.log(blocks))
 */
export function adminDomainBlocks(client: MastodonClient, options?: AdminDomainBlocksOptions): Observable<Admin_DomainBlock | Page<Admin_DomainBlock>> {
  return defer(() => {
    const o = optionsOf(options);
    const { id, ...pagination } = o;
    return id === undefined || id === null
      ? call(client, adminDomainBlockListRow, [pagination])
      : call(client, adminDomainBlockRow, [id]);
  });
}
