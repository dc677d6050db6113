import type { FakeRoutes } from './types.js';
import { accountRoutes } from './accounts.js';
import { authRoutes } from './auth.js';
import { instanceRoutes } from './instance.js';
import { statusRoutes } from './statuses.js';
import { timelineRoutes } from './timelines.js';
import { streamingRoutes } from '../streaming/index.js';

/** Every route of the fake server, one line per area. */
export const fakeRoutes: FakeRoutes = {
  ...authRoutes,
  ...accountRoutes,
  ...instanceRoutes,
  ...statusRoutes,
  ...timelineRoutes,
  ...streamingRoutes,
};
