import type { ExtrasOf, MethodsOf } from './define.js';
import { accounts } from './accounts.js';
import { filterExtras, filters, type FilterMethods } from './filters.js';
import { instance } from './instance.js';
import { instanceExtras } from './instance-extras.js';
import { trendExtras, trends } from './trends.js';
import { utilityExtras } from './utility.js';
import { featuredTags } from './featured-tags.js';
import { notificationExtras, notifications, type NotificationMethods } from './notifications.js';
import { preferences } from './preferences.js';
import { reportExtras, reports } from './reports.js';
import { searchExtras } from './search.js';
import { statuses } from './statuses.js';
import { timelines } from './timelines.js';

/**
 * Every endpoint table, one line per area: the single source from which the client's
 * methods, their version checks and the fake server's routes follow.
 */
export const endpointTables = {
  accounts,
  featuredTags,
  filters,
  instance,
  notifications,
  preferences,
  reports,
  statuses,
  timelines,
  trends,
} as const;

/** Hand-written client methods, one line per area; each takes the client as `this`. */
export const extraMethods = {
  ...instanceExtras,
  ...trendExtras,
  ...searchExtras,
  ...notificationExtras,
  ...filterExtras,
  ...reportExtras,
  ...utilityExtras,
} as const;

/** The client methods of all tables. */
export type EndpointMethods =
  & MethodsOf<typeof accounts>
  & MethodsOf<typeof instance>
  & MethodsOf<typeof statuses>
  & MethodsOf<typeof timelines>
  & MethodsOf<typeof trends>
  & MethodsOf<typeof featuredTags>
  & MethodsOf<typeof notifications>
  & MethodsOf<typeof filters>
  & MethodsOf<typeof preferences>
  & MethodsOf<typeof reports>
  // Before the extras, so that its overloads are tried first.
  & NotificationMethods
  & FilterMethods
  & ExtrasOf<typeof extraMethods>;
