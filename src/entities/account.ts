import type { FeatureApproval } from './collection.js';
import type { QuotePolicy } from './quote.js';
import type { Visibility } from './status.js';

/** A custom emoji of a server. @see https://docs.joinmastodon.org/entities/CustomEmoji/ */
export interface CustomEmoji {
  /** The name used in `:shortcode:`, without the colons. */
  shortcode: string;
  /** The image, possibly animated. */
  url: string;
  /** A still version of the image. */
  static_url: string;
  /** Whether the emoji is offered in the picker (false: usable but unlisted). */
  visible_in_picker: boolean;
  /** The picker group it is sorted under, or null. */
  category?: string | null;
}

/** A name-value pair shown on a profile. @see https://docs.joinmastodon.org/entities/Account/#Field */
export interface Field {
  /** The label. */
  name: string;
  /** The value, as HTML (links included). */
  value: string;
  /** When the server checked that the linked page links back with `rel="me"`, or null. */
  verified_at: Date | null;
}

/** A role the account shows publicly as a badge. Since 4.1. @see https://docs.joinmastodon.org/entities/Role/ */
export interface AccountRole {
  /** The role's id. */
  id: string;
  /** The name shown on the badge. */
  name: string;
  /** A hex colour such as `#ff3838`, or `''` for none. */
  color: string;
}

/** The logged-in user's role with its permissions. Since 4.0. @see https://docs.joinmastodon.org/entities/Role/ */
export interface Role {
  /** The role's id. */
  id: string;
  /** The role's name (`''` for the default role). */
  name: string;
  /** A bit field of granted permissions, as a decimal string (`'0'`: none). */
  permissions: string;
  /** A hex colour such as `#ff3838`, or `''` for none. */
  color: string;
  /** Whether profiles show the role as a badge. */
  highlighted: boolean;
  /** How many collections users with the role may create. Since 4.6. */
  collection_limit?: number | null;
}

/** A user, local or remote. @see https://docs.joinmastodon.org/entities/Account/ */
export interface Account {
  /** Always a string: snowflake ids exceed 2^53. */
  id: string;
  /** The user name, without `@` and domain. */
  username: string;
  /** `username` for local users, `username@domain` for remote ones. */
  acct: string;
  /** The ActivityPub actor id, used in federation. Since 4.2. */
  uri?: string;
  /** The profile page in the web interface. */
  url: string;
  /** The name shown on the profile (may contain `:shortcode:` emoji). */
  display_name: string;
  /** The bio, as HTML. */
  note: string;
  /** The avatar image, possibly animated. */
  avatar: string;
  /** A still version of the avatar. */
  avatar_static: string;
  /** Alt text of the avatar. Since 4.6. */
  avatar_description?: string | null;
  /** The banner image, possibly animated (a placeholder when none is set). */
  header: string;
  /** A still version of the banner. */
  header_static: string;
  /** Alt text of the banner. Since 4.6. */
  header_description?: string | null;
  /** Whether follow requests need the user's approval. */
  locked: boolean;
  /** Public badges of a local account's highlighted roles; empty for none, null for remote accounts. Since 4.1. */
  roles?: AccountRole[] | null;
  /** Custom emoji used in the name, bio and fields. */
  emojis: CustomEmoji[];
  /** Profile metadata. */
  fields: Field[];
  /** Whether the account is automated (an `Application` or `Service` actor). */
  bot: boolean;
  /** Whether the account is a group actor. */
  group: boolean;
  /** Whether the account opted into discovery (directory, suggestions), or null if unknown. */
  discoverable?: boolean | null;
  /** Whether the user opted out of search engine indexing (local users). */
  noindex?: boolean | null;
  /** Whether public posts of the account may be found by anyone through search. Since 4.2. */
  indexable?: boolean;
  /** Whether the user hides whom they follow and who follows them. Since 4.1. */
  hide_collections?: boolean | null;
  /** The account this one moved to; present when the account is inactive after a move. */
  moved?: Account | null;
  /** Present and true when the account is suspended. */
  suspended?: boolean;
  /** Present and true when moderators limited (silenced) the account: show it behind a warning. */
  limited?: boolean;
  /** Present and true when the account is kept in memory of a deceased user. Since 4.2. */
  memorial?: boolean | null;
  /** How featuring the account in collections is approved, and what applies to the user asking. Since 4.6. */
  feature_approval?: FeatureApproval | null;
  /** Whether the profile wants a "Featured" tab. Since 4.6. */
  show_featured?: boolean | null;
  /** Whether the profile wants a "Media" tab. Since 4.6. */
  show_media?: boolean | null;
  /** Whether replies with media show in the "Media" tab. Since 4.6. */
  show_media_replies?: boolean | null;
  /** When the account was created (midnight of the day, since 3.4). */
  created_at: Date;
  /** The day of the last post, or null. */
  last_status_at: Date | null;
  /** How many posts the account has (without direct messages). */
  statuses_count: number;
  /** How many accounts follow it, as its server reports. */
  followers_count: number;
  /** How many accounts it follows, as its server reports. */
  following_count: number;
}

/** An account in the user's mute list, with the end of a timed mute. @see https://docs.joinmastodon.org/entities/Account/#MutedAccount */
export interface MutedAccount extends Account {
  /** When the mute ends, or null for a mute without end. */
  mute_expires_at: Date | null;
}

/** The editable source values of the logged-in user's profile and posting defaults. @see https://docs.joinmastodon.org/entities/Account/#source */
export interface CredentialAccountSource {
  /** Default visibility of new posts. */
  privacy: Visibility;
  /** Whether new media is marked sensitive by default. */
  sensitive: boolean;
  /** Default language of new posts (ISO 639-1), or null. */
  language: string | null;
  /** The bio as plain text, as the user wrote it. */
  note: string;
  /** Profile metadata as the user wrote it (plain text). */
  fields: Field[];
  /** How many follow requests wait for the user's answer. */
  follow_requests_count: number;
  /** Whether the user opted into discovery, or null if never chosen. */
  discoverable?: boolean | null;
  /** Whether public posts may be found by anyone through search. Since 4.2. */
  indexable?: boolean;
  /** Whether the user hides whom they follow and who follows them. Since 4.1. */
  hide_collections?: boolean | null;
  /** Domains of websites allowed to credit the user as author. Since 4.4. */
  attribution_domains?: string[] | null;
  /** Default quote policy of new posts. Since 4.5. */
  quote_policy?: QuotePolicy;
}

/** The logged-in user's own account, with its source values and role. @see https://docs.joinmastodon.org/entities/Account/#CredentialAccount */
export interface CredentialAccount extends Account {
  /** What the profile was written as, and the posting defaults. */
  source: CredentialAccountSource;
  /** The user's role, permissions included. Since 4.0. */
  role?: Role;
}

/**
 * The part of an account that avatars in grouped notifications need. Since 4.3.
 * @see https://docs.joinmastodon.org/entities/Account/#PartialAccountWithAvatar
 */
export interface PartialAccountWithAvatar {
  /** The account's id. */
  id: string;
  /** `username` for local users, `username@domain` for remote ones. */
  acct: string;
  /** The profile page in the web interface. */
  url: string;
  /** The avatar image, possibly animated. */
  avatar: string;
  /** A still version of the avatar. */
  avatar_static: string;
  /** Alt text of the avatar. Since 4.6. */
  avatar_description?: string | null;
  /** Whether follow requests need the user's approval. */
  locked: boolean;
  /** Whether the account is automated. */
  bot: boolean;
}
