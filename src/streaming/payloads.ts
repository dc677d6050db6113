import type { Announcement } from '../entities/announcement.js';
import type { Conversation } from '../entities/conversation.js';
import type { Notification } from '../entities/notification.js';

/** A notification as the streaming API sends it: the REST entity. */
export type StreamNotification = Notification;

/** A direct conversation as the streaming API sends it: the REST entity. */
export type StreamConversation = Conversation;

/** An announcement as the streaming API sends it: the REST entity. */
export type StreamAnnouncement = Announcement;

/** A reaction count change on an announcement (`announcement.reaction`). */
export interface StreamAnnouncementReaction {
  name: string;
  count: number;
  announcement_id: string;
}
