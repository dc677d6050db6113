import type { HttpBackend } from './backend.js';
import { FetchBackend } from './fetch-backend.js';
import { UndiciBackend } from './undici-backend.js';

let shared: HttpBackend | undefined;

/** The backend clients use when none is given: one shared undici pool in Node, `fetch` elsewhere. */
export function defaultBackend(): HttpBackend {
  const isNode = typeof process !== 'undefined' && typeof process.versions?.node === 'string';
  shared ??= isNode ? new UndiciBackend() : new FetchBackend();
  return shared;
}
