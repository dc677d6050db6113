import type { IncomingHttpHeaders, ServerResponse } from 'node:http';
import type { ParsedParams } from '../params.js';
import type { FakeStore, FakeToken, FakeUser } from '../store.js';

/** A request as a fake route sees it. */
export interface FakeRequest {
  readonly method: string;
  readonly url: URL;
  /** Values of the route's `{name}` placeholders, decoded. */
  readonly pathParams: Readonly<Record<string, string>>;
  readonly query: ParsedParams;
  /** The parsed body: form, JSON or multipart fields. */
  readonly body: ParsedParams;
  /** Query and body together, as Rails merges them. */
  readonly params: ParsedParams;
  readonly headers: IncomingHttpHeaders;
  readonly rawBody: Buffer;
  /** The bearer token, when one was sent and is valid. */
  readonly token: FakeToken | undefined;
  /** The user the token belongs to. */
  readonly user: FakeUser | undefined;
}

/** What a route answers. */
export interface FakeReply {
  readonly status?: number;
  /** A JSON body. */
  readonly json?: unknown;
  /** A text body (when `json` is not set). */
  readonly text?: string;
  readonly headers?: Readonly<Record<string, string>>;
  /** Takes over the response entirely (for truncated bodies, slow answers, streams). */
  readonly raw?: (response: ServerResponse) => void;
}

/** Who may call a route: a user's token, any token (app or user), or anybody. */
export type FakeAuth = 'user' | 'app' | 'none';

/** Context handed to every route. */
export interface FakeContext {
  readonly store: FakeStore;
  readonly baseUrl: string;
  /** The version string `/api/v1/instance` reports. */
  readonly version: string;
  /** The API feature level instance v2 reports in `api_versions.mastodon`, if any. */
  readonly apiVersion: number | undefined;
  /** Whether `/oauth/token` takes the password grant (Mastodon 4.4 removed it). */
  readonly passwordGrant: boolean;
}

/** One route of the fake server, keyed by its endpoint-table route (`GET /api/v1/statuses/{id}`). */
export interface FakeRoute {
  readonly auth: FakeAuth;
  handle(request: FakeRequest, context: FakeContext): FakeReply | Promise<FakeReply>;
}

/** Routes by route key. */
export type FakeRoutes = Readonly<Record<string, FakeRoute>>;

/** An error answer from a route: `{"error": message}` with the status. */
export class FakeHttpError extends Error {
  constructor(readonly status: number, message: string, readonly extra: Readonly<Record<string, unknown>> = {}) {
    super(message);
  }
}

/** The one string value of a parameter, or undefined. */
export function str(params: ParsedParams, name: string): string | undefined {
  const value = params[name];
  return typeof value === 'string' ? value : undefined;
}

/** A parameter as a list of strings (one value or `name[]`). */
export function list(params: ParsedParams, name: string): string[] {
  const value = params[name];
  if (value === undefined) return [];
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** A boolean parameter as Rails reads it (`1`, `true`, `on` are true). */
export function bool(params: ParsedParams, name: string): boolean {
  const value = params[name];
  return typeof value === 'string' ? ['1', 'true', 'on', 't'].includes(value.toLowerCase()) : value === true as unknown;
}

/** The user of a request; routes with `auth: 'user'` always have one. */
export function userOf(request: FakeRequest): FakeUser {
  if (!request.user) throw new FakeHttpError(401, 'This method requires an authenticated user');
  return request.user;
}
