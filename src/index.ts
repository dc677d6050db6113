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
