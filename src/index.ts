export { Mastodon } from './client/mastodon.js';
export type {
  LogInOptions, AuthRequestUrlOptions, CreateAccountOptions, VerifyMinimumVersionOptions,
} from './client/mastodon.js';
export type { MastodonOptions, CreateAppOptions, VersionCheckMode, FeatureSet } from './client/options.js';
export * from './errors.js';
export type { HttpBackend, HttpRequest, HttpResponse, HttpMethod, RequestBody } from './http/backend.js';
export { FetchBackend } from './http/fetch-backend.js';
export { UndiciBackend } from './http/undici-backend.js';
export type { ApiCall } from './http/transport.js';
export type { Params, ParamValue } from './http/params.js';
export { RateLimiter, type RateLimitState, type RatelimitMethod } from './ratelimit/limiter.js';
export type { Page, PageRequest } from './pagination/page.js';
export { parseLinkHeader, type Link } from './pagination/link-header.js';
export { paginate, paginateItems, type PaginateOptions, type PageSource } from './pagination/paginate.js';
export { fetchPage, type PageDirection, type PageFetcher } from './pagination/follow.js';
export { parseReset, MAX_WAIT_SECONDS } from './ratelimit/limiter.js';
export { idOf, snowflakeOf, type IdLike, type HasId, type PaginationId } from './ids.js';
export { parseVersion, versionAtLeast, type Version } from './versions/version.js';
export type { PaginationOptions } from './endpoints/common.js';
export type { StatusPostOptions, PollSpec } from './endpoints/statuses.js';
export type { TimelineOptions, AnyTimelineOptions } from './endpoints/timelines.js';
export type * from './entities/account.js';
export type * from './entities/status.js';
export type * from './entities/instance.js';
export { decodeBlurhash, type DecodeBlurhashOptions, type BlurhashImage } from './blurhash/decode.js';
export type { MediaPostOptions, MediaUpdateOptions, MediaUploadEvent, MediaProcessingEvent } from './endpoints/media.js';
export type { AccountUpdateCredentialsOptions, ProfileField } from './endpoints/profile.js';
export type { MediaFile, PreparedFile, FileDescription } from './media/source.js';
export type { UploadEvent, UploadProgressEvent, UploadDoneEvent } from './media/upload.js';
export type { UploadProgress } from './media/multipart.js';
export { awaitMediaProcessing, type MediaProcessingOptions } from './media/processing.js';
export { sniffMimeType, mimeTypeFromName } from './media/mime.js';
export type {
  WebPushSubscription, PushPolicy, PushEventOptions, PushSubscriptionSetOptions, PushSubscriptionUpdateOptions,
} from './endpoints/push.js';
export { generatePushKeys, type PushPrivateKeys, type PushPublicKeys } from './push/keys.js';
export { decryptPush, type PushNotification, type DecryptPushOptions } from './push/decrypt.js';
export type { StatusUpdateOptions, StatusReblogOptions } from './endpoints/statuses.js';
export type { StatusReplyOptions, ReplyTarget } from './endpoints/status-extras.js';
export type { MakePollOptions } from './endpoints/polls.js';
export type {
  AccountStatusesOptions, AccountSearchOptions, AccountFollowOptions, AccountMuteOptions,
} from './endpoints/accounts.js';
export type { DomainBlockOptions } from './endpoints/relationships.js';
export type { LocalTimelineOptions } from './endpoints/timelines.js';
export type * from './entities/relationship.js';
export type * from './entities/list.js';
export type * from './entities/context.js';
export type * from './entities/conversation.js';
export type * from './entities/scheduled-status.js';
export type * from './entities/status-edit.js';
export type * from './entities/admin.js';
export type {
  AdminAccountFilters, AdminAccountsV2Options, AdminAccountsV1Options, AdminAccountModerateOptions, AdminAccountStatus, AdminModerationAction,
} from './endpoints/admin/accounts.js';
export type { AdminReportsOptions } from './endpoints/admin/reports.js';
export type { AdminTrendingTagsOptions } from './endpoints/admin/trends.js';
export type { AdminDomainBlockOptions, AdminDomainBlocksOptions } from './endpoints/admin/domain-blocks.js';
export type { AdminMeasuresOptions, AdminDimensionsOptions, AdminRetentionOptions } from './endpoints/admin/stats.js';
export type { DirectoryOptions } from './endpoints/instance.js';
export { NODEINFO_SCHEMA_2_0, type InstanceNodeinfoOptions } from './endpoints/instance-extras.js';
export type { TrendOptions } from './endpoints/trends.js';
export type { SearchOptions, SearchV1Options, SearchResultType } from './endpoints/search.js';
export { NOTIFICATION_TYPES, type NotificationsOptions } from './endpoints/notifications.js';
export { FILTER_CONTEXTS, type FilterCreateOptions, type FilterUpdateOptions, type Filterable } from './endpoints/filters.js';
export type { MarkersGetOptions } from './endpoints/preferences.js';
export type { ReportOptions, ReportCategoryOption } from './endpoints/reports.js';
export { SUPPORTED_VERSION } from './endpoints/utility.js';
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
export type { AnyEndpoint, Endpoint, BodyEncoding, EndpointEncoding, ResultKind, Returns, Route, FeatureSetName } from './endpoints/define.js';
