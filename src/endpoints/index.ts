import type { ExtrasOf, MethodsOf } from './define.js';
import { accounts } from './accounts.js';
import { adminAccounts } from './admin/accounts.js';
import { adminDomainBlockExtras, adminDomainBlocks } from './admin/domain-blocks.js';
import { adminReports } from './admin/reports.js';
import { adminStats } from './admin/stats.js';
import { adminTrends } from './admin/trends.js';
import { instance } from './instance.js';
import { statuses } from './statuses.js';
import { timelines } from './timelines.js';

/**
 * Every endpoint table, one line per area: the single source from which the client's
 * methods, their version checks and the fake server's routes follow.
 */
export const endpointTables = {
  accounts,
  adminAccounts,
  adminDomainBlocks,
  adminReports,
  adminStats,
  adminTrends,
  instance,
  statuses,
  timelines,
} as const;

/** Hand-written client methods, one line per area; each takes the client as `this`. */
export const extraMethods = {
  ...adminDomainBlockExtras,
} as const;

/** The client methods of all tables. */
export type EndpointMethods =
  & MethodsOf<typeof accounts>
  & MethodsOf<typeof adminAccounts>
  & MethodsOf<typeof adminDomainBlocks>
  & MethodsOf<typeof adminReports>
  & MethodsOf<typeof adminStats>
  & MethodsOf<typeof adminTrends>
  & MethodsOf<typeof instance>
  & MethodsOf<typeof statuses>
  & MethodsOf<typeof timelines>
  & ExtrasOf<typeof extraMethods>;
