import type { FakeRoutes } from './types.js';
import { accountRoutes } from './accounts.js';
import { authRoutes } from './auth.js';
import { instanceRoutes } from './instance.js';
import { mediaRoutes } from './media.js';
import { profileRoutes } from './profile.js';
import { pushRoutes } from './push.js';
import { statusRoutes } from './statuses.js';
import { timelineRoutes } from './timelines.js';

/** Every route of the fake server, one line per area. */
export const fakeRoutes: FakeRoutes = {
  ...authRoutes,
  ...accountRoutes,
  ...instanceRoutes,
  ...mediaRoutes,
  ...profileRoutes,
  ...pushRoutes,
  ...statusRoutes,
  ...timelineRoutes,
};
