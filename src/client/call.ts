import { concatMap, defer, type Observable } from 'rxjs';
import type { Endpoint, FeatureSetName, PreparedParams } from '../endpoints/define.js';
import { rowParams } from '../endpoints/unknown-options.js';
import { MastodonIllegalArgumentError } from '../errors.js';
import type { Params, ParamValue } from '../http/params.js';
import { fetchWith, type Call } from '../http/transport.js';
import type { MastodonClient } from './client.js';

/**
 * Sends one endpoint row through a client: the row's parameters from `args` (argument errors
 * arrive in the error channel; options the row does not know go as given), what its `prepare`
 * makes of them for this client (a dialect's parameters checked, headers), its version check,
 * then the request and its result. A cold Observable: nothing
 * happens before subscribe.
 *
 * ## Example
 * ```ts
 * import { call } from 'mastodon-rx/core';
 * import { timelineHome } from 'mastodon-rx/api';
 *
 * call(client, timelineHome.row, [{ limit: 5 }]).subscribe((page) => console.log(page.length));
 * ```
 */
export function call<A extends unknown[], R>(client: MastodonClient, row: Endpoint<A, R>, args: A): Observable<R> {
  return defer(() => {
    let params = rowParams(row, args);
    let headers: PreparedParams['headers'];
    if (row.prepare) ({ params, headers } = row.prepare(client, params));
    const request: Call = {
      method: row.method,
      path: row.path,
      fillPath: row.fillPath,
      params,
      headers,
      encoding: row.encoding,
      result: row.returns.kind,
      ratelimited: row.ratelimited,
    };
    const pending = client.pendingVersionCheck(row.created, row.changed, row.api_version);
    const request$ = fetchWith(client, request, row.returns.read);
    return pending ? pending.pipe(concatMap(() => request$)) : request$;
  });
}

/**
 * Throws `MastodonIllegalArgumentError` when `params` holds a parameter that only another API
 * dialect knows than the client's `feature_set`: for a row's `prepare`.
 *
 * @example checkFeatures(client, params, { content_type: 'pleroma', quote_id: 'fedibird' })
 */
export function checkFeatures(client: MastodonClient, params: Params, features: Readonly<Record<string, FeatureSetName>>): void {
  for (const name in features) {
    const feature = features[name];
    if (params[name] !== undefined && client.feature_set !== feature) {
      throw new MastodonIllegalArgumentError(`${name} is only available with feature set ${feature}`);
    }
  }
}

/**
 * Moves the parameters that travel as request headers (`idempotency_key` → `Idempotency-Key`)
 * out of `params`, for a row's `prepare`; an absent or `null` one sends no header.
 *
 * @example headerParams({ status: 'hi', idempotency_key: 'k1' }, { idempotency_key: 'Idempotency-Key' })  // { params: { status: 'hi' }, headers: { 'Idempotency-Key': 'k1' } }
 */
export function headerParams(params: Params, names: Readonly<Record<string, string>>): PreparedParams {
  const headers: Record<string, string> = {};
  const rest: Record<string, ParamValue> = { ...params };
  for (const param in names) {
    const value = rest[param];
    delete rest[param];
    if (value !== undefined && value !== null) headers[names[param]!] = String(value);
  }
  return { params: rest, headers };
}
