import { pageReply } from '../paginate.js';
import type { FakeStore, FakeUser } from '../store.js';
import type { ParsedParams } from '../params.js';
import { adminRoute, roleIdOf, type FakeAdminState, type FakeDomainBlock, type FakeReport } from './admin-state.js';
import { instanceState } from './instance.js';
import { bool, FakeHttpError, list, str, userOf, type FakeReply, type FakeRequest, type FakeRoute, type FakeRoutes } from './types.js';

const READ_ACCOUNTS = ['admin:read', 'admin:read:accounts'];
const WRITE_ACCOUNTS = ['admin:write', 'admin:write:accounts'];
const READ_REPORTS = ['admin:read', 'admin:read:reports'];
const WRITE_REPORTS = ['admin:write', 'admin:write:reports'];
const READ_BLOCKS = ['admin:read', 'admin:read:domain_blocks'];
const WRITE_BLOCKS = ['admin:write', 'admin:write:domain_blocks'];

function targetUser(store: FakeStore, admin: FakeAdminState, req: FakeRequest): FakeUser {
  const user = store.users.get(req.pathParams['id']!);
  if (!user || admin.of(user.account.id).deleted) throw new FakeHttpError(404, 'Record not found');
  return user;
}

function contains(haystack: string, needle: string | undefined): boolean {
  return needle === undefined || haystack.toLowerCase().includes(needle.toLowerCase());
}

/** The users matching the filters both account APIs share, newest first. */
function filteredUsers(store: FakeStore, admin: FakeAdminState, params: ParsedParams, status: string | undefined, staffOnly: boolean, remote: boolean): FakeUser[] {
  if (remote || str(params, 'by_domain') !== undefined) return [];
  const username = str(params, 'username');
  const displayName = str(params, 'display_name');
  const email = str(params, 'email');
  const ip = str(params, 'ip');
  return [...store.users.values()].filter((user) => {
    const state = admin.of(user.account.id);
    if (state.deleted) return false;
    if (!contains(user.account.username, username) || !contains(user.account.display_name, displayName)) return false;
    if (!contains(user.email, email) || (ip !== undefined && state.ip !== ip)) return false;
    if (staffOnly && state.role === null) return false;
    switch (status) {
      case 'active': return !state.suspended && state.approved;
      case 'pending': return !state.approved;
      case 'disabled': return state.disabled;
      case 'silenced': return state.silenced;
      case 'suspended': return state.suspended;
      default: return true;
    }
  }).reverse();
}

function accountReply(admin: FakeAdminState, user: FakeUser): FakeReply {
  return { json: admin.adminAccount(user) };
}

/** An account action that needs `allowed` to hold first (403 otherwise, as Mastodon's policies). */
function accountAction(allowed: (admin: FakeAdminState, user: FakeUser) => boolean, act: (admin: FakeAdminState, user: FakeUser, store: FakeStore) => void): FakeRoute {
  return adminRoute(WRITE_ACCOUNTS, (req, admin, store) => {
    const user = targetUser(store, admin, req);
    if (!allowed(admin, user)) throw new FakeHttpError(403, 'This action is not allowed');
    act(admin, user, store);
    admin.showModeration(user.account);
    return accountReply(admin, user);
  });
}

const MODERATION_TYPES = ['none', 'disable', 'sensitive', 'silence', 'suspend'];
const REPORT_CATEGORIES = ['spam', 'legal', 'violation', 'other'];

function findReport(admin: FakeAdminState, req: FakeRequest): FakeReport {
  const report = admin.reports.find((r) => r.id === req.pathParams['id']);
  if (!report) throw new FakeHttpError(404, 'Record not found');
  return report;
}

function reportAction(act: (report: FakeReport, me: FakeUser) => void): FakeRoute {
  return adminRoute(WRITE_REPORTS, (req, admin) => {
    const report = findReport(admin, req);
    act(report, userOf(req));
    report.updated_at = new Date().toISOString();
    return { json: admin.adminReport(report, userOf(req).account.id) };
  });
}

function resolve(report: FakeReport, by: string): void {
  report.action_taken_at = new Date().toISOString();
  report.actionTakenById = by;
}

function findBlock(admin: FakeAdminState, req: FakeRequest): FakeDomainBlock {
  const block = admin.domainBlocks.find((b) => b.id === req.pathParams['id']);
  if (!block) throw new FakeHttpError(404, 'Record not found');
  return block;
}

