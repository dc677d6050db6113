// mastodon-rx/api: every endpoint as a function that takes a client first
// (`timelineHome(client, { limit: 20 })`), and the types of their options. Each is a
// module-level export, so a bundler keeps only those an app imports. The `Mastodon` class
// (src/client/mastodon.ts) is generated from this module's exports by scripts/generate-class.ts:
// every function here becomes a method of the same name.
export * from './endpoints/accounts.js';
export * from './endpoints/admin/accounts.js';
export * from './endpoints/admin/domain-blocks.js';
export * from './endpoints/admin/reports.js';
export * from './endpoints/admin/stats.js';
export * from './endpoints/admin/trends.js';
export * from './endpoints/auth.js';
export * from './endpoints/conversations.js';
export * from './endpoints/favourites.js';
export * from './endpoints/featured-tags.js';
export * from './endpoints/filters.js';
export * from './endpoints/filters-v2.js';
export * from './endpoints/instance.js';
export * from './endpoints/instance-extras.js';
export * from './endpoints/lists.js';
export * from './endpoints/media.js';
export * from './endpoints/media-uploads.js';
export * from './endpoints/notifications.js';
export * from './endpoints/grouped-notifications.js';
export * from './endpoints/notification-requests.js';
export * from './endpoints/polls.js';
export * from './endpoints/preferences.js';
export * from './endpoints/profile.js';
export * from './endpoints/push.js';
export * from './endpoints/push-crypto.js';
export * from './endpoints/relationships.js';
export * from './endpoints/reports.js';
export * from './endpoints/search.js';
export * from './endpoints/status-extras.js';
export * from './endpoints/statuses.js';
export * from './endpoints/suggestions.js';
export * from './endpoints/timelines.js';
export * from './endpoints/trends.js';
export * from './endpoints/utility.js';
export * from './endpoints/versions.js';
export * from './pagination/methods.js';
export * from './streaming/methods.js';
export { decodeBlurhash, type BlurhashImage, type DecodeBlurhashOptions } from './blurhash/decode.js';
