import { isSecretKey } from '../http/redact.js';

/** The symbol Node's `util.inspect` (and so `console.log`) calls, without importing `node:util`. */
export const INSPECT = Symbol.for('nodejs.util.inspect.custom');

/**
 * What printing a client shows: its settings (the own fields that hold plain values), with
 * the fields whose names say secret, as `redact` reads them (the access token, the client
 * secret), replaced by `[redacted]` when set. The fields themselves
 * stay readable: `api.access_token` is the token.
 *
 * ## Example
 * ```ts
 * printableClient(api)  // { api_base_url: 'https://m.example', access_token: '[redacted]', ... }
 * ```
 */
export function printableClient(client: object): Record<string, unknown> {
  const view: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(client)) {
    if (typeof value === 'object' && value !== null) continue;
    if (typeof value === 'function' || typeof value === 'symbol') continue;
    view[key] = value !== undefined && isSecretKey(key) ? '[redacted]' : value;
  }
  return view;
}
