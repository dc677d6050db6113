import { expandScopes } from '../../client/scopes.js';
import type { FakeAccount, FakeStatus, FakeStore, FakeUser } from '../store.js';
import { statusView } from './status-state.js';
import { instanceState } from './instance.js';
import { FakeHttpError, type FakeContext, type FakeReply, type FakeRequest, type FakeRoute } from './types.js';

/** A staff role of the fake server; every other user has the default role. */
export type FakeStaffRole = 'Owner' | 'Admin' | 'Moderator';

/** What moderators know about one local user. */
export interface FakeModeration {
  disabled: boolean;
  silenced: boolean;
  suspended: boolean;
  sensitized: boolean;
  approved: boolean;
  confirmed: boolean;
  /** Whose account's data was deleted for good (after a suspension). */
  deleted: boolean;
  role: FakeStaffRole | null;
  ip: string | null;
  /** The user's interface language; null when the user never chose one (the server's default applies). */
  locale: string | null;
  invite_request: string | null;
  invited_by_account_id: string | null;
}

/** A report as the fake server keeps it. */
export interface FakeReport {
  id: string;
  category: string;
  comment: string;
  forwarded: boolean;
  created_at: string;
  updated_at: string;
  action_taken_at: string | null;
  accountId: string;
  targetAccountId: string;
  assignedAccountId: string | null;
  actionTakenById: string | null;
  statuses: FakeStatus[];
  rule_ids: string[];
}

/** A domain block as the admin API serves it. */
export interface FakeDomainBlock {
  id: string;
  domain: string;
  created_at: string;
  severity: string;
  reject_media: boolean;
  reject_reports: boolean;
  private_comment: string | null;
  public_comment: string | null;
  obfuscate: boolean;
}

/** Roles as Mastodon 4.0 serves them: the default role and the staff ones. */
const ROLES: Readonly<Record<FakeStaffRole | 'default', Record<string, unknown>>> = {
  default: { id: -99, name: '', color: '', position: -1, permissions: 65536, highlighted: false },
  Moderator: { id: 1, name: 'Moderator', color: '', position: 10, permissions: 1308, highlighted: true },
  Admin: { id: 2, name: 'Admin', color: '', position: 100, permissions: 983036, highlighted: true },
  Owner: { id: 3, name: 'Owner', color: '', position: 1000, permissions: 1, highlighted: true },
};

/** Every permission bit of Mastodon 4.0's roles: what an administrator has. */
const ALL_PERMISSIONS = 0xfffff;
/** The permissions of the default role, which every role adds to its own. */
const EVERYONE_PERMISSIONS = 65536;

/**
 * A role as a user's own account shows it (`role` of the credential account): ids and the
 * permissions it grants, the default role's included, as strings.
 */
export function credentialRoleJson(role: FakeStaffRole | null): Record<string, unknown> {
  const { id, name, color, permissions, highlighted } = ROLES[role ?? 'default'];
  const granted = role === 'Owner' ? ALL_PERMISSIONS : Number(permissions) | EVERYONE_PERMISSIONS;
  return { id: String(id), name, permissions: String(granted), color, highlighted };
}

/** The interface language of users who chose none: the server's default. */
export const DEFAULT_LOCALE = 'en';

/** The role id of each role, for `role_ids` filters. */
export function roleIdOf(role: FakeStaffRole | null): string {
  return String(ROLES[role ?? 'default']['id']);
}

/**
 * The admin area's memory of the fake server: moderation state per user, reports, domain
 * blocks. Tests reach it through {@link fakeAdmin} to seed reports, pending users or staff
 * (the blocks are `fakeAdminBlocks`'s, the trend reviews `fakeTrendReview`'s).
 */
export class FakeAdminState {
  readonly moderation = new Map<string, FakeModeration>();
  readonly reports: FakeReport[] = [];
  readonly domainBlocks: FakeDomainBlock[] = [];
  /** The profiles of suspended accounts, which their accounts show again once unsuspended. */
  private readonly hiddenProfiles = new Map<string, Partial<FakeAccount>>();
  private lastReportId = 0;
  private lastDomainBlockId = 0;
  private readonly createdAt = new Date().toISOString();

  constructor(private readonly store: FakeStore) {}

