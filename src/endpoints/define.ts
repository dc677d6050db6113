import type { Observable } from 'rxjs';
import { call } from '../client/call.js';
import type { MastodonClient } from '../client/client.js';
import type { HttpMethod } from '../http/backend.js';
import type { BodyEncoder, Params } from '../http/params.js';
import { fillPath, type FilledPath } from '../http/fill-path.js';
import { readJson, readNothing, readObjectPage, readPage, readText, type ResultReader } from '../http/response.js';
import type { ObjectPage, Page } from '../pagination/page.js';

/** How the parameters of a non-GET call written by hand travel (`apiRequest`). GET always uses the query string. */
export type BodyEncoding = 'form' | 'json' | 'multipart';

/** Which API dialect a parameter belongs to, beyond mainline Mastodon. */
export type FeatureSetName = 'mainline' | 'fedibird' | 'pleroma';

/**
 * What the response body becomes: parsed JSON, a page of JSON items, a page that is one JSON
 * object (grouped notifications), raw text, or nothing.
 */
export type ResultKind = 'json' | 'page' | 'object-page' | 'text' | 'none';

/** A typed marker for the result of an endpoint: its kind, and the reader of its responses. */
export interface Returns<R> {
  readonly kind: ResultKind;
  /** Reads a response into the result; each kind has its own, so that a bundle holds the readers of its rows only. */
  readonly read: ResultReader<R>;
  /** Phantom member: never set, it only carries `R`. */
  readonly type?: R;
}

// Rows are `/* @__PURE__ */ endpoint(…)` calls whose arguments are literals, arrow functions
// and references (`returns: page<Status>`, not a call): all a bundler needs to drop the rows an
// app does not import. `@__NO_SIDE_EFFECTS__` says the same for bundlers that read it.

/** The endpoint returns a JSON entity of type `T`. @example endpoint('GET /api/v1/statuses/{id}', { returns: json<Status>, params }) */
/* @__NO_SIDE_EFFECTS__ */
export function json<T>(): Returns<T> {
  return { kind: 'json', read: readJson };
}

/** The endpoint returns a paginated list of `T`: a {@link Page}. @example endpoint('GET /api/v1/timelines/home', { returns: page<Status> }) */
/* @__NO_SIDE_EFFECTS__ */
export function page<T>(): Returns<Page<T>> {
  return { kind: 'page', read: readPage };
}

/**
 * The endpoint returns one JSON object of type `T` with `Link` headers: an {@link ObjectPage}
 * that `fetchNext` and `paginate` follow (grouped notifications).
 * @example endpoint('GET /api/v2/notifications', { returns: objectPage<GroupedNotificationsResults> })
 */
/* @__NO_SIDE_EFFECTS__ */
export function objectPage<T extends object>(): Returns<ObjectPage<T>> {
  return { kind: 'object-page', read: readObjectPage };
}

/** The endpoint returns text (such as `/health`). @example row('GET /health', { returns: text }) */
/* @__NO_SIDE_EFFECTS__ */
export function text(): Returns<string> {
  return { kind: 'text', read: readText };
}

/** The endpoint's answer carries nothing of use: the Observable emits `undefined` once. @example endpoint('POST /api/v1/notifications/clear', { returns: nothing }) */
/* @__NO_SIDE_EFFECTS__ */
export function nothing(): Returns<void> {
  return { kind: 'none', read: readNothing };
}

/** What a row sends for one client: the parameters left for the query or body, and request headers. */
export interface PreparedParams {
  readonly params: Params;
  readonly headers?: Readonly<Record<string, string>>;
}

/** `METHOD /path/{param}`: the route of an endpoint, as the Mastodon docs write it. */
export type Route = `${HttpMethod} /${string}`;

