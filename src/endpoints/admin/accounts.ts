import { endpoint, json, nothing, page } from '../define.js';
import { optionsOf, paginationParams, type PaginationOptions } from '../common.js';
import { bareDomain, optionalBoolean, optionalOneOf, optionalString } from './common.js';
import type { Admin_Account } from '../../entities/admin.js';
import { idOf, idsOf, optionalIdOf, type IdLike } from '../../ids.js';
import type { Params } from '../../http/params.js';
import type { Page } from '../../pagination/page.js';
import { fillPath } from '../../http/fill-path.js';

/** A moderation status to filter accounts by. */
export type AdminAccountStatus = 'active' | 'pending' | 'disabled' | 'silenced' | 'suspended';

/** What `adminAccountModerate` does to an account; `none` only warns. */
export type AdminModerationAction = 'none' | 'disable' | 'silence' | 'suspend' | 'sensitive';

const ADMIN_ACCOUNT_STATUSES: readonly AdminAccountStatus[] = ['active', 'pending', 'disabled', 'silenced', 'suspended'];
const ADMIN_MODERATION_ACTIONS: readonly AdminModerationAction[] = ['none', 'disable', 'silence', 'suspend', 'sensitive'];

/** The filters both versions of the admin account list take. */
export interface AdminAccountFilters extends PaginationOptions {
  /** Accounts of this domain only (`https://` and trailing `/` are removed). */
  by_domain?: string;
  /** Accounts with this moderation status only (v1's default: `active`). */
  status?: AdminAccountStatus;
  /** Accounts whose username contains this. */
  username?: string;
  /** Accounts whose display name contains this. */
  display_name?: string;
  /** Local users with this e-mail address. */
  email?: string;
  /** Local users last seen at this IP address. */
  ip?: string;
}

/** Options of `adminAccountsV2`. */
export interface AdminAccountsV2Options extends AdminAccountFilters {
  /** `local` or `remote` accounts only. */
  origin?: 'local' | 'remote';
  /** `staff`: staff accounts only. */
  permissions?: 'staff';
  /** Users invited by this account. */
  invited_by?: IdLike;
  /** Users with one of these roles. */
  role_ids?: IdLike | readonly IdLike[];
}

/** Options of `adminAccountsV1` and `adminAccounts`. */
export interface AdminAccountsV1Options extends AdminAccountFilters {
  /** Remote accounts instead of local ones. Default `false`. */
  remote?: boolean;
  /** Staff accounts only. Default `false`. */
  staff_only?: boolean;
}

/** Options of `adminAccountModerate`. */
export interface AdminAccountModerateOptions {
  /** `disable`, `silence`, `suspend` or `sensitive`; nothing (or `none`) only warns the user. */
  action?: AdminModerationAction;
  /** A report this action resolves. */
  report_id?: IdLike;
  /** A warning preset whose text is sent to the user. */
  warning_preset_id?: IdLike;
  /** A note to the user (after the preset's text, if any). */
  text?: string;
  /** Whether the user gets an e-mail about it. Default `true`. */
  send_email_notification?: boolean;
}

function v1Params(options: AdminAccountsV1Options | undefined): Params {
  const o = optionsOf(options);
  const status = optionalOneOf('status', o.status ?? 'active', ADMIN_ACCOUNT_STATUSES)!;
  return {
    ...paginationParams(o),
    remote: optionalBoolean('remote', o.remote) ? true : undefined,
    staff: optionalBoolean('staff_only', o.staff_only) ? true : undefined,
    [status]: true,
    by_domain: bareDomain('by_domain', o.by_domain),
    username: optionalString('username', o.username),
    display_name: optionalString('display_name', o.display_name),
    email: optionalString('email', o.email),
    ip: optionalString('ip', o.ip),
  };
}

function v2Params(options: AdminAccountsV2Options | undefined): Params {
  const o = optionsOf(options);
  return {
    ...paginationParams(o),
    origin: optionalOneOf('origin', o.origin, ['local', 'remote']),
    by_domain: bareDomain('by_domain', o.by_domain),
    status: optionalOneOf('status', o.status, ADMIN_ACCOUNT_STATUSES),
    username: optionalString('username', o.username),
    display_name: optionalString('display_name', o.display_name),
    email: optionalString('email', o.email),
    ip: optionalString('ip', o.ip),
    permissions: optionalOneOf('permissions', o.permissions, ['staff']),
    invited_by: optionalIdOf(o.invited_by, 'invited_by'),
    role_ids: o.role_ids === undefined || o.role_ids === null ? undefined : idsOf(o.role_ids, 'role_ids'),
  };
}

function moderateParams(id: IdLike, options: AdminAccountModerateOptions | undefined): Params {
  const o = optionsOf(options);
  return {
    id: idOf(id),
    type: optionalOneOf('action', o.action ?? 'none', ADMIN_MODERATION_ACTIONS),
    report_id: optionalIdOf(o.report_id, 'report_id'),
    warning_preset_id: optionalIdOf(o.warning_preset_id, 'warning_preset_id'),
    text: optionalString('text', o.text),
    send_email_notification: optionalBoolean('send_email_notification', o.send_email_notification) ?? true,
  };
}

