import { randomBytes } from 'node:crypto';
import { groupKeyFor } from './notification-groups.js';

/** A registered app in the fake server. */
export interface FakeApp {
  id: string;
  name: string;
  website: string | null;
  redirect_uri: string;
  client_id: string;
  client_secret: string;
  scopes: string[];
}

/** An issued token; `accountId` is null for app tokens (client credentials). */
export interface FakeToken {
  token: string;
  clientId: string | null;
  accountId: string | null;
  scopes: string[];
  /**
   * A refresh token the fake takes in a `refresh_token` grant, for tests of a client's refresh
   * path. Mastodon issues none, so the fake never sends it: tests read it here.
   */
  refreshToken: string;
}

/** A user of the fake server: the account as the API shows it, and how to log in. */
export interface FakeUser {
  account: FakeAccount;
  email: string;
  password: string;
}

/** The JSON shape of an account as the fake server serves it. */
export interface FakeAccount {
  id: string;
  username: string;
  acct: string;
  display_name: string;
  locked: boolean;
  bot: boolean;
  discoverable: boolean | null;
  group: boolean;
  created_at: string;
  note: string;
  url: string;
  avatar: string;
  avatar_static: string;
  header: string;
  header_static: string;
  followers_count: number;
  following_count: number;
  statuses_count: number;
  last_status_at: string | null;
  emojis: unknown[];
  fields: { name: string; value: string; verified_at: string | null }[];
  /** Whether the user asks search engines not to index them; local accounts have it (Mastodon 4.0+). */
  noindex?: boolean;
  [extra: string]: unknown;
}

/**
 * A status as the fake server keeps it: the JSON every reader sees. What depends on the reader
 * (`favourited`, `pinned`… and a poll's `voted`) is added by `statusView` in
 * `routes/status-state.ts`, which every route serving statuses goes through.
 */
export interface FakeStatus {
  id: string;
  created_at: string;
  account: FakeAccount;
  content: string;
  visibility: string;
  [field: string]: unknown;
}

/** A change in the fake server's memory, for streams and notifications to follow. */
export interface StoreChange {
  /** Such as `status.created`, `status.deleted`, `status.updated`, `notification.created`. */
  readonly type: string;
  readonly [detail: string]: unknown;
}

/** A notification as the fake server keeps it. */
export interface FakeNotification {
  id: string;
  type: string;
  created_at: string;
  /** Whose notification it is. */
  recipientId: string;
  account: FakeAccount;
  status?: FakeStatus | null;
  /** The report, for `admin.report`. */
  report?: Record<string, unknown>;
  /** Shared with the notifications it groups with, by Mastodon's rules; else `ungrouped-{id}`. */
  group_key: string;
  /** Whether the recipient's notification policy filtered it: it waits in a notification request. */
  filtered: boolean;
}

/** Options of {@link FakeStore.addNotification}. */
export interface AddNotificationOptions {
  /** The report, for `admin.report`. */
  report?: Record<string, unknown>;
  /** Filtered by the recipient's notification policy: kept out of the list and the streams. */
  filtered?: boolean;
  /** When it happened; now by default. */
  at?: Date;
}

/**
 * The fake server's memory: apps, tokens, users and statuses, with snowflake ids that grow
 * with time like Mastodon's.
 */
export class FakeStore {
  readonly apps = new Map<string, FakeApp>();
  readonly tokens = new Map<string, FakeToken>();
  readonly users = new Map<string, FakeUser>();
  /** All statuses, oldest first. */
  readonly statuses: FakeStatus[] = [];
  readonly statusById = new Map<string, FakeStatus>();
  /** Source text of statuses, by id, for deletes and edits. */
  readonly sourceText = new Map<string, string>();
  /** Follow edges: follower id → followed ids. */
  readonly follows = new Map<string, Set<string>>();
  /** Idempotency keys already used, by token: key → status id. */
  readonly idempotency = new Map<string, string>();

  /** All notifications, oldest first. */
  readonly notifications: FakeNotification[] = [];

  private lastId = 0n;
  private readonly listeners = new Set<(change: StoreChange) => void>();
  private readonly extensions = new Map<string, unknown>();

  constructor(readonly baseUrl: string) {}

  /**
   * State of one area of the fake server (lists, filters, ...), created on first use: areas
   * keep their own state here instead of growing this class.
   */
  extension<T>(key: string, create: () => T): T {
    if (!this.extensions.has(key)) this.extensions.set(key, create());
    return this.extensions.get(key) as T;
  }

