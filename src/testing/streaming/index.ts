import type { FakeRoutes } from '../routes/types.js';
import { sseRoutes } from './sse.js';

/** The streaming routes of the fake server: SSE endpoints and the REST reads catch-up needs. */
export const streamingRoutes: FakeRoutes = {
  ...sseRoutes,
};

export { FakeStreamingControl, fakeStreaming, type FakeStreamConnection, type FakeStreamingState } from './control.js';
export { type FakeChannel, type FakeWireEvent } from './channels.js';
