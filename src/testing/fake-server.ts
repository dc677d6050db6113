import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parsePairs, quoteJsonNumbers, type ParsedParams } from './params.js';
import { FakeStore, type FakeToken, type FakeUser } from './store.js';
import { fakeRoutes } from './routes/index.js';
import { handleStreamingUpgrade } from './streaming/websocket.js';
import { isRevoked } from './routes/auth.js';
import { fakeAdmin } from './routes/admin-state.js';
import { corsHeaders, preflightHeaders, requestIdFor } from './cors.js';
import { RATE_FAMILIES, WindowCounter } from './rate-limits.js';
import { fakeStreaming } from './streaming/control.js';
import { apiVersionOf, releasedBy } from './server-versions.js';
import { approveAuthorization } from './routes/oauth.js';
import {
  FakeHttpError, type FakeContext, type FakeReply, type FakeRequest, type FakeRoute, type FakeRoutes,
} from './routes/types.js';

/** Options of {@link FakeMastodon.start}. */
export interface FakeMastodonOptions {
  /** The version `/api/v1/instance/` reports. Default `'4.0.2'`. */
  version?: string;
  /**
   * Requests allowed per rate-limit window and token. Default 300. Posting, following and
   * reporting also have Mastodon's own limits per account (300 statuses in 3 hours, 400 follows
   * and 400 reports a day), which their answers show.
   */
  rateLimit?: number;
  /** Length of a rate-limit window in seconds. Default 300. */
  rateLimitWindow?: number;
  /** Port to listen on, on 127.0.0.1. Default: a free one. */
  port?: number;
  /** The API feature level instance v2 reports; `null` for none. Default: the level of `version` (none before 4.3). */
  apiVersion?: number | null;
  /** Whether `/oauth/token` takes the password grant. Default: before 4.4 only, as Mastodon 4.4 removed it. */
  passwordGrant?: boolean;
}

/** A request as the fake server received it, for assertions. */
export interface RecordedRequest {
  readonly method: string;
  /** The path, without the query string. */
  readonly path: string;
  /** The endpoint-table route it matched (`GET /api/v1/statuses/{id}`), if any. */
  readonly route: string | undefined;
  readonly query: ParsedParams;
  readonly body: ParsedParams;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly contentType: string | undefined;
}

/** A file part of a multipart request. */
export interface FakeUpload {
  readonly filename: string;
  readonly type: string;
  readonly data: Buffer;
}

/** Sees every request before its route; returning a reply answers in the route's place. */
export type FakeInterceptor = (request: FakeRequest & { route: string | undefined }) => FakeReply | undefined;

interface CompiledRoute {
  readonly key: string;
  readonly method: string;
  readonly pattern: RegExp;
  readonly names: readonly string[];
  readonly literalLength: number;
  readonly route: FakeRoute;
}

function compile(key: string, route: FakeRoute): CompiledRoute {
  const space = key.indexOf(' ');
  const method = key.slice(0, space);
  const path = trimSlash(key.slice(space + 1));
  const names: string[] = [];
  const source = path.replace(/[.+?^$()|[\]\\]/g, '\\$&').replace(/\{(\w+)(\*?)\}/g, (_m, name: string, many: string) => {
    names.push(name);
    return many ? '(.+)' : '([^/]+)';
  });
  return {
    key, method, names, route,
    pattern: new RegExp(`^${source}$`),
    literalLength: path.replace(/\{\w+\*?\}/g, '').length,
  };
}

/**
 * Why Mastodon would refuse a request before its route, if it would: a route for tokens
 * without a valid one (401, with Doorkeeper's words for a missing or unknown token and for a
 * revoked one), a user's route with an app's token (422), or a user who may not use the API
 * (403: unconfirmed, pending approval, disabled or suspended). Public routes take a request
 * with a bad token as one without a token. The streaming server words its 401s its own way,
 * and takes users' tokens only.
 */
