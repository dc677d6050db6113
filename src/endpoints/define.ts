import type { Observable } from 'rxjs';
import type { HttpMethod } from '../http/backend.js';
import type { Params } from '../http/params.js';
import type { Page } from '../pagination/page.js';

/** How the parameters of a non-GET request travel. GET always uses the query string. */
export type BodyEncoding = 'form' | 'json' | 'multipart';

/**
 * How an endpoint's body is encoded: one of {@link BodyEncoding}, or `'form-or-json'`: a form,
 * unless a parameter is a nested object (a poll), then JSON, as Mastodon.py does.
 */
export type EndpointEncoding = BodyEncoding | 'form-or-json';

/** Which API dialect a parameter belongs to, beyond mainline Mastodon. */
export type FeatureSetName = 'mainline' | 'fedibird' | 'pleroma';

/** What the response body becomes: parsed JSON, a page of JSON items, raw text, or nothing. */
export type ResultKind = 'json' | 'page' | 'text' | 'none';

/** A typed marker for the result of an endpoint; it carries the type, nothing at run time. */
export interface Returns<R> {
  readonly kind: ResultKind;
  /** Phantom member: never set, it only carries `R`. */
  readonly type?: R;
}

/** The endpoint returns a JSON entity of type `T`. */
export const json = <T>(): Returns<T> => ({ kind: 'json' });
/** The endpoint returns a paginated list of `T`: a {@link Page}. */
export const page = <T>(): Returns<Page<T>> => ({ kind: 'page' });
/** The endpoint returns text (such as `/health`). */
export const text = (): Returns<string> => ({ kind: 'text' });
/** The endpoint's answer carries nothing of use: the Observable emits `undefined` once. */
export const nothing = (): Returns<void> => ({ kind: 'none' });

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
  /** The Mastodon version that added the endpoint (`version_check_mode: 'created'`). */
  readonly created?: string;
  /** The last version that changed it, parameters or result (`version_check_mode: 'changed'`). */
  readonly changed?: string;
  readonly encoding: EndpointEncoding;
  readonly returns: Returns<R>;
  /** Parameters that only a non-mainline dialect knows; sending one elsewhere is an argument error. */
  readonly features: Readonly<Record<string, FeatureSetName>>;
  /** Parameters sent as request headers instead (`idempotency_key` → `Idempotency-Key`). */
  readonly headerParams: Readonly<Record<string, string>>;
  /** Whether the client's rate limiter applies (Mastodon.py turns it off for OAuth calls). */
  readonly ratelimited: boolean;
  /** Turns the method's arguments into wire parameters; throws `MastodonIllegalArgumentError` on bad input. */
  readonly params: (...args: A) => Params;
}

/** What an endpoint table row says beside its route. */
export interface EndpointSpec<A extends unknown[], R> {
  readonly returns: Returns<R>;
  readonly created?: string;
  readonly changed?: string;
  readonly encoding?: EndpointEncoding;
  readonly ratelimited?: boolean;
  readonly features?: Readonly<Record<string, FeatureSetName>>;
  readonly headerParams?: Readonly<Record<string, string>>;
  readonly params?: (...args: A) => Params;
}

/**
 * Declares one endpoint: a table row from which a client method follows.
 *
 * ## Example
 * ```ts
 * const status = endpoint('GET /api/v1/statuses/{id}', {
 *   created: '1.0.0', returns: json<Status>(),
 *   params: (id: IdLike) => ({ id: idOf(id) }),
 * });
 * ```
 */
export function endpoint<R, A extends unknown[] = []>(route: Route, spec: EndpointSpec<A, R>): Endpoint<A, R> {
  const space = route.indexOf(' ');
  return {
    method: route.slice(0, space) as HttpMethod,
    path: route.slice(space + 1),
    created: spec.created,
    changed: spec.changed,
    encoding: spec.encoding ?? 'form',
    returns: spec.returns,
    ratelimited: spec.ratelimited ?? true,
    features: spec.features ?? {},
    headerParams: spec.headerParams ?? {},
    params: spec.params ?? (() => ({})),
  };
}

/** Any endpoint, whatever its arguments and result. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyEndpoint = Endpoint<any[], unknown>;

/** A table of endpoints by method name. */
export type EndpointTable = Readonly<Record<string, AnyEndpoint>>;

/** The client methods a table gives: each row's arguments, returning an Observable of its result. */
export type MethodsOf<T> = {
  readonly [K in keyof T]: T[K] extends Endpoint<infer A, infer R> ? (...args: A) => Observable<R> : never;
};

/**
 * Hand-written client methods, for what a table row cannot say (version switches, calls that
 * compose other calls, pure helpers). Each takes the client as `this` and declares its
 * return type; {@link ExtrasOf} gives the methods as the client shows them.
 */
export type ExtraMethods = Readonly<Record<string, (this: never, ...args: never[]) => unknown>>;

/**
 * The client methods of a set of hand-written methods, with their own signatures (overloads
 * and type parameters included): their `this: Mastodon` is satisfied by the client they are
 * called on.
 */
export type ExtrasOf<T> = {
  readonly [K in keyof T]: T[K];
};
