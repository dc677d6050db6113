import type { ExtrasOf, MethodsOf } from './define.js';
import { accounts } from './accounts.js';
import { instance } from './instance.js';
import { paginationMethods } from '../pagination/methods.js';
import { statuses } from './statuses.js';
import { timelines } from './timelines.js';
import { statusExtras } from './status-extras.js';
import { polls, pollExtras } from './polls.js';
import { relationships } from './relationships.js';
import { lists } from './lists.js';
import { conversations } from './conversations.js';
import { favourites } from './favourites.js';
import { suggestions } from './suggestions.js';

/**
 * Every endpoint table, one line per area: the single source from which the client's
 * methods, their version checks and the fake server's routes follow.
 */
export const endpointTables = {
  accounts,
  instance,
  statuses,
  timelines,
  polls,
  relationships,
  lists,
  conversations,
  favourites,
  suggestions,
} as const;

/** Hand-written client methods, one line per area; each takes the client as `this`. */
export const extraMethods = {
  ...statusExtras,
  ...pollExtras,
  ...paginationMethods,
} as const;

/** The client methods of all tables. */
export type EndpointMethods =
  & MethodsOf<typeof accounts>
  & MethodsOf<typeof instance>
  & MethodsOf<typeof statuses>
  & MethodsOf<typeof timelines>
  & MethodsOf<typeof polls>
  & MethodsOf<typeof relationships>
  & MethodsOf<typeof lists>
  & MethodsOf<typeof conversations>
  & MethodsOf<typeof favourites>
  & MethodsOf<typeof suggestions>
  & ExtrasOf<typeof paginationMethods>
  & ExtrasOf<typeof extraMethods>;
