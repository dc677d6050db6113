export { FakeMastodon, tableRouteKeys } from './fake-server.js';
export type { FakeMastodonOptions, RecordedRequest, FakeUpload, FakeInterceptor } from './fake-server.js';
export { FakeStore } from './store.js';
export type { FakeAccount, FakeStatus, FakeUser, FakeApp, FakeToken, FakeNotification, StoreChange } from './store.js';
export { FakeHttpError } from './routes/types.js';
export type { FakeRequest, FakeReply, FakeRoute, FakeRoutes, FakeAuth, FakeContext } from './routes/types.js';
export { pageReply } from './paginate.js';
export { parsePairs, type ParsedParams, type ParsedValue } from './params.js';
