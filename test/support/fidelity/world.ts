import { isObject } from './ids.js';
import { jsonOf, type RecordedExchange, type Recording } from './recordings.js';

/** A local user the recordings presuppose. */
export interface WorldUser {
  readonly username: string;
  /** The recorded id, which orders users as the real server made them. */
  readonly recordedId: string;
  /** The account as it was first seen. */
  readonly account: Record<string, unknown>;
  email?: string;
  password?: string;
  /** The staff role the admin API showed (`Owner`, `Admin`, `Moderator`), if any. */
  role?: string;
  /** The interface language the admin API showed, if any. */
  locale?: string;
}

/** An app the recordings presuppose: its credentials were sent but never issued in a recording. */
export interface WorldApp {
  readonly clientId: string;
  readonly clientSecret: string;
  name: string;
}

/**
 * What the real server held before the recordings began, as far as they show it: its users
 * (with their logins and roles), the tokens the recordings use and whose they are, the app
 * those tokens belong to.
 */
export interface RecordedWorld {
  /** Users by username, in the order of their recorded ids. */
  readonly users: Map<string, WorldUser>;
  /** Recorded token → username, for tokens no recording issues. */
  readonly tokens: Map<string, string>;
  readonly apps: Map<string, WorldApp>;
}

/** The bearer token of a recorded request, if any. */
export function tokenOf(exchange: RecordedExchange): string | undefined {
  return /^Bearer (.+)$/i.exec(exchange.request.headers['authorization'] ?? '')?.[1];
}

/** The form or JSON parameters of a recorded request body, flattened to key → value strings. */
export function bodyParams(exchange: RecordedExchange): Map<string, string> {
  const params = new Map<string, string>();
  const { body, headers } = exchange.request;
  if (!body) return params;
  const type = (headers['content-type'] ?? '').toLowerCase();
  if (type.startsWith('application/x-www-form-urlencoded')) {
    for (const [key, value] of new URLSearchParams(body.toString('utf8'))) params.set(key, value);
  }
  return params;
}

/** Whether a JSON value is an account as the API shows it. */
export function isAccount(value: unknown): value is Record<string, unknown> {
  return isObject(value) && typeof value['username'] === 'string' && typeof value['acct'] === 'string' && 'display_name' in value;
}

/** Calls `visit` on every object inside a JSON value, depth first. */
export function eachObject(value: unknown, visit: (object: Record<string, unknown>) => void): void {
  if (Array.isArray(value)) {
    for (const item of value) eachObject(item, visit);
  } else if (isObject(value)) {
    visit(value);
    for (const inner of Object.values(value)) eachObject(inner, visit);
  }
}

function compareIds(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

/** The usernames the recordings sign up (`POST /api/v1/accounts`): they do not exist before. */
export function signedUp(recordings: readonly Recording[]): Set<string> {
  const names = new Set<string>();
  for (const { exchanges } of recordings) {
    for (const exchange of exchanges) {
      if (exchange.request.method === 'POST' && exchange.request.url.pathname === '/api/v1/accounts') {
        const username = bodyParams(exchange).get('username');
        if (username) names.add(username);
      }
    }
  }
  return names;
}

/** Reads the world the recordings presuppose from all of them. */
export function readWorld(recordings: readonly Recording[]): RecordedWorld {
  const created = signedUp(recordings);
  const found = new Map<string, WorldUser>();
  const tokens = new Map<string, string>();
  const logins = new Map<string, { login: string; password: string }>();
  const apps = new Map<string, WorldApp>();
  const registered = new Set<string>();

  for (const { exchanges } of recordings) {
    // Tokens a recording is issued are its own; the others were there before.
    const issued = new Set<string>();
    for (const exchange of exchanges) {
      const { method, url } = exchange.request;
      const body = jsonOf(exchange.response.body);
      const ok = exchange.response.status < 300;
      eachObject(body, (object) => {
        if (isAccount(object) && !String(object['acct']).includes('@') && typeof object['id'] === 'string') {
          const username = object['username'] as string;
          if (!created.has(username) && !found.has(username)) found.set(username, { username, recordedId: object['id'], account: object });
        }
        // The admin view of an account: its email and role.
        if (typeof object['email'] === 'string' && isObject(object['account']) && found.has(String(object['username']))) {
          const user = found.get(String(object['username']))!;
          user.email = object['email'];
          const role = object['role'];
          if (isObject(role) && typeof role['name'] === 'string' && role['name'] !== '') user.role = role['name'];
          if (typeof object['locale'] === 'string') user.locale = object['locale'];
        }
      });
      if (isObject(body) && typeof body['access_token'] === 'string') issued.add(body['access_token']);
      if (isObject(body) && typeof body['client_id'] === 'string') registered.add(body['client_id']);
      const params = bodyParams(exchange);
      const clientId = params.get('client_id');
      const clientSecret = params.get('client_secret');
      if (clientId && clientSecret && !registered.has(clientId) && !apps.has(clientId)) {
        apps.set(clientId, { clientId, clientSecret, name: 'app' });
      }
      if (url.pathname === '/oauth/token' && params.get('grant_type') === 'password' && ok && isObject(body)) {
        logins.set(String(body['access_token']), { login: params.get('username') ?? '', password: params.get('password') ?? '' });
      }
      const token = tokenOf(exchange);
      if (method === 'GET' && url.pathname === '/api/v1/accounts/verify_credentials' && ok && token && isAccount(body)) {
        const username = body['username'] as string;
        if (!issued.has(token)) tokens.set(token, username);
        const login = logins.get(token);
        const user = found.get(username);
        if (login && user) {
          user.email ??= login.login;
          user.password = login.password;
        }
      }
      if (method === 'GET' && url.pathname === '/api/v1/apps/verify_credentials' && ok && isObject(body) && token) {
        for (const app of apps.values()) if (app.name === 'app') app.name = String(body['name']);
      }
    }
  }
  const users = new Map([...found.values()].sort((a, b) => compareIds(a.recordedId, b.recordedId)).map((u) => [u.username, u]));
  return { users, tokens, apps };
}