function refusal(store: FakeStore, route: string, auth: FakeRoute['auth'], bearer: string | undefined, token: FakeToken | undefined, user: FakeUser | undefined): { status: number; error: string } | undefined {
  if (auth === 'none') return undefined;
  if (route.startsWith('GET /api/v1/streaming')) {
    if (bearer === undefined) return { status: 401, error: 'Missing access token' };
    if (!user) return { status: 401, error: 'Invalid access token' };
  }
  if (!token) return { status: 401, error: bearer !== undefined && isRevoked(store, bearer) ? 'The access token was revoked' : 'The access token is invalid' };
  if (auth !== 'user') return undefined;
  if (!user) return { status: 422, error: 'This method requires an authenticated user' };
  const state = fakeAdmin(store).of(user.account.id);
  if (!state.confirmed) return { status: 403, error: 'Your login is missing a confirmed e-mail address' };
  if (!state.approved) return { status: 403, error: 'Your login is currently pending approval' };
  if (state.disabled || state.suspended) return { status: 403, error: 'Your login is currently disabled' };
  return undefined;
}

function isJson(contentType: string | undefined): boolean {
  return (contentType ?? '').toLowerCase().startsWith('application/json');
}

/** The members of a JSON object body; any other JSON is no parameters. */
function parseJsonObject(text: string): ParsedParams {
  if (text === '') return {};
  const value: unknown = JSON.parse(text);
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as ParsedParams) : {};
}

function trimSlash(path: string): string {
  return path.length > 1 ? path.replace(/\/+$/, '') : path;
}

/**
 * An in-memory Mastodon server speaking real HTTP on 127.0.0.1: apps, OAuth (password, code,
 * refresh and client-credential grants), accounts, statuses and timelines, with real `Link`
 * and `X-RateLimit-*` headers. Its routes are the client's endpoint tables. Use it in tests,
 * demos and your own app's tests. It answers CORS as Mastodon does (preflights of `/api/*` and
 * `/oauth/*`; any origin; `Link`, the rate-limit headers and `X-Request-Id` readable by page
 * scripts), so a browser app served from another origin can use it too.
 *
 * ## Example
 * ```ts
 * import { FakeMastodon } from 'mastodon-rx/testing';
 * const server = await FakeMastodon.start();
 * const { token } = server.createUser('alice');
 * const api = new Mastodon({ api_base_url: server.url, access_token: token });
 * // ...
 * await server.close();
 * ```
 */
export class FakeMastodon {
  readonly store: FakeStore;
  /** Every request received, oldest first. */
  readonly requests: RecordedRequest[] = [];
  /** File parts of multipart requests, newest last. */
  readonly uploads: FakeUpload[] = [];
  readonly version: string;
  /** The API feature level instance v2 reports, if any. */
  readonly apiVersion: number | undefined;
  /** Whether the password grant is offered. */
  readonly passwordGrant: boolean;

  private readonly routes: CompiledRoute[];
  private readonly interceptors = new Set<FakeInterceptor>();
  private readonly usage = new WindowCounter();
  private rateLimit: number;
  private rateLimitWindow: number;

  private constructor(private readonly server: Server, readonly url: string, options: FakeMastodonOptions) {
    this.store = new FakeStore(url);
    this.version = options.version ?? '4.0.2';
    this.apiVersion = options.apiVersion === null ? undefined : options.apiVersion ?? apiVersionOf(this.version);
    this.passwordGrant = options.passwordGrant ?? !releasedBy(this.version, '4.4.0');
    this.rateLimit = options.rateLimit ?? 300;
    this.rateLimitWindow = options.rateLimitWindow ?? 300;
    this.routes = Object.entries(fakeRoutes)
      .map(([key, route]) => compile(key, route))
      .sort((a, b) => b.literalLength - a.literalLength);
  }

  /**
   * Starts a fake server on a free port of 127.0.0.1.
   * @example const server = await FakeMastodon.start({ version: '4.0.2' });
   */
  static start(options: FakeMastodonOptions = {}): Promise<FakeMastodon> {
    return new Promise((resolve, reject) => {
      let fake: FakeMastodon | undefined;
      const server = createServer((req, res) => {
        if (fake) fake.handle(req, res);
      });
      server.on('upgrade', (req, socket) => {
        if (fake) handleStreamingUpgrade(fake.store, req, socket);
        else socket.destroy();
      });
      server.once('error', reject);
      server.listen(options.port ?? 0, '127.0.0.1', () => {
        const { port } = server.address() as AddressInfo;
        fake = new FakeMastodon(server, `http://127.0.0.1:${port}`, options);
        resolve(fake);
      });
    });
  }

  /** The routes the fake server answers, `METHOD /path`. */
  get routeKeys(): string[] {
    return this.routes.map((route) => route.key);
  }

