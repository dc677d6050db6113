import type { FakeRoutes } from '../routes/types.js';
import { catchUpRoutes } from './catch-up-routes.js';
import { sseRoutes } from './sse.js';

/** The streaming routes of the fake server: SSE endpoints and the REST reads catch-up needs. */
export const streamingRoutes: FakeRoutes = {
  ...sseRoutes,
  ...catchUpRoutes,
};

export { FakeStreamingControl, fakeStreaming, type FakeStreamConnection } from './control.js';
export { fakeListMembers, type FakeChannel, type FakeWireEvent } from './channels.js';