  /**
   * The moderation state of a user, created on first use.
   * @example fakeAdmin(store).of(account.id).approved = false
   */
  of(accountId: string): FakeModeration {
    let state = this.moderation.get(accountId);
    if (!state) {
      state = {
        disabled: false, silenced: false, suspended: false, sensitized: false, approved: true,
        confirmed: true, deleted: false, role: null, ip: null, locale: null, invite_request: null,
        invited_by_account_id: null,
      };
      this.moderation.set(accountId, state);
    }
    return state;
  }

  /**
   * Makes an account show its moderation state as Mastodon's accounts do, wherever it appears:
   * `limited: true` while silenced; while suspended, `suspended: true` and an empty profile (no
   * name, note, fields, emoji or pictures, not locked, discoverable or a bot), shown again once
   * unsuspended.
   * @example admin.of(account.id).suspended = true; admin.showModeration(account);
   */
  showModeration(account: FakeAccount): void {
    const state = this.of(account.id);
    if (state.silenced) account['limited'] = true;
    else delete account['limited'];
    const hidden = this.hiddenProfiles.get(account.id);
    if (state.suspended && !hidden) {
      const { display_name, note, locked, bot, discoverable, fields, emojis, avatar, avatar_static, header, header_static } = account;
      this.hiddenProfiles.set(account.id, { display_name, note, locked, bot, discoverable, fields, emojis, avatar, avatar_static, header, header_static });
      const avatarMissing = `${this.store.baseUrl}/avatars/original/missing.png`;
      const headerMissing = `${this.store.baseUrl}/headers/original/missing.png`;
      Object.assign(account, {
        display_name: '', note: '', locked: false, bot: false, discoverable: false, fields: [], emojis: [],
        avatar: avatarMissing, avatar_static: avatarMissing, header: headerMissing, header_static: headerMissing, suspended: true,
      });
    } else if (!state.suspended && hidden) {
      Object.assign(account, hidden);
      delete account['suspended'];
      this.hiddenProfiles.delete(account.id);
    }
  }

  /**
   * The staff: users with a staff role, who may manage reports and sign-ups (every role of the
   * fake server may), and who get the `admin.report` and `admin.sign_up` notifications.
   * @example fakeAdmin(store).of(me.account.id).role = 'Moderator'   // one more of the staff
   */
  staff(): FakeUser[] {
    return [...this.store.users.values()].filter((user) => {
      const state = this.moderation.get(user.account.id);
      return state !== undefined && state.role !== null && !state.deleted;
    });
  }

  /**
   * Files a report by `reporter` about `target`, as `POST /api/v1/reports` does, and tells the
   * staff with an `admin.report` notification, unless an earlier report about the same account
   * is still open (as Mastodon spares them).
   * @example fakeAdmin(store).fileReport(alice.account, bob.account, { comment: 'spam' })
   */
  fileReport(reporter: FakeAccount, target: FakeAccount, details: { comment?: string; category?: string; statuses?: FakeStatus[]; forwarded?: boolean; rule_ids?: string[] } = {}): FakeReport {
    const now = new Date().toISOString();
    const report: FakeReport = {
      id: String(++this.lastReportId), category: details.category ?? 'other', comment: details.comment ?? '',
      forwarded: details.forwarded ?? false, created_at: now, updated_at: now, action_taken_at: null,
      accountId: reporter.id, targetAccountId: target.id, assignedAccountId: null, actionTakenById: null,
      statuses: details.statuses ?? [], rule_ids: details.rule_ids ?? [],
    };
    const sibling = this.reports.some((r) => r.targetAccountId === target.id && r.action_taken_at === null);
    this.reports.push(report);
    this.store.notify({ type: 'admin.report', report });
    if (!sibling) {
      for (const staff of this.staff()) this.store.addNotification('admin.report', staff.account.id, reporter, undefined, { report: this.userReport(report) });
    }
    return report;
  }

  /**
   * Adds a domain block; ids are small integers as in Mastodon.
   * @example admin.addDomainBlock({ domain: 'spam.example', severity: 'suspend', reject_media: false, reject_reports: false, private_comment: null, public_comment: null, obfuscate: false })
   */
  addDomainBlock(fields: Omit<FakeDomainBlock, 'id' | 'created_at'>): FakeDomainBlock {
    const block: FakeDomainBlock = { id: String(++this.lastDomainBlockId), created_at: new Date().toISOString(), ...fields };
    this.domainBlocks.push(block);
    return block;
  }

