import type { Account, CustomEmoji } from './account.js';
import type { Collection } from './collection.js';
import type { FilterResult } from './filter.js';
import type { Quote, QuoteApproval, ShallowQuote } from './quote.js';

/** Who can see a status. */
export type Visibility = 'public' | 'unlisted' | 'private' | 'direct';

/** An account mentioned in a status. @see https://docs.joinmastodon.org/entities/Status/#Mention */
export interface Mention {
  /** The mentioned account's id. */
  id: string;
  /** Its user name, without domain. */
  username: string;
  /** `username` for local accounts, `username@domain` for remote ones. */
  acct: string;
  /** Its profile page. */
  url: string;
}

/** A hashtag used in a status. @see https://docs.joinmastodon.org/entities/Status/#Tag */
export interface StatusTag {
  /** The hashtag without `#`. */
  name: string;
  /** The hashtag's page on the server. */
  url: string;
}

/** Size and timing facts of one rendition of a media file; which keys appear depends on the media type. */
export interface MediaAttachmentMetaDetails {
  /** Width in pixels. */
  width?: number;
  /** Height in pixels. */
  height?: number;
  /** `width`x`height`, such as `640x480`. */
  size?: string;
  /** Width divided by height. */
  aspect?: number;
  /** Frames per second, possibly a fraction such as `100/3` (video). */
  frame_rate?: string;
  /** Length in seconds (video, audio). */
  duration?: number;
  /** Average bits per second (video, audio). */
  bitrate?: number;
}

/** The point of an image to keep visible when cropping, each axis from -1 to 1 (0 is the centre). */
export interface MediaAttachmentFocus {
  /** From -1 (left edge) to 1 (right edge). */
  x: number;
  /** From -1 (bottom edge) to 1 (top edge). */
  y: number;
}

/** Colours estimated from a media thumbnail, as `#rrggbb`. Since 4.0. */
export interface MediaAttachmentColors {
  /** A colour for text over the thumbnail. */
  foreground: string;
  /** The thumbnail's main colour. */
  background: string;
  /** A colour that stands out from the thumbnail. */
  accent: string;
}

/** What the server measured of a media file; the keys depend on its type. */
export interface MediaAttachmentMeta {
  /** The uploaded file. */
  original?: MediaAttachmentMetaDetails;
  /** The preview thumbnail. */
  small?: MediaAttachmentMetaDetails;
  /** Where to crop around. */
  focus?: MediaAttachmentFocus;
  /** Colours of the thumbnail. Since 4.0. */
  colors?: MediaAttachmentColors;
  /** Play time written as `h:mm:ss.ss` (video, audio). */
  length?: string;
  /** Play time in seconds (video, audio). */
  duration?: number;
  /** Frames per second (video). */
  fps?: number;
  /** `width`x`height` of the video. */
  size?: string;
  /** Video width in pixels. */
  width?: number;
  /** Video height in pixels. */
  height?: number;
  /** Video width divided by height. */
  aspect?: number;
  /** The audio codec (video, audio). */
  audio_encode?: string;
  /** The audio sample rate, such as `44100 Hz`. */
  audio_bitrate?: string;
  /** `mono` or `stereo`. */
  audio_channels?: string;
}

/** What kind of file a media attachment is. */
export type MediaAttachmentType = 'unknown' | 'image' | 'gifv' | 'video' | 'audio';

/** An attached file. @see https://docs.joinmastodon.org/entities/MediaAttachment/ */
export interface MediaAttachment {
  /** The attachment's id. */
  id: string;
  /** `image`, `gifv` (a looping clip without sound), `video`, `audio` or `unknown`. */
  type: MediaAttachmentType;
  /** The file on this server; null while the server still processes the upload. */
  url: string | null;
  /** A scaled-down preview, or null. */
  preview_url: string | null;
  /** The file on its original server, for remote media, or null. */
  remote_url: string | null;
  /** The preview on its original server, for remote media, or null. */
  preview_remote_url?: string | null;
  /** A short link to the file in the status text (servers before 3.5 only). */
  text_url?: string | null;
  /** Dimensions, durations, focus point and colours, or null. */
  meta?: MediaAttachmentMeta | null;
  /** Alt text, or null. */
  description: string | null;
  /** A BlurHash of the image for placeholders, or null. */
  blurhash: string | null;
}

/** One answer of a poll. @see https://docs.joinmastodon.org/entities/Poll/#Option */
export interface PollOption {
  /** The answer's text. */
  title: string;
  /** Votes for it, or null while the poll hides its totals. */
  votes_count: number | null;
}

/** A poll attached to a status. @see https://docs.joinmastodon.org/entities/Poll/ */
export interface Poll {
  /** The poll's id. */
  id: string;
  /** When voting ends, or null for no end. */
  expires_at: Date | null;
  /** Whether voting has ended. */
  expired: boolean;
  /** Whether a voter may choose several answers. */
  multiple: boolean;
  /** Votes cast (several per voter in a multiple-choice poll). */
  votes_count: number;
  /** How many people voted, for multiple-choice polls; otherwise null. */
  voters_count: number | null;
  /** The answers. */
  options: PollOption[];
  /** Custom emoji used in the answers. */
  emojis: CustomEmoji[];
  /** Whether the logged-in user voted (with a user token only). */
  voted?: boolean;
  /** Indexes into `options` of the logged-in user's votes (with a user token only). */
  own_votes?: number[];
}

/** The kind of a preview card, after oEmbed's types. */
export type PreviewCardType = 'link' | 'photo' | 'video' | 'rich';

