import type { ExtrasOf, MethodsOf } from './define.js';
import { accounts } from './accounts.js';
import { instance } from './instance.js';
import { statuses } from './statuses.js';
import { timelines } from './timelines.js';
import { streamingMethods } from '../streaming/methods.js';

/**
 * Every endpoint table, one line per area: the single source from which the client's
 * methods, their version checks and the fake server's routes follow.
 */
export const endpointTables = {
  accounts,
  instance,
  statuses,
  timelines,
} as const;

/** Hand-written client methods, one line per area; each takes the client as `this`. */
export const extraMethods = {
  ...streamingMethods,
} as const;

/** The client methods of all tables. */
export type EndpointMethods =
  & MethodsOf<typeof accounts>
  & MethodsOf<typeof instance>
  & MethodsOf<typeof statuses>
  & MethodsOf<typeof timelines>
  & ExtrasOf<typeof extraMethods>;
