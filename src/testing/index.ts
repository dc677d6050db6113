export { FakeMastodon } from './fake-server.js';
export { apiRows, tableRouteKeys, type ApiRow } from './rows.js';
export { TestingBackend, TestRequest, type RequestMatch, type FlushOptions, type VerifyOptions } from './testing-backend.js';
export type { FakeMastodonOptions, RecordedRequest, FakeUpload, FakeInterceptor } from './fake-server.js';
export { FakeStore } from './store.js';
export type { FakeAccount, FakeStatus, FakeUser, FakeApp, FakeToken, FakeNotification, StoreChange, AddNotificationOptions } from './store.js';
export { FakeHttpError } from './routes/types.js';
export type { FakeRequest, FakeReply, FakeRoute, FakeRoutes, FakeAuth, FakeContext } from './routes/types.js';
export { pageReply } from './paginate.js';
export { parsePairs, type ParsedParams, type ParsedValue } from './params.js';
export { fakeMediaState, type FakeMedia, type FakeMediaState } from './routes/media.js';
export { fakePushSubscriptions, type FakePushSubscription } from './routes/push.js';
export { fakeAdmin, FakeAdminState } from './routes/admin-state.js';
export type { FakeModeration, FakeReport, FakeDomainBlock, FakeStaffRole } from './routes/admin-state.js';
export { instanceState, addAnnouncement, type FakeInstanceState, type FakeAnnouncement } from './routes/instance.js';
export { trendingLinksOf, type FakeTrendingLink } from './routes/trends.js';
export { reportsOf, type FakeUserReport } from './routes/reports.js';
export { fakeFilters, type FakeFilter, type FakeFilterKeyword, type FakeFilterStatus } from './filters-state.js';
export {
  deliverNotification, fakeNotifications, releaseMerges, DEFAULT_POLICY,
  type FakeNotificationsState, type FakeNotificationPolicy, type FakeNotificationRequest, type FakePolicyAction,
} from './notifications-state.js';
export { GROUPABLE_NOTIFICATION_TYPES, MAXIMUM_GROUP_SPAN_HOURS } from './notification-groups.js';
export { FakeStreamingControl, fakeStreaming } from './streaming/index.js';
export type { FakeStreamConnection, FakeChannel, FakeWireEvent, FakeStreamingState } from './streaming/index.js';
export type { PageReplyOptions } from './paginate.js';