/** An author credited by a preview card. Since 4.3. @see https://docs.joinmastodon.org/entities/PreviewCardAuthor/ */
export interface PreviewCardAuthor {
  /** The author's name. */
  name: string;
  /** A link to the author, or `''`. */
  url: string;
  /** The author's fediverse account, when the page names one the server accepts. */
  account: Account | null;
}

/** A link preview. @see https://docs.joinmastodon.org/entities/PreviewCard/ */
export interface PreviewCard {
  /** The linked page. */
  url: string;
  /** The page's title. */
  title: string;
  /** The page's summary. */
  description: string;
  /** `link`, `photo`, `video` or `rich`. */
  type: PreviewCardType;
  /** The page's authors with their fediverse accounts. Since 4.3. */
  authors?: PreviewCardAuthor[];
  /** The author's name (deprecated since 4.3: read `authors`). */
  author_name: string;
  /** A link to the author (deprecated since 4.3: read `authors`). */
  author_url: string;
  /** The site that published the page. */
  provider_name: string;
  /** A link to the site. */
  provider_url: string;
  /** HTML of an embedded player, for `video` and `rich` cards. */
  html: string;
  /** Width of the preview in pixels. */
  width: number;
  /** Height of the preview in pixels. */
  height: number;
  /** The preview image, or null. */
  image: string | null;
  /** Alt text of the preview image. Since 4.2. */
  image_description?: string;
  /** The image to embed, for `photo` cards. */
  embed_url: string;
  /** A BlurHash of the image, or null. */
  blurhash?: string | null;
  /** The language of the page (ISO 639-1), or null. */
  language?: string | null;
  /** When the page says it was published, or null. Since 4.2. */
  published_at?: Date | null;
  /** Whether the page names the logged-in user as author from a domain they did not list in `attribution_domains`. Since 4.6. */
  missing_attribution?: boolean | null;
}

/** The app a status was posted with. */
export interface StatusApplication {
  /** The app's name. */
  name: string;
  /** The app's website, or null. */
  website: string | null;
}

/** A post. @see https://docs.joinmastodon.org/entities/Status/ */
export interface Status {
  /** The status's id. */
  id: string;
  /** The ActivityPub id, used in federation. */
  uri: string;
  /** The post's page in the web interface, or null. */
  url: string | null;
  /** When it was posted. */
  created_at: Date;
  /** When it was last edited, or null. Since 3.5. */
  edited_at: Date | null;
  /** The author. */
  account: Account;
  /** The text, as HTML (empty in a boost). */
  content: string;
  /** Who can see it. */
  visibility: Visibility;
  /** Whether its media (or, with `spoiler_text`, its text) is hidden by default. */
  sensitive: boolean;
  /** A content warning shown before the text, or `''`. */
  spoiler_text: string;
  /** Attached files. */
  media_attachments: MediaAttachment[];
  /** The app it was posted with; null or absent for remote posts and older apps. */
  application?: StatusApplication | null;
  /** Accounts mentioned in the text. */
  mentions: Mention[];
  /** Hashtags used in the text. */
  tags: StatusTag[];
  /** Custom emoji used in the text. */
  emojis: CustomEmoji[];
  /** How many times it was boosted. */
  reblogs_count: number;
  /** How many times it was favourited. */
  favourites_count: number;
  /** How many replies it has. */
  replies_count: number;
  /** How many accepted quotes it has. Since 4.5. */
  quotes_count?: number;
  /** The id of the post it replies to, or null. */
  in_reply_to_id: string | null;
  /** The id of that post's author, or null (in a thread of self-replies, the thread's first author). */
  in_reply_to_account_id: string | null;
  /** The boosted status, when this status is a boost. */
  reblog: Status | null;
  /** The quoted post, in full or by id, or null. Since 4.4. */
  quote?: Quote | ShallowQuote | null;
  /** Who may quote it, and whether the logged-in user can. Since 4.5. */
  quote_approval?: QuoteApproval | null;
  /** The attached poll, or null. */
  poll: Poll | null;
  /** A preview of the first link, or null. */
  card: PreviewCard | null;
  /** The language (ISO 639-1), or null. */
  language: string | null;
  /** The source text; present only on deleted statuses (as `statusDelete` returns them). */
  text?: string | null;
  /** Collections linked in the text that the server knows. Since 4.6. */
  tagged_collections?: Collection[] | null;
  /** Whether the logged-in user favourited it (with a user token only). */
  favourited?: boolean;
  /** Whether the logged-in user boosted it (with a user token only). */
  reblogged?: boolean;
  /** Whether the logged-in user muted its conversation (with a user token only). */
  muted?: boolean;
  /** Whether the logged-in user bookmarked it (with a user token only). */
  bookmarked?: boolean;
  /** Whether it is pinned to the user's profile (own statuses that can be pinned only). */
  pinned?: boolean;
  /** The logged-in user's filters that match it, with what matched. Since 4.0. */
  filtered?: FilterResult[];
}

/** What `GET /api/oembed` returns: an embeddable view of a status. @see https://docs.joinmastodon.org/methods/oembed/ */
export interface OEmbed {
  /** Always `rich`. */
  type: string;
  /** The oEmbed version, `1.0`. */
  version: string;
  /** A title for the embed. */
  title: string;
  /** The author's display name. */
  author_name: string;
  /** The author's profile page. */
  author_url: string;
  /** The server's name. */
  provider_name: string;
  /** The server's address. */
  provider_url: string;
  /** How long the embed may be cached, in seconds. */
  cache_age: number;
  /** The `<iframe>` and script to embed. */
  html: string;
  /** The embed's width in pixels. */
  width: number;
  /** The embed's height in pixels, or null (the script sizes it). */
  height: number | null;
}
