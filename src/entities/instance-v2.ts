import type { Account } from './account.js';
import type { Rule } from './instance-info.js';
import type { InstanceConfigurationV1, InstanceMediaConfiguration } from './instance.js';

/** An image that represents a server. */
export interface InstanceThumbnail {
  /** The image. */
  url: string;
  /** A BlurHash of it, for placeholders. */
  blurhash?: string | null;
  /** Its alt text. */
  description?: string | null;
  /** The image at screen densities. */
  versions?: {
    /** For ordinary screens. */
    '@1x'?: string;
    /** For high-density screens. */
    '@2x'?: string;
  };
}

/** One size of a server's icon. Since 4.3. */
export interface InstanceIcon {
  /** The image. */
  src: string;
  /** Its size as `width`x`height`, such as `36x36`. */
  size: string;
}

/** Who may read a kind of timeline: anyone, logged-in users only, or only users with the permission to view feeds. */
export type InstanceFeedAccess = 'public' | 'authenticated' | 'disabled';

/** Who may read one kind of timeline, for local and remote posts. Since 4.5. */
export interface InstanceFeedAccessRule {
  /** For local posts. */
  local: InstanceFeedAccess;
  /** For remote posts. */
  remote: InstanceFeedAccess;
}

/** What uploads a server accepts, as instance v2 says: the v1 limits and the longest alt text. */
export interface InstanceV2MediaConfiguration extends InstanceMediaConfiguration {
  /** The longest alt text, in characters. Since 4.4. */
  description_limit?: number | null;
}

/** Configured limits and features of a server (v2 shape). */
export interface InstanceConfiguration {
  /** Addresses for clients. */
  urls: {
    /** The streaming API's WebSocket base URL. */
    streaming: string;
    /** The server's status page, if any. */
    status?: string | null;
    /** The about page. Since 4.4. */
    about?: string | null;
    /** The privacy policy page. Since 4.4. */
    privacy_policy?: string | null;
    /** The current terms of service, if any. Since 4.4. */
    terms_of_service?: string | null;
  };
  /** The key the server signs Web Push messages with. Since 4.3. */
  vapid?: {
    /** The public key, URL-safe base64. */
    public_key: string;
  };
  /** Limits of profiles. */
  accounts: {
    /** How many hashtags a profile may feature. */
    max_featured_tags: number;
    /** How many posts a profile may pin. Since 4.3. */
    max_pinned_statuses?: number;
    /** The longest display name. Since 4.6. */
    max_display_name_length?: number | null;
    /** The longest bio. Since 4.6. */
    max_note_length?: number | null;
    /** The longest avatar alt text. Since 4.6. */
    max_avatar_description_length?: number | null;
    /** The longest banner alt text. Since 4.6. */
    max_header_description_length?: number | null;
    /** How many profile fields a profile may have. Since 4.6. */
    max_profile_fields?: number | null;
    /** The longest profile field name, in characters. Since 4.6. */
    profile_field_name_limit?: number | null;
    /** The longest profile field value, in characters. Since 4.6. */
    profile_field_value_limit?: number | null;
  };
  /** Limits of posts, as the v1 instance gives them. */
  statuses: InstanceConfigurationV1['statuses'];
  /** What uploads the server accepts. */
  media_attachments: InstanceV2MediaConfiguration;
  /** Limits of polls, as the v1 instance gives them. */
  polls: InstanceConfigurationV1['polls'];
  /** Machine translation. */
  translation: {
    /** Whether `statusTranslate` works on this server. */
    enabled: boolean;
  };
  /** Who may read the live, hashtag and link timelines. Since 4.5. */
  timelines_access?: {
    /** The public timelines. */
    live_feeds: InstanceFeedAccessRule;
    /** Hashtag timelines. */
    hashtag_feeds: InstanceFeedAccessRule;
    /** Timelines of trending links. */
    trending_link_feeds: InstanceFeedAccessRule;
  };
  /** Whether the server federates only with domains it allows. Since 4.4. */
  limited_federation?: boolean;
}

/** How to join a server. */
export interface InstanceRegistrations {
  /** Whether anyone may sign up. */
  enabled: boolean;
  /** Whether sign-ups wait for a moderator's approval. */
  approval_required: boolean;
  /** Whether a sign-up must say why it wants to join. Since 4.4. */
  reason_required?: boolean | null;
  /** A message (HTML) shown instead of the sign-up form while sign-ups are closed, or null. */
  message: string | null;
  /** The youngest age allowed to sign up, or null. Since 4.4. */
  min_age?: number | null;
  /** A sign-up page elsewhere (single sign-on), or null. Since 4.2. */
  url?: string | null;
}

/**
 * API feature levels by implementation. `mastodon` counts up with features (4.3: 2, quotes
 * need 7, collections 10); forks may add keys of their own. Since 4.3.
 */
export interface InstanceApiVersions {
  /** Mastodon's API feature level. */
  mastodon: number;
  /** Feature levels of other implementations. */
  [implementation: string]: number;
}

/** A server's description (v2). Since 4.0. @see https://docs.joinmastodon.org/entities/Instance/ */
export interface InstanceV2 {
  /** The server's domain name. */
  domain: string;
  /** The server's name. */
  title: string;
  /** The software version, such as `4.5.0` or `4.3.2+glitch`. */
  version: string;
  /** Where the running software's source code is (the AGPL requires it). */
  source_url: string;
  /** A short plain-text description. */
  description: string;
  /** Recent activity. */
  usage: {
    /** Users. */
    users: {
      /** Users active in the last four weeks (0 on servers in limited federation mode). */
      active_month: number;
    };
  };
  /** An image that represents the server. */
  thumbnail: InstanceThumbnail;
  /** The server's icon in several sizes. Since 4.3. */
  icon?: InstanceIcon[];
  /** Languages of the server and its staff (ISO 639-1). */
  languages: string[];
  /** Limits and features. */
  configuration: InstanceConfiguration;
  /** How to join. */
  registrations: InstanceRegistrations;
  /** API feature levels, a surer guide to features than the version string. Since 4.3. */
  api_versions?: InstanceApiVersions;
  /** How to reach the staff. */
  contact: {
    /** The contact address. */
    email: string;
    /** An account to contact, or null. */
    account: Account | null;
  };
  /** The server's rules. */
  rules: Rule[];
  /** The year of the year-in-review campaign running now, or null. Since 4.4. */
  wrapstodon?: number | null;
}
