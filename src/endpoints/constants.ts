import type { FilterAction, FilterContext } from '../entities/filter.js';
import type { NotificationType } from '../entities/notification.js';

// Values the endpoints check against, for callers too; kept apart from the endpoint modules so
// that `mastodon-rx/api` holds endpoints only.

/**
 * The newest Mastodon version whose API this library covers in full: the API of Mastodon.py
 * 1.8, whose supported version is 3.5.5, with its fixes; newer servers work, and their newer
 * endpoints may be missing.
 */
export const SUPPORTED_VERSION = '3.5.5';

/** The notification types the API documents; `types` and `exclude_types` must be among them. */
export const NOTIFICATION_TYPES: readonly NotificationType[] = [
  'follow', 'follow_request', 'favourite', 'reblog', 'mention', 'poll', 'update', 'status',
  'admin.sign_up', 'admin.report', 'severed_relationships', 'moderation_warning', 'quote', 'quoted_update',
  'added_to_collection', 'collection_update',
];

/** The contexts a filter may apply in. */
export const FILTER_CONTEXTS: readonly FilterContext[] = ['home', 'notifications', 'public', 'thread', 'account'];

/** What a v2 filter may do with what it matches (`blur` since 4.4). */
export const FILTER_ACTIONS: readonly FilterAction[] = ['warn', 'hide', 'blur'];

/** The nodeinfo schema `instanceNodeinfo` asks for unless told otherwise. */
export const NODEINFO_SCHEMA_2_0 = 'http://nodeinfo.diaspora.software/ns/schema/2.0';