  /** Calls `listener` with every change from now on; returns a function that stops it. */
  listen(listener: (change: StoreChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Tells the listeners about a change. */
  notify(change: StoreChange): void {
    for (const listener of this.listeners) listener(change);
  }

  /**
   * Adds a notification for `recipientId` about `account` (and `status`, or a `report`), with its group key, and
   * tells the listeners unless it is filtered. The recipient's notification policy is not asked:
   * `deliverNotification` (in `mastodon-rx/testing`) is what the routes call, as Mastodon does.
   */
  addNotification(type: string, recipientId: string, account: FakeAccount, status?: FakeStatus, options: AddNotificationOptions = {}): FakeNotification {
    const at = options.at ?? new Date();
    const notification: FakeNotification = {
      id: this.nextId(at.getTime()), type, created_at: at.toISOString(), recipientId, account, status: status ?? null,
      group_key: '', filtered: options.filtered ?? false, ...(options.report ? { report: options.report } : {}),
    };
    notification.group_key = groupKeyFor(this, notification);
    this.notifications.push(notification);
    if (!notification.filtered) this.notify({ type: 'notification.created', notification });
    return notification;
  }

  /** A new snowflake id: milliseconds since the epoch in the high bits, a sequence below. */
  nextId(at: number = Date.now()): string {
    const candidate = BigInt(at) << 16n;
    this.lastId = candidate > this.lastId ? candidate : this.lastId + 1n;
    return this.lastId.toString();
  }

  /** A random token-like string. */
  secret(): string {
    return randomBytes(24).toString('base64url');
  }

  registerApp(name: string, redirectUri: string, scopes: string[], website: string | null): FakeApp {
    const app: FakeApp = {
      id: String(this.apps.size + 1), name, website, redirect_uri: redirectUri,
      client_id: this.secret(), client_secret: this.secret(), scopes,
    };
    this.apps.set(app.client_id, app);
    return app;
  }

  issueToken(clientId: string | null, accountId: string | null, scopes: string[]): FakeToken {
    const token: FakeToken = { token: this.secret(), clientId, accountId, scopes, refreshToken: this.secret() };
    this.tokens.set(token.token, token);
    return token;
  }

  /** Adds a user; its account is local to the fake server. */
  addUser(username: string, email: string, password: string, extra: Partial<FakeAccount> = {}): FakeUser {
    const id = this.nextId();
    const account: FakeAccount = {
      id, username, acct: username, display_name: username, locked: false, bot: false,
      discoverable: null, group: false, created_at: new Date().toISOString(), note: '',
      url: `${this.baseUrl}/@${username}`,
      avatar: `${this.baseUrl}/avatars/original/missing.png`,
      avatar_static: `${this.baseUrl}/avatars/original/missing.png`,
      header: `${this.baseUrl}/headers/original/missing.png`,
      header_static: `${this.baseUrl}/headers/original/missing.png`,
      followers_count: 0, following_count: 0, statuses_count: 0, last_status_at: null, noindex: false,
      emojis: [], fields: [], ...extra,
    };
    const user: FakeUser = { account, email, password };
    this.users.set(id, user);
    return user;
  }

  userByLogin(login: string): FakeUser | undefined {
    for (const user of this.users.values()) {
      if (user.email === login || user.account.username === login) return user;
    }
    return undefined;
  }

  accountById(id: string): FakeAccount | undefined {
    return this.users.get(id)?.account;
  }

  /** Stores a new status by `account` and returns it. */
  addStatus(account: FakeAccount, text: string, fields: Partial<FakeStatus> = {}): FakeStatus {
    const id = this.nextId();
    const status: FakeStatus = {
      id, created_at: new Date().toISOString(), in_reply_to_id: null, in_reply_to_account_id: null,
      sensitive: false, spoiler_text: '', visibility: 'public', language: null,
      uri: `${this.baseUrl}/users/${account.username}/statuses/${id}`,
      url: `${this.baseUrl}/@${account.username}/${id}`,
      replies_count: 0, reblogs_count: 0, favourites_count: 0, edited_at: null,
      content: `<p>${escapeHtml(text)}</p>`, reblog: null,
      application: null, account, media_attachments: [], mentions: [], tags: [], emojis: [],
      card: null, poll: null, ...fields,
    };
    this.statuses.push(status);
    this.statusById.set(id, status);
    this.sourceText.set(id, text);
    // As in Mastodon, direct statuses count neither in statuses_count nor in last_status_at.
    if (status.visibility !== 'direct') {
      account.statuses_count += 1;
      account.last_status_at = status.created_at.slice(0, 10);
    }
    this.notify({ type: 'status.created', status });
    return status;
  }

  /** Removes a status and the boosts of it, announcing each removal on the change feed. */
  removeStatus(id: string): FakeStatus | undefined {
    const status = this.statusById.get(id);
    if (!status) return undefined;
    // As in Mastodon, the boosts of a status go first, each with its own delete event.
    for (const boost of this.statuses.filter((other) => (other['reblog'] as FakeStatus | null)?.id === id)) this.removeStatus(boost.id);
    this.statusById.delete(id);
    this.statuses.splice(this.statuses.indexOf(status), 1);
    if (status.visibility !== 'direct') status.account.statuses_count -= 1;
    this.notify({ type: 'status.deleted', status });
    return status;
  }

  /** Whether `followerId` sees `accountId`'s posts at home. */
  followsOrSelf(followerId: string, accountId: string): boolean {
    return followerId === accountId || (this.follows.get(followerId)?.has(accountId) ?? false);
  }
}

/** Escapes text for HTML content. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
