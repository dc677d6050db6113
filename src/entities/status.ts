import type { Account, CustomEmoji } from './account.js';

/** Who can see a status. */
export type Visibility = 'public' | 'unlisted' | 'private' | 'direct';

/** An account mentioned in a status. */
export interface Mention {
  id: string;
  username: string;
  acct: string;
  url: string;
}

/** A hashtag used in a status. */
export interface StatusTag {
  name: string;
  url: string;
}

/** An attached file. @see https://docs.joinmastodon.org/entities/MediaAttachment/ */
export interface MediaAttachment {
  id: string;
  type: 'unknown' | 'image' | 'gifv' | 'video' | 'audio';
  /** Null while the server still processes the upload. */
  url: string | null;
  preview_url: string | null;
  remote_url: string | null;
  meta?: Record<string, unknown> | null;
  description: string | null;
  blurhash: string | null;
  text_url?: string | null;
}

/** A poll attached to a status. @see https://docs.joinmastodon.org/entities/Poll/ */
export interface Poll {
  id: string;
  expires_at: Date | null;
  expired: boolean;
  multiple: boolean;
  votes_count: number;
  voters_count: number | null;
  options: { title: string; votes_count: number | null }[];
  emojis: CustomEmoji[];
  voted?: boolean;
  own_votes?: number[];
}

/** A link preview. @see https://docs.joinmastodon.org/entities/PreviewCard/ */
export interface PreviewCard {
  url: string;
  title: string;
  description: string;
  type: 'link' | 'photo' | 'video' | 'rich';
  author_name: string;
  author_url: string;
  provider_name: string;
  provider_url: string;
  html: string;
  width: number;
  height: number;
  image: string | null;
  embed_url: string;
  blurhash?: string | null;
}

/** A post. @see https://docs.joinmastodon.org/entities/Status/ */
export interface Status {
  id: string;
  uri: string;
  url: string | null;
  created_at: Date;
  edited_at: Date | null;
  account: Account;
  /** HTML. */
  content: string;
  visibility: Visibility;
  sensitive: boolean;
  spoiler_text: string;
  media_attachments: MediaAttachment[];
  application?: { name: string; website: string | null } | null;
  mentions: Mention[];
  tags: StatusTag[];
  emojis: CustomEmoji[];
  reblogs_count: number;
  favourites_count: number;
  replies_count: number;
  in_reply_to_id: string | null;
  in_reply_to_account_id: string | null;
  /** The boosted status, when this status is a boost. */
  reblog: Status | null;
  poll: Poll | null;
  card: PreviewCard | null;
  language: string | null;
  /** Source text; present only on deleted statuses (as `statusDelete` returns them). */
  text?: string | null;
  favourited?: boolean;
  reblogged?: boolean;
  muted?: boolean;
  bookmarked?: boolean;
  pinned?: boolean;
  filtered?: unknown[];
}
