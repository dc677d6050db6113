import type { FakeNotification, FakeStatus, FakeStore, StoreChange } from '../store.js';
import { inExclusiveList, listState } from '../routes/lists.js';
import { conversationEndingWith, conversationJson, type FakeConversation } from '../routes/conversations.js';
import { notificationJson } from '../notifications-state.js';
import { filterResults, hiddenByFilter } from '../filters-state.js';
import { inHomeFeed } from '../routes/social.js';
import { statusView } from '../routes/status-state.js';
import { deliveredByFollowedTag } from '../routes/tags.js';

/** One event as the fake server sends it: a name and its `data`/`payload` text. */
export interface FakeWireEvent {
  readonly event: string;
  readonly data: string;
}

/** A stream a connection asked for: its name and, for hashtag and list streams, the tag or list id. */
export interface FakeChannel {
  /** `user`, `user:notification`, `public`, `public:local`, `public:media`, `hashtag`, `list`, `direct`... */
  readonly name: string;
  readonly tag?: string;
  readonly list?: string;
  /** The streaming user's account id. */
  readonly accountId: string;
}

function hasMedia(status: FakeStatus): boolean {
  return Array.isArray(status['media_attachments']) && status['media_attachments'].length > 0;
}

function hasTag(status: FakeStatus, tag: string): boolean {
  return status.content.toLowerCase().includes(`#${tag.toLowerCase()}`);
}

function mentions(status: FakeStatus, accountId: string): boolean {
  const list = status['mentions'];
  return Array.isArray(list) && list.some((m) => (m as { id?: unknown }).id === accountId);
}

/** Whether `channel` shows `status` (the fake server has no remote statuses). */
export function channelShows(store: FakeStore, channel: FakeChannel, status: FakeStatus): boolean {
  const [kind, ...flags] = channel.name.split(':');
  const media = !flags.includes('media') || hasMedia(status);
  switch (kind) {
    case 'user':
      return flags.length === 0 && (inHomeFeed(store, channel.accountId, status) || deliveredByFollowedTag(store, channel.accountId, status))
        && (status.account.id === channel.accountId || !inExclusiveList(store, channel.accountId, status.account.id));
    case 'public':
      return status.visibility === 'public' && media && !flags.includes('remote');
    case 'hashtag':
      return status.visibility === 'public' && channel.tag !== undefined && hasTag(status, channel.tag);
    case 'list': {
      const list = channel.list === undefined ? undefined : listState(store).get(channel.list);
      return list !== undefined && status.visibility !== 'direct' && list.members.has(status.account.id);
    }
    case 'direct':
      return status.visibility === 'direct' && (status.account.id === channel.accountId || mentions(status, channel.accountId));
    default:
      return false;
  }
}

/** Who a channel's statuses are rendered for: the user of a user's own streams; nobody on public ones, as Mastodon renders them. */
function viewerOf(channel: FakeChannel): string | undefined {
  const [kind] = channel.name.split(':');
  return kind === 'user' || kind === 'list' || kind === 'direct' ? channel.accountId : undefined;
}

/**
 * A status as a channel carries it: rendered for the streaming user on their own streams; on
 * public ones rendered for nobody, with the `filtered` results of the streaming user's filters
 * when any matches, as Mastodon's streaming server adds them.
 */
function streamedStatus(store: FakeStore, channel: FakeChannel, status: FakeStatus): string {
  const viewer = viewerOf(channel);
  const json = statusView(store, status, viewer);
  if (viewer === undefined) {
    const results = filterResults(store, channel.accountId, status);
    if (results.length > 0) json['filtered'] = results;
  }
  return JSON.stringify(json);
}

/** Whether the status stays out of a home or list stream, as a `hide` filter of the home context keeps it out of the feed. */
function keptOutOfFeed(store: FakeStore, channel: FakeChannel, status: FakeStatus): boolean {
  const kind = channel.name.split(':')[0];
  return (kind === 'user' || kind === 'list') && hiddenByFilter(store, channel.accountId, status, 'home');
}

/**
 * The wire events a store change gives on `channel`: statuses as `update`, `status.update` and
 * `delete` (rendered for the streaming user on their own streams, with the `filtered` results
 * of their filters; those a `hide` filter of the home context matches stay out of the user and
 * list streams), conversations as `conversation` on direct streams, notifications as
 * `notification` on the user's streams, and `notifications_merged` there once accepted requests
 * are merged.
 */
export function eventsFor(store: FakeStore, channel: FakeChannel, change: StoreChange): FakeWireEvent[] {
  const status = change['status'] as FakeStatus | undefined;
  const forUser = channel.name === 'user' || channel.name === 'user:notification';
  if (change.type === 'notification.created') {
    const notification = change['notification'] as FakeNotification;
    return forUser && notification.recipientId === channel.accountId
      ? [{ event: 'notification', data: JSON.stringify(notificationJson(store, notification)) }]
      : [];
  }
  if (change.type === 'conversation.updated') {
    return channel.name === 'direct' && change['ownerId'] === channel.accountId
      ? [{ event: 'conversation', data: JSON.stringify(conversationJson(store, channel.accountId, change['conversation'] as FakeConversation)) }]
      : [];
  }
  if (change.type === 'notifications.merged') {
    return forUser && change['accountId'] === channel.accountId ? [{ event: 'notifications_merged', data: '1' }] : [];
  }
  if (!status || !channelShows(store, channel, status)) return [];
  if (channel.name === 'direct') {
    // A new direct status arrives as its conversation (`conversation.updated`); an edit, here.
    const conversation = change.type === 'status.updated' ? conversationEndingWith(store, channel.accountId, status.id) : undefined;
    return conversation ? [{ event: 'conversation', data: JSON.stringify(conversationJson(store, channel.accountId, conversation)) }] : [];
  }
  if (change.type !== 'status.deleted' && keptOutOfFeed(store, channel, status)) return [];
  switch (change.type) {
    case 'status.created': return [{ event: 'update', data: streamedStatus(store, channel, status) }];
    case 'status.updated': return [{ event: 'status.update', data: streamedStatus(store, channel, status) }];
    case 'status.deleted': return [{ event: 'delete', data: status.id }];
    default: return [];
  }
}
