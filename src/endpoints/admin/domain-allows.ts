import { endpoint, json, nothing, page } from '../define.js';
import { pageParams, type PaginationOptions } from '../common.js';
import { requiredText } from './common.js';
import type { Admin_DomainAllow } from '../../entities/admin-blocks.js';
import { idOf, type IdLike } from '../../ids.js';
import type { Params } from '../../http/params.js';
import type { Page } from '../../pagination/page.js';
import { fillPath } from '../../http/fill-path.js';

const byId = (id: IdLike): Params => ({ id: idOf(id) });

// Domain allows: on a server in limited federation mode, the domains it federates with.
// Needs admin scopes.

/**
 * The allowed domains, newest first. Emits one {@link Page}.
 * @example adminDomainAllows(client).subscribe((page) => console.log(page.map((allow) => allow.domain)))
 */
export const adminDomainAllows = /* @__PURE__ */ endpoint('GET /api/v1/admin/domain_allows', {
  created: '4.0.0', changed: '4.0.0', returns: page<Admin_DomainAllow>,
  options: 0, params: (options?: PaginationOptions) => pageParams(options),
});

/**
 * One allowed domain.
 * @example adminDomainAllow(client, '1').subscribe((allow) => console.log(allow.created_at))
 */
export const adminDomainAllow = /* @__PURE__ */ endpoint('GET /api/v1/admin/domain_allows/{id}', {
  fillPath, created: '4.0.0', changed: '4.0.0', returns: json<Admin_DomainAllow>, params: byId,
});

/**
 * Allow a domain to federate. An empty domain is an argument error; a domain already allowed
 * is answered with its allow.
 * @example adminCreateDomainAllow(client, 'friendly.example').subscribe((allow) => console.log(allow.id))
 */
export const adminCreateDomainAllow = /* @__PURE__ */ endpoint('POST /api/v1/admin/domain_allows', {
  created: '4.0.0', changed: '4.0.0', returns: json<Admin_DomainAllow>,
  params: (domain: string) => ({ domain: requiredText('domain', domain) }),
});

/**
 * Stop allowing a domain to federate.
 * @example adminDeleteDomainAllow(client, allow).subscribe()
 */
export const adminDeleteDomainAllow = /* @__PURE__ */ endpoint('DELETE /api/v1/admin/domain_allows/{id}', {
  fillPath, created: '4.0.0', changed: '4.0.0', returns: nothing, params: byId,
});