/** Everything about one endpoint; the method, its types, version checks and fake routes follow from it. */
export interface Endpoint<A extends unknown[], R> {
  readonly method: HttpMethod;
  /**
   * Path with `{name}` placeholders filled from the parameters of the same name, URL-encoded;
   * `{name*}` keeps `/` between encoded segments (for `timeline('tag/cats')`).
   */
  readonly path: string;
  /** Fills the path's placeholders (`fillPath`): named by every row whose path has them. */
  readonly fillPath: ((path: string, params: Params) => FilledPath) | undefined;
  /** The Mastodon version that added the endpoint (`version_check_mode: 'created'`). */
  readonly created?: string;
  /** The last version that changed it, parameters or result (`version_check_mode: 'changed'`). */
  readonly changed?: string;
  /**
   * The API feature level it needs (`api_versions.mastodon` of instance v2, such as 7 for
   * quotes), checked in both version check modes; a server that does not say its level has 0.
   */
  readonly api_version?: number;
  /** How a non-GET body is encoded (`jsonBody`, `formOrJsonBody`); a form when absent. */
  readonly encoding: BodyEncoder | undefined;
  readonly returns: Returns<R>;
  /**
   * What the row's wire parameters become for one client, for the few rows that need it:
   * parameters only a non-mainline dialect knows checked (`checkFeatures`), parameters sent as
   * request headers moved there (`headerParams`). Throws `MastodonIllegalArgumentError`.
   */
  readonly prepare: ((client: MastodonClient, params: Params) => PreparedParams) | undefined;
  /** Whether the client's rate limiter applies (Mastodon.py turns it off for OAuth calls). */
  readonly ratelimited: boolean;
  /** Turns the method's arguments into wire parameters; throws `MastodonIllegalArgumentError` on bad input. */
  readonly params: (...args: A) => Params;
  /**
   * Which argument is the options object (its index among the method's arguments): the options
   * in it that `params` never reads go to the server as given. None: the row takes no options.
   */
  readonly options?: number;
  /** Options that stay on the client (`to_file`, `synchronous`…): never sent, even unread. */
  readonly clientOptions: readonly string[];
}

/** What an endpoint row says beside its route. */
export interface EndpointSpec<A extends unknown[], R> {
  /**
   * The result marker, instantiated but not called (`json<Status>`, `page<Status>`, `text`,
   * `nothing`): a reference, not a call, so that a bundler can drop an unused row whole.
   */
  readonly returns: () => Returns<R>;
  /** `fillPath`, when the route has `{placeholders}`: it fills them from the parameters of the same name. */
  readonly fillPath?: (path: string, params: Params) => FilledPath;
  readonly created?: string;
  readonly changed?: string;
  readonly api_version?: number;
  /** The body's encoder, when not a form: `jsonBody`, or `formOrJsonBody` (JSON only when a parameter is a nested object). */
  readonly encoding?: BodyEncoder;
  readonly ratelimited?: boolean;
  /** For a row whose parameters depend on the client or travel as headers: see {@link Endpoint.prepare}. */
  readonly prepare?: (client: MastodonClient, params: Params) => PreparedParams;
  readonly params?: (...args: A) => Params;
  /** The index of the options argument, whose unknown options are sent as given. */
  readonly options?: number;
  readonly clientOptions?: readonly string[];
}

/**
 * Declares one endpoint row without a function of its own: for rows that a hand-written
 * endpoint or `byVersion` sends. Export it from its area module, so that the docs, the
 * coverage report and the fake server's route check see it.
 *
 * ## Example
 * ```ts
 * export const notificationListRow = row('GET /api/v1/notifications', {
 *   created: '1.0.0', changed: '3.5.0', returns: page<Notification>, params: (params: Params) => params,
 * });
 * ```
 */
/* @__NO_SIDE_EFFECTS__ */
export function row<R, A extends unknown[] = []>(route: Route, spec: EndpointSpec<A, R>): Endpoint<A, R> {
  const space = route.indexOf(' ');
  return {
    method: route.slice(0, space) as HttpMethod,
    path: route.slice(space + 1),
    fillPath: spec.fillPath,
    created: spec.created,
    changed: spec.changed,
    api_version: spec.api_version,
    encoding: spec.encoding,
    returns: spec.returns(),
    ratelimited: spec.ratelimited ?? true,
    prepare: spec.prepare,
    params: spec.params ?? (() => ({})),
    options: spec.options,
    clientOptions: spec.clientOptions ?? [],
  };
}

/**
 * An endpoint as a function: takes the client first, then the row's arguments, and returns
 * the cold Observable of its result. It carries its row as `.row`.
 */