const byId = (id: IdLike): Params => ({ id: idOf(id) });

/** One admin action on an account by id, returning the updated account. */
/* @__NO_SIDE_EFFECTS__ */
function accountAction(action: string) {
  return endpoint(`POST /api/v1/admin/accounts/{id}/${action}`, {
    fillPath, created: '2.9.1', changed: '4.0.0', returns: json<Admin_Account>, params: byId,
  });
}

// The admin API for accounts: listing, reading and moderating them. Needs admin scopes.

/**
 * Accounts matching the filters, local ones by default (API v2). Emits one {@link Page}.
 * Values outside the documented sets of `origin`, `status` and `permissions` are argument errors.
 * @example adminAccountsV2(client, { origin: 'remote', by_domain: 'chitter.xyz', status: 'silenced' })
 */
export const adminAccountsV2 = /* @__PURE__ */ endpoint('GET /api/v2/admin/accounts', {
  created: '2.9.1', changed: '4.0.0', returns: page<Admin_Account>,
  options: 0, params: (options?: AdminAccountsV2Options) => v2Params(options),
});

/**
 * Accounts matching the filters (API v1, deprecated since Mastodon 3.5; prefer `adminAccountsV2`).
 * Emits one {@link Page}.
 * @example adminAccountsV1(client, { remote: true, status: 'suspended', limit: 10 })
 */
export const adminAccountsV1 = /* @__PURE__ */ endpoint('GET /api/v1/admin/accounts', {
  created: '2.9.1', changed: '4.0.0', returns: page<Admin_Account>,
  options: 0, params: (options?: AdminAccountsV1Options) => v1Params(options),
});

/**
 * The same as `adminAccountsV1` (deprecated; prefer `adminAccountsV2`).
 * @example adminAccounts(client, { staff_only: true }).subscribe((page) => console.log(page.length))
 */
export const adminAccounts = /* @__PURE__ */ endpoint('GET /api/v1/admin/accounts', {
  created: '2.9.1', changed: '4.0.0', returns: page<Admin_Account>,
  options: 0, params: (options?: AdminAccountsV1Options) => v1Params(options),
});

/**
 * One account as moderators see it.
 * @example adminAccount(client, '109440137734600341').subscribe((a) => console.log(a.email))
 */
export const adminAccount = /* @__PURE__ */ endpoint('GET /api/v1/admin/accounts/{id}', {
  fillPath, created: '2.9.1', changed: '4.0.0', returns: json<Admin_Account>, params: byId,
});

/**
 * Re-enable login for a local account whose login was disabled.
 * @example adminAccountEnable(client, account).subscribe((a) => console.log(a.disabled))
 */
export const adminAccountEnable = /* @__PURE__ */ accountAction('enable');

/**
 * Approve a pending sign-up.
 * @example adminAccountApprove(client, account).subscribe((a) => console.log(a.approved))
 */
export const adminAccountApprove = /* @__PURE__ */ accountAction('approve');

/**
 * Reject and delete a pending sign-up; emits the account that is now gone.
 * @example adminAccountReject(client, account).subscribe()
 */
export const adminAccountReject = /* @__PURE__ */ accountAction('reject');

/**
 * Lift a silence (limit).
 * @example adminAccountUnsilence(client, account).subscribe((a) => console.log(a.silenced))
 */
export const adminAccountUnsilence = /* @__PURE__ */ accountAction('unsilence');

/**
 * Lift a suspension.
 * @example adminAccountUnsuspend(client, account).subscribe((a) => console.log(a.suspended))
 */
export const adminAccountUnsuspend = /* @__PURE__ */ accountAction('unsuspend');

/**
 * Stop forcing an account's media to be sensitive.
 * @example adminAccountUnsensitive(client, account).subscribe((a) => console.log(a.sensitized))
 */
export const adminAccountUnsensitive = /* @__PURE__ */ endpoint('POST /api/v1/admin/accounts/{id}/unsensitive', {
  fillPath, created: '3.3.0', changed: '4.0.0', returns: json<Admin_Account>, params: byId,
});

/**
 * Delete the data of a suspended account for good.
 * @example adminAccountDelete(client, account).subscribe()
 */
export const adminAccountDelete = /* @__PURE__ */ endpoint('DELETE /api/v1/admin/accounts/{id}', {
  fillPath, created: '3.3.0', changed: '4.0.0', returns: json<Admin_Account>, params: byId,
});

/**
 * Take a moderation action on an account: `disable`, `silence`, `suspend`, `sensitive`, or
 * only a warning. Any other action is an argument error. Optionally resolves a report.
 * @example adminAccountModerate(client, account, { action: 'silence', report_id: report, text: 'Please stop.' })
 */
export const adminAccountModerate = /* @__PURE__ */ endpoint('POST /api/v1/admin/accounts/{id}/action', {
  fillPath, created: '2.9.1', changed: '2.9.1', returns: nothing,
  options: 1, params: (id: IdLike, options?: AdminAccountModerateOptions) => moderateParams(id, options),
});