const SEVERITIES = ['silence', 'suspend', 'noop'];

/** Applies the optional fields of a create or update to a block, as Rails casts them. */
function blockFields(params: ParsedParams, block: Partial<FakeDomainBlock>): void {
  const severity = str(params, 'severity');
  if (severity !== undefined) {
    if (!SEVERITIES.includes(severity)) throw new FakeHttpError(422, `'${severity}' is not a valid severity`);
    block.severity = severity;
  }
  for (const flag of ['reject_media', 'reject_reports', 'obfuscate'] as const) {
    if (params[flag] !== undefined) block[flag] = bool(params, flag);
  }
  for (const comment of ['private_comment', 'public_comment'] as const) {
    if (params[comment] !== undefined) block[comment] = str(params, comment) ?? null;
  }
}

function blockJson(block: FakeDomainBlock): Record<string, unknown> {
  return { ...block };
}

/** The admin API: accounts, moderation, reports and domain blocks. */
export const adminRoutes: FakeRoutes = {
  'GET /api/v2/admin/accounts': adminRoute(READ_ACCOUNTS, (req, admin, store) => {
    const p = req.params;
    const roleIds = list(p, 'role_ids');
    const invitedBy = str(p, 'invited_by');
    const users = filteredUsers(store, admin, p, str(p, 'status'), str(p, 'permissions') === 'staff', str(p, 'origin') === 'remote')
      .filter((user) => {
        const state = admin.of(user.account.id);
        if (invitedBy !== undefined && state.invited_by_account_id !== invitedBy) return false;
        return roleIds.length === 0 || roleIds.includes(roleIdOf(state.role));
      });
    return pageReply(req, users.map((user) => admin.adminAccount(user)), { defaultLimit: 100, maxLimit: 200 });
  }),

  'GET /api/v1/admin/accounts': adminRoute(READ_ACCOUNTS, (req, admin, store) => {
    const p = req.params;
    const status = ['active', 'pending', 'disabled', 'silenced', 'suspended'].find((name) => bool(p, name));
    const users = filteredUsers(store, admin, p, status, bool(p, 'staff'), bool(p, 'remote'));
    return pageReply(req, users.map((user) => admin.adminAccount(user)), { defaultLimit: 100, maxLimit: 200 });
  }),

  'GET /api/v1/admin/accounts/{id}': adminRoute(READ_ACCOUNTS, (req, admin, store) => accountReply(admin, targetUser(store, admin, req))),

  'POST /api/v1/admin/accounts/{id}/enable': accountAction(() => true, (admin, user) => { admin.of(user.account.id).disabled = false; }),
  'POST /api/v1/admin/accounts/{id}/approve': accountAction((admin, user) => !admin.of(user.account.id).approved,
    (admin, user) => { admin.of(user.account.id).approved = true; }),
  'POST /api/v1/admin/accounts/{id}/reject': accountAction((admin, user) => !admin.of(user.account.id).approved,
    (admin, user, store) => {
      admin.of(user.account.id).deleted = true;
      store.users.delete(user.account.id);
    }),
  'POST /api/v1/admin/accounts/{id}/unsilence': accountAction(() => true, (admin, user) => { admin.of(user.account.id).silenced = false; }),
  'POST /api/v1/admin/accounts/{id}/unsuspend': accountAction((admin, user) => admin.of(user.account.id).suspended,
    (admin, user) => { admin.of(user.account.id).suspended = false; }),
  'POST /api/v1/admin/accounts/{id}/unsensitive': accountAction(() => true, (admin, user) => { admin.of(user.account.id).sensitized = false; }),
  'DELETE /api/v1/admin/accounts/{id}': accountAction((admin, user) => admin.of(user.account.id).suspended,
    (admin, user) => { admin.of(user.account.id).deleted = true; }),

  'POST /api/v1/admin/accounts/{id}/action': adminRoute(WRITE_ACCOUNTS, (req, admin, store) => {
    const user = targetUser(store, admin, req);
    const type = str(req.params, 'type') ?? 'none';
    if (!MODERATION_TYPES.includes(type)) throw new FakeHttpError(422, 'Validation failed: Type is not included in the list');
    const state = admin.of(user.account.id);
    if (type === 'disable') state.disabled = true;
    if (type === 'silence') state.silenced = true;
    if (type === 'suspend') state.suspended = true;
    if (type === 'sensitive') state.sensitized = true;
    admin.showModeration(user.account);
    const reportId = str(req.params, 'report_id');
    if (reportId !== undefined) {
      const report = admin.reports.find((r) => r.id === reportId);
      if (!report) throw new FakeHttpError(404, 'Record not found');
      resolve(report, userOf(req).account.id);
    }
    return { json: {} };
  }),

  'GET /api/v1/admin/reports': adminRoute(READ_REPORTS, (req, admin) => {
    const resolved = bool(req.params, 'resolved');
    const accountId = str(req.params, 'account_id');
    const targetId = str(req.params, 'target_account_id');
    const reports = admin.reports.filter((r) => (r.action_taken_at !== null) === resolved
      && (accountId === undefined || r.accountId === accountId)
      && (targetId === undefined || r.targetAccountId === targetId)).reverse();
    return pageReply(req, reports.map((r) => admin.adminReport(r, userOf(req).account.id)), { defaultLimit: 100, maxLimit: 200 });
  }),
  'GET /api/v1/admin/reports/{id}': adminRoute(READ_REPORTS, (req, admin) => ({ json: admin.adminReport(findReport(admin, req), userOf(req).account.id) })),
  'PUT /api/v1/admin/reports/{id}': adminRoute(WRITE_REPORTS, (req, admin, store) => {
    const report = findReport(admin, req);
    const category = str(req.params, 'category');
    if (category !== undefined && !REPORT_CATEGORIES.includes(category)) {
      throw new FakeHttpError(422, 'Validation failed: Category is not included in the list');
    }
    const ruleIds = req.params['rule_ids'] === undefined ? undefined : list(req.params, 'rule_ids');
    const rules = instanceState(store).rules.map((rule) => rule.id);
    if (ruleIds?.some((id) => !rules.includes(id))) throw new FakeHttpError(422, 'Validation failed: Rule ids does not reference valid rules');
    report.category = category ?? report.category;
    report.rule_ids = ruleIds ?? report.rule_ids;
    report.updated_at = new Date().toISOString();
    return { json: admin.adminReport(report, userOf(req).account.id) };
  }),
  'POST /api/v1/admin/reports/{id}/assign_to_self': reportAction((report, me) => { report.assignedAccountId = me.account.id; }),
  'POST /api/v1/admin/reports/{id}/unassign': reportAction((report) => { report.assignedAccountId = null; }),
  'POST /api/v1/admin/reports/{id}/reopen': reportAction((report) => {
    report.action_taken_at = null;
    report.actionTakenById = null;
  }),
  'POST /api/v1/admin/reports/{id}/resolve': reportAction((report, me) => resolve(report, me.account.id)),

  'GET /api/v1/admin/domain_blocks/': adminRoute(READ_BLOCKS, (req, admin) =>
    pageReply(req, [...admin.domainBlocks].reverse().map(blockJson), { defaultLimit: 100, maxLimit: 200 })),
  'GET /api/v1/admin/domain_blocks/{id}': adminRoute(READ_BLOCKS, (req, admin) => ({ json: blockJson(findBlock(admin, req)) })),
  'POST /api/v1/admin/domain_blocks/': adminRoute(WRITE_BLOCKS, (req, admin) => {
    const domain = str(req.params, 'domain')?.trim();
    if (!domain) throw new FakeHttpError(422, "Validation failed: Domain can't be blank");
    const existing = admin.domainBlocks.find((b) => b.domain === domain);
    if (existing) throw new FakeHttpError(422, 'Validation failed: Domain has already been taken', { existing_domain_block: blockJson(existing) });
    const fields: Partial<FakeDomainBlock> = {
      severity: 'silence', reject_media: false, reject_reports: false, private_comment: null, public_comment: null, obfuscate: false,
    };
    blockFields(req.params, fields);
    return { json: blockJson(admin.addDomainBlock({ ...(fields as Omit<FakeDomainBlock, 'id' | 'created_at' | 'domain'>), domain })) };
  }),
  'PUT /api/v1/admin/domain_blocks/{id}': adminRoute(WRITE_BLOCKS, (req, admin) => {
    const block = findBlock(admin, req);
    blockFields(req.params, block);
    return { json: blockJson(block) };
  }),
  'DELETE /api/v1/admin/domain_blocks/{id}': adminRoute(WRITE_BLOCKS, (req, admin) => {
    const block = findBlock(admin, req);
    admin.domainBlocks.splice(admin.domainBlocks.indexOf(block), 1);
    return { json: {} };
  }),

};