export interface EndpointFunction<A extends unknown[], R> {
  (client: MastodonClient, ...args: A): Observable<R>;
  /** What the function sends: route, versions, parameters. */
  readonly row: Endpoint<A, R>;
}

/**
 * Declares one endpoint: a row, and the function that sends it through a client. Every
 * endpoint is a module-level `export const` of an area module, its call marked with a
 * `@__PURE__` comment so that bundlers keep only the ones an app imports; the `Mastodon`
 * class gets a method of the same name.
 *
 * ## Example
 * ```ts
 * export const status = endpoint('GET /api/v1/statuses/{id}', {
 *   fillPath, created: '1.0.0', returns: json<Status>,
 *   params: (id: IdLike) => ({ id: idOf(id) }),
 * });
 * status(client, '109440146774012815').subscribe((s) => console.log(s.content));
 * ```
 */
/* @__NO_SIDE_EFFECTS__ */
export function endpoint<R, A extends unknown[] = []>(route: Route, spec: EndpointSpec<A, R>): EndpointFunction<A, R> {
  const described = row(route, spec);
  const send = (client: MastodonClient, ...args: A): Observable<R> => call(client, described, args);
  return Object.assign(send, { row: described });
}

/**
 * Declares a row outside the library: the `row` of `mastodon-rx/core`. As {@link row}, and a
 * route with `{placeholders}` has them filled (`fillPath`) whether or not its spec names it.
 *
 * ## Example
 * ```ts
 * import { json, row } from 'mastodon-rx/core';
 * const pollRow = row('GET /api/v1/polls/{id}', { returns: json<Poll>, params: (id: string) => ({ id }) });
 * ```
 */
/* @__NO_SIDE_EFFECTS__ */
export function coreRow<R, A extends unknown[] = []>(route: Route, spec: EndpointSpec<A, R>): Endpoint<A, R> {
  return row(route, withFillPath(route, spec));
}

/**
 * Declares an endpoint outside the library: the `endpoint` of `mastodon-rx/core`. As
 * {@link endpoint}, and a route with `{placeholders}` has them filled (`fillPath`) whether or
 * not its spec names it. The library's own rows name it, so that bundles of rows without
 * placeholders do not hold it.
 *
 * ## Example
 * ```ts
 * import { endpoint, json } from 'mastodon-rx/core';
 * export const poll = endpoint('GET /api/v1/polls/{id}', { returns: json<Poll>, params: (id: string) => ({ id }) });
 * poll(client, '34830').subscribe((p) => console.log(p.votes_count));
 * ```
 */
/* @__NO_SIDE_EFFECTS__ */
export function coreEndpoint<R, A extends unknown[] = []>(route: Route, spec: EndpointSpec<A, R>): EndpointFunction<A, R> {
  return endpoint(route, withFillPath(route, spec));
}

function withFillPath<A extends unknown[], R>(route: Route, spec: EndpointSpec<A, R>): EndpointSpec<A, R> {
  return spec.fillPath || !route.includes('{') ? spec : { ...spec, fillPath };
}

/** Any endpoint, whatever its arguments and result. */
export type AnyEndpoint = Endpoint<never[], unknown>;

/** Whether `value` is an endpoint row (what {@link row} returns). @example isRow(timelineHome.row)  // true */
export function isRow(value: unknown): value is AnyEndpoint {
  const candidate = value as Partial<AnyEndpoint> | null;
  return typeof candidate === 'object' && candidate !== null && typeof candidate.method === 'string'
    && typeof candidate.path === 'string' && typeof candidate.returns === 'object' && typeof candidate.params === 'function';
}

/**
 * The rows an export of `mastodon-rx/api` sends: an endpoint function's `.row`, a version
 * switch's `.rows`, a row itself; none for a hand-written function that sends no row.
 *
 * @example rowsOf(timelineHome)  // [{ method: 'GET', path: '/api/v1/timelines/home', … }]
 */
export function rowsOf(value: unknown): AnyEndpoint[] {
  if (isRow(value)) return [value];
  if (typeof value !== 'function') return [];
  const carried = value as { row?: unknown; rows?: readonly unknown[] };
  return [carried.row, ...(carried.rows ?? [])].filter(isRow);
}