  /**
   * The admin view of a user's account.
   * @example admin.adminAccount(store.userByLogin('alice')!)
   */
  adminAccount(user: FakeUser): Record<string, unknown> {
    const state = this.of(user.account.id);
    return {
      id: user.account.id,
      username: user.account.username,
      domain: null,
      created_at: user.account.created_at,
      email: user.email,
      ip: state.ip,
      role: { ...ROLES[state.role ?? 'default'], created_at: this.createdAt, updated_at: this.createdAt },
      confirmed: state.confirmed,
      suspended: state.suspended,
      silenced: state.silenced,
      sensitized: state.sensitized,
      disabled: state.disabled,
      approved: state.approved,
      locale: state.locale,
      invite_request: state.invite_request,
      ...(state.invited_by_account_id ? { invited_by_account_id: state.invited_by_account_id } : {}),
      ips: state.ip ? [{ ip: state.ip, used_at: this.createdAt }] : [],
      account: { ...user.account },
    };
  }

  /**
   * A report as its reporter (and an `admin.report` notification) shows it: the `Report` entity.
   * @example admin.userReport(admin.reports[0]!)
   */
  userReport(report: FakeReport): Record<string, unknown> {
    return {
      id: report.id, action_taken: report.action_taken_at !== null, action_taken_at: report.action_taken_at,
      category: report.category, comment: report.comment, forwarded: report.forwarded, created_at: report.created_at,
      status_ids: report.statuses.length > 0 ? report.statuses.map((s) => s.id) : null,
      rule_ids: report.rule_ids.length > 0 ? report.rule_ids : null,
      target_account: this.store.accountById(report.targetAccountId) ?? null,
    };
  }

  /**
   * The admin view of a report, its statuses as `viewer` (the moderator asking) sees them.
   * @example admin.adminReport(admin.reports[0]!, moderator.account.id)
   */
  adminReport(report: FakeReport, viewer?: string): Record<string, unknown> {
    const account = (id: string | null): Record<string, unknown> | null => {
      const user = id === null ? undefined : this.store.users.get(id);
      return user ? this.adminAccount(user) : null;
    };
    return {
      id: report.id, action_taken: report.action_taken_at !== null, action_taken_at: report.action_taken_at,
      category: report.category, comment: report.comment, forwarded: report.forwarded,
      created_at: report.created_at, updated_at: report.updated_at,
      account: account(report.accountId), target_account: account(report.targetAccountId),
      assigned_account: account(report.assignedAccountId), action_taken_by_account: account(report.actionTakenById),
      statuses: report.statuses.map((status) => statusView(this.store, status, viewer)), rules: report.rule_ids.map((id) => instanceState(this.store).rules.find((rule) => rule.id === id) ?? { id, text: '' }),
    };
  }
}

/**
 * The admin state of a fake server's store: moderation, reports, domain blocks.
 *
 * ## Example
 * ```ts
 * const admin = fakeAdmin(server.store);
 * admin.fileReport(alice.account, bob.account, { comment: 'spam' });
 * admin.of(carol.account.id).approved = false;   // a pending sign-up
 * ```
 */
export function fakeAdmin(store: FakeStore): FakeAdminState {
  return store.extension('admin', () => new FakeAdminState(store));
}

/**
 * A route for staff: a user token carrying one of `scopes` (composites expanded), else 403
 * as Mastodon answers.
 * @example adminRoute(['admin:read'], (req, admin) => ({ json: admin.trendingTags }))
 */
export function adminRoute(scopes: readonly string[], handle: (req: FakeRequest, admin: FakeAdminState, store: FakeStore, context: FakeContext) => FakeReply): FakeRoute {
  return {
    auth: 'user',
    handle: (req, context) => {
      const granted = expandScopes(req.token?.scopes ?? []);
      if (!scopes.some((scope) => granted.has(scope))) throw new FakeHttpError(403, 'This action is outside the authorized scopes');
      return handle(req, fakeAdmin(context.store), context.store, context);
    },
  };
}