  /**
   * Adds a user and gives it a token with every scope.
   * @example const { account, token } = server.createUser('alice');
   */
  createUser(username: string, options: { password?: string; email?: string } = {}): FakeUser & { token: string } {
    const user = this.store.addUser(username, options.email ?? `${username}@fake.example`, options.password ?? 'password123');
    const token = this.store.issueToken(null, user.account.id, ['read', 'write', 'follow', 'push', 'profile', 'admin:read', 'admin:write']);
    return { ...user, token: token.token };
  }

  /**
   * The code a user would get on the OAuth authorize page, for `logIn({ code })`.
   * @example const code = server.authorizationCode(clientId, 'alice');
   */
  authorizationCode(clientId: string, username: string, scopes: readonly string[] = ['read', 'write', 'follow', 'push']): string {
    const user = this.store.userByLogin(username);
    if (!user) throw new Error(`No user ${username}`);
    const code = this.store.secret();
    this.store.tokens.set(`code:${code}`, { token: `code:${code}`, clientId, accountId: user.account.id, scopes: [...scopes], refreshToken: '' });
    return code;
  }

  /**
   * What the authorize page hands the app once `username` approves the request an
   * `authRequestUrl` leads to: the code for `logIn({ code })`, bound to the PKCE challenge of
   * the URL, if any. Throws an `Error` for a request Mastodon would refuse (unknown client,
   * unregistered redirect URI, scopes the app did not register, a challenge method other than S256).
   * @example const code = server.approveAuthorization(authRequestUrl(api, { code_challenge }), 'alice');
   */
  approveAuthorization(url: string, username: string): string {
    return approveAuthorization(this.store, url, username);
  }

  /**
   * Sees every request first; a reply it returns is sent instead of the route's. Returns a
   * function that removes it.
   * @example const remove = server.intercept((req) => req.route === 'GET /api/v1/instance/' ? { status: 503, text: '<html>' } : undefined);
   */
  intercept(interceptor: FakeInterceptor): () => void {
    this.interceptors.add(interceptor);
    return () => this.interceptors.delete(interceptor);
  }

  /** Changes the rate limit for new windows: `limit` requests per `windowSeconds`. */
  setRateLimit(limit: number, windowSeconds = this.rateLimitWindow): void {
    this.rateLimit = limit;
    this.rateLimitWindow = windowSeconds;
    this.usage.clear();
  }

  /** The requests that matched `route` (`'POST /api/v1/statuses'`). */
  requestsTo(route: string): RecordedRequest[] {
    return this.requests.filter((request) => request.route === route);
  }

  /** Stops the server, cutting open connections (streaming sockets included). */
  close(): Promise<void> {
    return new Promise((resolve) => {
      this.server.close(() => resolve());
      fakeStreaming(this.store).dropAll();
      this.server.closeAllConnections();
    });
  }

  private context(): FakeContext {
    return { store: this.store, baseUrl: this.url, version: this.version, apiVersion: this.apiVersion, passwordGrant: this.passwordGrant };
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('error', () => res.destroy());
    req.on('end', () => {
      this.answer(req, res, Buffer.concat(chunks)).catch((error: unknown) => {
        if (!res.headersSent) this.send(res, { status: 500, json: { error: `Fake server error: ${String(error)}` } });
        else res.destroy();
      });
    });
  }

