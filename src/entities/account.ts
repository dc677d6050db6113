/** A custom emoji of a server. @see https://docs.joinmastodon.org/entities/CustomEmoji/ */
export interface CustomEmoji {
  /** The name used in `:shortcode:`. */
  shortcode: string;
  url: string;
  static_url: string;
  visible_in_picker: boolean;
  category?: string | null;
}

/** A profile metadata field. */
export interface Field {
  name: string;
  /** HTML. */
  value: string;
  /** When the link in `value` was verified, or null. */
  verified_at: Date | null;
}

/** A user, local or remote. @see https://docs.joinmastodon.org/entities/Account/ */
export interface Account {
  /** Always a string: snowflake ids exceed 2^53. */
  id: string;
  username: string;
  /** `username` for local users, `username@domain` for remote ones. */
  acct: string;
  display_name: string;
  locked: boolean;
  bot: boolean;
  discoverable?: boolean | null;
  group?: boolean;
  created_at: Date;
  /** HTML. */
  note: string;
  url: string;
  avatar: string;
  avatar_static: string;
  header: string;
  header_static: string;
  followers_count: number;
  following_count: number;
  statuses_count: number;
  /** The day of the last post, or null. */
  last_status_at: Date | null;
  emojis: CustomEmoji[];
  fields: Field[];
  noindex?: boolean | null;
  /** The account this one moved to. */
  moved?: Account | null;
  suspended?: boolean;
  limited?: boolean;
}

/** The logged-in user's own account, with its posting defaults. */
export interface CredentialAccount extends Account {
  source?: {
    privacy: string;
    sensitive: boolean;
    language: string | null;
    note: string;
    fields: Field[];
    follow_requests_count?: number;
  };
  role?: { id: string; name: string; permissions: string; color: string; highlighted: boolean };
}
