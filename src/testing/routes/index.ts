import type { FakeRoutes } from './types.js';
import { accountRoutes } from './accounts.js';
import { adminRoutes } from './admin.js';
import { adminBlockRoutes } from './admin-blocks.js';
import { adminTrendRoutes } from './admin-trends.js';
import { adminStatsRoutes } from './admin-stats.js';
import { authRoutes } from './auth.js';
import { oauthRoutes } from './oauth.js';
import { featuredTagRoutes } from './featured-tags.js';
import { tagRoutes } from './tags.js';
import { filterRoutes } from './filters.js';
import { filterV2Routes } from './filters-v2.js';
import { instanceRoutes } from './instance.js';
import { instanceV2Routes } from './instance-v2.js';
import { mediaRoutes } from './media.js';
import { profileRoutes } from './profile.js';
import { profileV2Routes } from './profile-v2.js';
import { pushRoutes } from './push.js';
import { notificationRoutes } from './notifications.js';
import { groupedNotificationRoutes } from './grouped-notifications.js';
import { notificationRequestRoutes } from './notification-requests.js';
import { preferenceRoutes } from './preferences.js';
import { reportRoutes } from './reports.js';
import { searchRoutes } from './search.js';
import { trendRoutes } from './trends.js';
import { statusRoutes } from './statuses.js';
import { statusLookupRoutes } from './status-lookups.js';
import { timelineRoutes } from './timelines.js';
import { relationshipRoutes } from './relationships.js';
import { listRoutes } from './lists.js';
import { pollRoutes } from './polls.js';
import { conversationRoutes } from './conversations.js';
import { favouriteRoutes } from './favourites.js';
import { endorsementRoutes } from './endorsements.js';
import { suggestionRoutes } from './suggestions.js';
import { annualReportRoutes } from './annual-reports.js';
import { asyncRefreshRoutes } from './async-refreshes.js';
import { collectionRoutes } from './collections.js';
import { streamingRoutes } from '../streaming/index.js';

/** Every route of the fake server, one line per area. */
export const fakeRoutes: FakeRoutes = {
  ...authRoutes,
  ...oauthRoutes,
  ...accountRoutes,
  ...adminRoutes,
  ...adminBlockRoutes,
  ...adminTrendRoutes,
  ...adminStatsRoutes,
  ...instanceRoutes,
  ...instanceV2Routes,
  ...mediaRoutes,
  ...profileRoutes,
  ...profileV2Routes,
  ...pushRoutes,
  ...statusRoutes,
  ...statusLookupRoutes,
  ...timelineRoutes,
  ...relationshipRoutes,
  ...listRoutes,
  ...pollRoutes,
  ...conversationRoutes,
  ...favouriteRoutes,
  ...endorsementRoutes,
  ...suggestionRoutes,
  ...annualReportRoutes,
  ...asyncRefreshRoutes,
  ...collectionRoutes,
  ...trendRoutes,
  ...searchRoutes,
  ...featuredTagRoutes,
  ...tagRoutes,
  ...notificationRoutes,
  ...groupedNotificationRoutes,
  ...notificationRequestRoutes,
  ...filterRoutes,
  ...filterV2Routes,
  ...preferenceRoutes,
  ...reportRoutes,
  ...streamingRoutes,
};
