import type { FakeNotification, FakeStatus, FakeStore, StoreChange } from '../store.js';
import { listState } from '../routes/lists.js';
import { filterResults, hiddenByFilter } from '../filters-state.js';
import { notificationJson } from '../notifications-state.js';

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
      return flags.length === 0 && status.visibility !== 'direct' && store.followsOrSelf(channel.accountId, status.account.id);
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

/** A status as the streaming user receives it: with the `filtered` results of their filters. */
function statusJson(store: FakeStore, channel: FakeChannel, status: FakeStatus): string {
  return JSON.stringify({ ...status, filtered: filterResults(store, channel.accountId, status) });
}

/** Whether the status stays out of a home or list stream, as a `hide` filter of the home context keeps it out of the feed. */
function keptOutOfFeed(store: FakeStore, channel: FakeChannel, status: FakeStatus): boolean {
  const kind = channel.name.split(':')[0];
  return (kind === 'user' || kind === 'list') && hiddenByFilter(store, channel.accountId, status, 'home');
}

/**
 * The wire events a store change gives on `channel`: statuses as `update`, `status.update` and
 * `delete` (`conversation` on direct streams), notifications as `notification` on the user's
 * streams, and `notifications_merged` there once accepted requests are merged. Statuses carry
 * the `filtered` results of the streaming user's filters; those a `hide` filter of the home
 * context matches stay out of the user and list streams.
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
  if (change.type === 'notifications.merged') {
    return forUser && change['accountId'] === channel.accountId ? [{ event: 'notifications_merged', data: '1' }] : [];
  }
  if (!status || !channelShows(store, channel, status)) return [];
  if (channel.name === 'direct') {
    if (change.type !== 'status.created' && change.type !== 'status.updated') return [];
    const conversation = { id: `conversation-${status.id}`, unread: true, accounts: [status.account], last_status: status };
    return [{ event: 'conversation', data: JSON.stringify(conversation) }];
  }
  if (change.type !== 'status.deleted' && keptOutOfFeed(store, channel, status)) return [];
  switch (change.type) {
    case 'status.created': return [{ event: 'update', data: statusJson(store, channel, status) }];
    case 'status.updated': return [{ event: 'status.update', data: statusJson(store, channel, status) }];
    case 'status.deleted': return [{ event: 'delete', data: status.id }];
    default: return [];
  }
}
