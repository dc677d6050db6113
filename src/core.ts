// mastodon-rx/core: the client without endpoints (MastodonClient: the request pipeline, rate
// limiter, versions, pagination), the means to declare endpoints, and every type and helper
// that is not an endpoint. Endpoints are in mastodon-rx/api; the Mastodon class in mastodon-rx.
export { MastodonClient } from './client/client.js';
export { call, checkFeatures, headerParams } from './client/call.js';
export {
  coreEndpoint as endpoint, coreRow as row, json, page, objectPage, text, nothing,
  type AnyEndpoint, type Endpoint, type EndpointFunction, type EndpointSpec,
  type BodyEncoding, type PreparedParams, type ResultKind, type Returns, type Route, type FeatureSetName,
} from './endpoints/define.js';
export { byVersion, type VersionSwitch } from './endpoints/by-version.js';
export { SUPPORTED_VERSION, NOTIFICATION_TYPES, FILTER_CONTEXTS, FILTER_ACTIONS, NODEINFO_SCHEMA_2_0 } from './endpoints/constants.js';
export type { PaginationOptions } from './endpoints/common.js';
export type { MastodonOptions, CreateAppOptions, VersionCheckMode, FeatureSet } from './client/options.js';
export * from './errors.js';
export type { HttpBackend, HttpRequest, HttpResponse, HttpMethod, RequestBody } from './http/backend.js';
export { FetchBackend } from './http/fetch-backend.js';
export { UndiciBackend } from './http/undici-backend.js';
export type { ApiCall, Call } from './http/transport.js';
export { fillPath, type FilledPath } from './http/fill-path.js';
export type { ResultReader } from './http/response.js';
export { formBody, jsonBody, formOrJsonBody, type Params, type ParamValue, type BodyEncoder, type EncodedBody } from './http/params.js';
export { RateLimiter, type RateLimitState, type RatelimitMethod } from './ratelimit/limiter.js';
export type { Page, PageRequest, ObjectPage, PageLinks, PageKind } from './pagination/page.js';
export { parseLinkHeader, type Link } from './pagination/link-header.js';
export { paginate, paginateItems, type PaginateOptions, type PageSource, type ObjectPageSource } from './pagination/paginate.js';
export { fetchPage, type PageDirection, type PageFetcher } from './pagination/follow.js';
export { parseReset, MAX_WAIT_SECONDS } from './ratelimit/limiter.js';
export { idOf, snowflakeOf, type IdLike, type HasId, type PaginationId } from './ids.js';
export { parseVersion, versionAtLeast, type Version } from './versions/version.js';
export type * from './entities/account.js';
export type * from './entities/status.js';
export type * from './entities/instance.js';
export type { MediaFile, PreparedFile, FileDescription } from './media/source.js';
export type { UploadEvent, UploadProgressEvent, UploadDoneEvent } from './media/upload.js';
export type { UploadProgress } from './media/multipart.js';
export { awaitMediaProcessing, type MediaProcessingOptions } from './media/processing.js';
export { sniffMimeType, mimeTypeFromName } from './media/mime.js';
export { generatePushKeys, type PushPrivateKeys, type PushPublicKeys } from './push/keys.js';
export { decryptPush, type PushNotification, type DecryptPushOptions } from './push/decrypt.js';
export type * from './entities/relationship.js';
export type * from './entities/list.js';
export type * from './entities/context.js';
export type * from './entities/conversation.js';
export type * from './entities/scheduled-status.js';
export type * from './entities/status-edit.js';
export type * from './entities/admin.js';
export type * from './entities/announcement.js';
export type * from './entities/filter.js';
export type * from './entities/instance-info.js';
export type * from './entities/marker.js';
export type * from './entities/notification.js';
export type * from './entities/preferences.js';
export type * from './entities/report.js';
export type * from './entities/search.js';
export type * from './entities/tag.js';
export type * from './entities/trends.js';
export type * from './entities/quote.js';
export type * from './entities/collection.js';
export type * from './entities/grouped-notifications.js';
export type * from './entities/notification-policy.js';
export type * from './entities/instance-v2.js';
export type * from './entities/oauth.js';
export type * from './entities/profile.js';
export type * from './entities/translation.js';
export type * from './entities/async-refresh.js';
export type * from './entities/annual-report.js';
export type * from './entities/suggestion.js';
export type * from './entities/admin-blocks.js';
export { MastodonStream, type StreamOptions, type StreamStatus } from './streaming/stream.js';
export type * from './streaming/events.js';
export type * from './streaming/payloads.js';
export type { PublicStreamFilter } from './streaming/targets.js';
export type { BackoffConfig } from './streaming/backoff.js';
export { backoffDelay } from './streaming/backoff.js';
export { reconnectWithBackoff, stallTimeout, isRetryableStreamError, type ReconnectConfig } from './streaming/operators.js';
export { decodeEvent, decodeSocketFrame, type SocketFrame } from './streaming/decode.js';
export {
  useWebSocket, type SocketCloseEvent, type SocketEventHandler, type SocketMessageEvent, type WebSocketConstructor, type WebSocketLike,
} from './streaming/websocket-connection.js';
export {
  StreamListener, CallbackStreamListener, attachListener, dispatchToListener,
  type CallbackStreamListenerOptions, type StreamHandle, type Handler,
} from './streaming/listener.js';
export type { ListenerStreamOptions } from './streaming/methods.js';
