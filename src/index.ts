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
export { MastodonStream, type StreamOptions, type StreamStatus } from './streaming/stream.js';
export type * from './streaming/events.js';
export type * from './streaming/payloads.js';
export type { PublicStreamFilter } from './streaming/targets.js';
export type { BackoffConfig } from './streaming/backoff.js';
export { backoffDelay } from './streaming/backoff.js';
export { reconnectWithBackoff, stallTimeout, isRetryableStreamError, type ReconnectConfig } from './streaming/operators.js';
export { decodeEvent, decodeSocketFrame, type SocketFrame } from './streaming/decode.js';
export { useWebSocket, type WebSocketConstructor, type WebSocketLike } from './streaming/websocket-connection.js';
export {
  StreamListener, CallbackStreamListener, attachListener, dispatchToListener,
  type CallbackStreamListenerOptions, type StreamHandle,
} from './streaming/listener.js';
