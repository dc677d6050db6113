import { concatMap, defer, type Observable } from 'rxjs';
import type { AnyEndpoint, Endpoint } from '../endpoints/define.js';
import { rowParams } from '../endpoints/unknown-options.js';
import { MastodonIllegalArgumentError } from '../errors.js';
import type { Params, ParamValue } from '../http/params.js';
import { fetchResult, type Call } from '../http/transport.js';
import type { MastodonClient } from './client.js';

/**
 * Sends one endpoint row through a client: the row's parameters from `args` (argument errors
 * arrive in the error channel; options the row does not know go as given), its feature-set
 * check, its version check, then the request and its result. A cold Observable: nothing
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
    const params = rowParams(row, args);
    checkFeatures(client, row, params);
    const { body, headers } = splitHeaderParams(row, params);
    const request: Call = {
      method: row.method,
      path: row.path,
      params: body,
      headers,
      encoding: row.encoding,
      result: row.returns.kind,
      ratelimited: row.ratelimited,
    };
    const pending = client.pendingVersionCheck(row.created, row.changed, row.api_version);
    const request$ = fetchResult<R>(client, request);
    return pending ? pending.pipe(concatMap(() => request$)) : request$;
  });
}

function checkFeatures(client: MastodonClient, row: Pick<AnyEndpoint, 'features'>, params: Params): void {
  for (const name in row.features) {
    const feature = row.features[name];
    if (params[name] !== undefined && client.feature_set !== feature) {
      throw new MastodonIllegalArgumentError(`${name} is only available with feature set ${feature}`);
    }
  }
}

function splitHeaderParams(row: Pick<AnyEndpoint, 'headerParams'>, params: Params): { body: Params; headers: Record<string, string> } {
  const headers: Record<string, string> = {};
  let body: Record<string, ParamValue> | undefined;
  for (const param in row.headerParams) {
    body ??= { ...params };
    const value = body[param];
    delete body[param];
    if (value !== undefined && value !== null) headers[row.headerParams[param]!] = String(value);
  }
  return { body: body ?? params, headers };
}
