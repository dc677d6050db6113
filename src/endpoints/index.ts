import type { ExtrasOf, MethodsOf } from './define.js';
import { accounts } from './accounts.js';
import { adminAccounts } from './admin/accounts.js';
import { adminDomainBlockExtras, adminDomainBlocks } from './admin/domain-blocks.js';
import { adminReports } from './admin/reports.js';
import { adminStats } from './admin/stats.js';
import { adminTrends } from './admin/trends.js';
import { instance } from './instance.js';
import { media, mediaExtras } from './media.js';
import { profileExtras } from './profile.js';
import { push, pushExtras } from './push.js';
import { paginationMethods } from '../pagination/methods.js';
import { filterExtras, filters, type FilterMethods } from './filters.js';
import { instanceExtras } from './instance-extras.js';
import { trendExtras, trends } from './trends.js';
import { utilityExtras } from './utility.js';
import { featuredTags } from './featured-tags.js';
import { notificationExtras, notifications, type NotificationMethods } from './notifications.js';
import { preferences } from './preferences.js';
import { reportExtras, reports } from './reports.js';
import { searchExtras } from './search.js';
import { statusPostExtras, statuses } from './statuses.js';
import { timelines } from './timelines.js';
import { statusExtras } from './status-extras.js';
import { polls, pollExtras } from './polls.js';
import { relationships } from './relationships.js';
import { lists } from './lists.js';
import { conversations } from './conversations.js';
import { favourites } from './favourites.js';
import { suggestions } from './suggestions.js';
import { streamingMethods } from '../streaming/methods.js';

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
  featuredTags,
  filters,
  instance,
  media,
  push,
  notifications,
  preferences,
  reports,
  statuses,
  timelines,
  polls,
  relationships,
  lists,
  conversations,
  favourites,
  suggestions,
  trends,
} as const;

/** Hand-written client methods, one line per area; each takes the client as `this`. */
export const extraMethods = {
  ...statusPostExtras,
  ...mediaExtras,
  ...profileExtras,
  ...pushExtras,
  ...statusExtras,
  ...pollExtras,
  ...paginationMethods,
  ...adminDomainBlockExtras,
  ...instanceExtras,
  ...trendExtras,
  ...searchExtras,
  ...notificationExtras,
  ...filterExtras,
  ...reportExtras,
  ...utilityExtras,
  ...streamingMethods,
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
  & MethodsOf<typeof media>
  & MethodsOf<typeof push>
  & MethodsOf<typeof statuses>
  & MethodsOf<typeof timelines>
  & MethodsOf<typeof polls>
  & MethodsOf<typeof relationships>
  & MethodsOf<typeof lists>
  & MethodsOf<typeof conversations>
  & MethodsOf<typeof favourites>
  & MethodsOf<typeof suggestions>
  & ExtrasOf<typeof paginationMethods>
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
