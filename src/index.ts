// mastodon-rx: the Mastodon class (every endpoint a method) and everything of mastodon-rx/core.
export * from './core.js';
export { Mastodon } from './client/mastodon.js';
export type { LogInOptions, AuthRequestUrlOptions, CreateAccountOptions } from './endpoints/auth.js';
export type { RetrieveMastodonVersionOptions, VerifyMinimumVersionOptions } from './endpoints/versions.js';
export type { StatusPostOptions, PollSpec } from './endpoints/statuses.js';
export type { TimelineOptions, AnyTimelineOptions } from './endpoints/timelines.js';
export { decodeBlurhash, type DecodeBlurhashOptions, type BlurhashImage } from './blurhash/decode.js';
export type { MediaPostOptions, MediaUpdateOptions, MediaUploadEvent, MediaProcessingEvent } from './endpoints/media-uploads.js';
export type { AccountUpdateCredentialsOptions, ProfileField } from './endpoints/profile.js';
export type {
  WebPushSubscription, PushAlert, PushPolicy, PushEventOptions, PushSubscriptionSetOptions, PushSubscriptionUpdateOptions,
} from './endpoints/push.js';
export type { StatusUpdateOptions, StatusReblogOptions } from './endpoints/statuses.js';
export type { StatusReplyOptions, ReplyTarget } from './endpoints/status-extras.js';
export type { MakePollOptions } from './endpoints/polls.js';
export type {
  AccountStatusesOptions, AccountSearchOptions, AccountFollowOptions, AccountRelationshipsOptions, AccountMuteOptions,
} from './endpoints/accounts.js';
export type { DomainBlockOptions } from './endpoints/relationships.js';
export type { ListOptions } from './endpoints/lists.js';
export type { HashtagTimelineOptions, LocalTimelineOptions } from './endpoints/timelines.js';
export type {
  AdminAccountFilters, AdminAccountsV2Options, AdminAccountsV1Options, AdminAccountModerateOptions, AdminAccountStatus, AdminModerationAction,
} from './endpoints/admin/accounts.js';
export type { AdminReportsOptions, AdminUpdateReportOptions } from './endpoints/admin/reports.js';
export type { AdminIpBlockOptions, AdminUpdateIpBlockOptions } from './endpoints/admin/ip-blocks.js';
export type { AdminEmailDomainBlockOptions } from './endpoints/admin/email-domain-blocks.js';
export type { AdminCanonicalEmailBlockOptions } from './endpoints/admin/canonical-email-blocks.js';
export type { AdminUpdateTagOptions } from './endpoints/admin/tags.js';
export type { AdminTrendTarget } from './endpoints/admin/trend-reviews.js';
export type { AdminTrendingTagsOptions } from './endpoints/admin/trends.js';
export type { AdminDomainBlockOptions, AdminDomainBlocksOptions } from './endpoints/admin/domain-blocks.js';
export type { AdminMeasuresOptions, AdminDimensionsOptions, AdminRetentionOptions } from './endpoints/admin/stats.js';
export type { DirectoryOptions } from './endpoints/instance.js';
export type { InstanceNodeinfoOptions } from './endpoints/instance-extras.js';
export type { TrendOptions } from './endpoints/trends.js';
export type { SearchOptions, SearchV1Options, SearchResultType } from './endpoints/search.js';
export type { NotificationsOptions, NotificationsUnreadCountOptions } from './endpoints/notifications.js';
export type {
  GroupedNotificationsOptions, GroupedNotificationOptions, UnreadGroupedNotificationsCountOptions, ExpandAccounts, GroupKeyLike,
} from './endpoints/grouped-notifications.js';
export type { UpdateNotificationsPolicyOptions } from './endpoints/notification-requests.js';
export type { FilterCreateOptions, FilterUpdateOptions, Filterable } from './endpoints/filters.js';
export type {
  CreateFilterV2Options, UpdateFilterV2Options, AddFilterKeywordV2Options, UpdateFilterKeywordV2Options, FilterKeywordAttributes,
} from './endpoints/filters-v2.js';
export type { MarkersGetOptions } from './endpoints/preferences.js';
export type { ReportOptions, ReportCategoryOption } from './endpoints/reports.js';