  private async answer(req: IncomingMessage, res: ServerResponse, rawBody: Buffer): Promise<void> {
    const url = new URL(req.url ?? '/', this.url);
    const method = req.method ?? 'GET';
    const path = trimSlash(url.pathname);
    res.setHeader('x-request-id', requestIdFor(req));
    const preflight = preflightHeaders(req, url.pathname);
    if (preflight) {
      this.record(method, url, undefined, {}, req, req.headers['content-type']);
      res.writeHead(200, preflight).end();
      return;
    }
    for (const [name, value] of Object.entries(corsHeaders(url.pathname))) res.setHeader(name, value);
    const match = this.match(method, path);
    const contentType = req.headers['content-type'];
    let body: ParsedParams = {};
    try {
      body = await this.parseBody(req, rawBody);
    } catch {
      this.record(method, url, match?.route.key, {}, req, contentType);
      this.send(res, { status: 400, json: { error: 'Malformed request body' } });
      return;
    }
    const query = parsePairs(url.searchParams.entries());
    // The record shows the body as sent (JSON numbers as numbers); routes read numbers as Rails does.
    this.record(method, url, match?.route.key, isJson(contentType) ? parseJsonObject(rawBody.toString('utf8')) : body, req, contentType);

    const auth = /^Bearer (.+)$/i.exec(req.headers.authorization ?? '');
    const token = auth ? this.store.tokens.get(auth[1]!) : undefined;
    const user = token?.accountId ? this.store.users.get(token.accountId) : undefined;
    const request: FakeRequest & { route: string | undefined } = {
      method, url, route: match?.route.key, pathParams: match?.params ?? {}, query, body,
      params: { ...query, ...body }, headers: req.headers, rawBody, token, user,
    };

    for (const interceptor of this.interceptors) {
      const reply = interceptor(request);
      if (reply) return this.send(res, reply);
    }
    if (!match) return this.send(res, { status: 404, json: { error: 'Record not found' } });

    let limitHeaders = this.usage.count(auth?.[1] ?? req.socket.remoteAddress ?? 'anonymous', this.rateLimit, this.rateLimitWindow);
    const family = RATE_FAMILIES[match.route.key.replace(/\/$/, '')];
    if (family && user && !limitHeaders.exceeded) limitHeaders = this.usage.count(`${family.family}:${user.account.id}`, family.limit, family.periodSeconds);
    if (limitHeaders.exceeded) return this.send(res, { status: 429, json: { error: 'Too many requests' }, headers: limitHeaders.headers });
    const refused = refusal(this.store, match.route.key, match.route.route.auth, auth?.[1], token, user);
    if (refused) return this.send(res, { status: refused.status, json: { error: refused.error }, headers: limitHeaders.headers });
    try {
      const reply = await match.route.route.handle(request, this.context());
      this.send(res, { ...reply, headers: { ...limitHeaders.headers, ...reply.headers } });
    } catch (error) {
      if (!(error instanceof FakeHttpError)) throw error;
      this.send(res, { status: error.status, json: { error: error.message, ...error.extra }, headers: limitHeaders.headers });
    }
  }

  private match(method: string, path: string): { route: CompiledRoute; params: Record<string, string> } | undefined {
    const effective = method === 'HEAD' ? 'GET' : method;
    for (const route of this.routes) {
      if (route.method !== effective) continue;
      const found = route.pattern.exec(path);
      if (!found) continue;
      const params: Record<string, string> = {};
      try {
        route.names.forEach((name, i) => { params[name] = decodeURIComponent(found[i + 1]!); });
      } catch {
        continue;
      }
      return { route, params };
    }
    return undefined;
  }

  private async parseBody(req: IncomingMessage, raw: Buffer): Promise<ParsedParams> {
    const type = (req.headers['content-type'] ?? '').toLowerCase();
    if (raw.length === 0) return {};
    if (isJson(type)) return parseJsonObject(quoteJsonNumbers(raw.toString('utf8')));
    if (type.startsWith('multipart/form-data')) {
      const form = await new Response(new Uint8Array(raw), { headers: { 'content-type': type } }).formData();
      const pairs: [string, string][] = [];
      for (const [name, value] of form.entries()) {
        if (typeof value === 'string') {
          pairs.push([name, value]);
        } else {
          const data = Buffer.from(await value.arrayBuffer());
          this.uploads.push({ filename: value.name, type: value.type, data });
          pairs.push([name, `upload:${this.uploads.length - 1}`]);
        }
      }
      return parsePairs(pairs);
    }
    return parsePairs(new URLSearchParams(raw.toString('utf8')).entries());
  }

  private record(method: string, url: URL, route: string | undefined, body: ParsedParams, req: IncomingMessage, contentType: string | undefined): void {
    this.requests.push({
      method, path: url.pathname, route, query: parsePairs(url.searchParams.entries()), body,
      headers: { ...req.headers }, contentType,
    });
  }

  private send(res: ServerResponse, reply: FakeReply): void {
    if (reply.raw) return reply.raw(res);
    const body = reply.json !== undefined ? JSON.stringify(reply.json) : reply.text ?? '';
    const type = reply.json !== undefined ? 'application/json; charset=utf-8' : 'text/plain; charset=utf-8';
    res.writeHead(reply.status ?? 200, { 'content-type': type, 'content-length': Buffer.byteLength(body), ...reply.headers });
    res.end(res.req.method === 'HEAD' ? undefined : body);
  }
}

export type { FakeRoutes };
