import type { Account } from './account.js';
import type { Rule } from './instance-info.js';

/** What uploads a server accepts, as its instance says (`configuration.media_attachments`). */
export interface InstanceMediaConfiguration {
  /** Accepted MIME types. */
  supported_mime_types: string[];
  /** The largest image, in bytes. */
  image_size_limit: number;
  /** The most pixels (width times height) of an image. */
  image_matrix_limit: number;
  /** The largest video, in bytes. */
  video_size_limit: number;
  /** The highest video frame rate. */
  video_frame_rate_limit: number;
  /** The most pixels (width times height) of a video. */
  video_matrix_limit: number;
}

/** Posting and upload limits of a server (v1 shape). */
export interface InstanceConfigurationV1 {
  /** Limits of profiles. */
  accounts?: {
    /** How many hashtags a profile may feature. */
    max_featured_tags: number;
  };
  /** Limits of posts. */
  statuses: {
    /** The most characters a post may have. */
    max_characters: number;
    /** The most files a post may carry. */
    max_media_attachments: number;
    /** How many characters every link counts as. */
    characters_reserved_per_url: number;
  };
  /** What uploads the server accepts. */
  media_attachments: InstanceMediaConfiguration;
  /** Limits of polls. */
  polls: {
    /** The most answers a poll may have. */
    max_options: number;
    /** The most characters an answer may have. */
    max_characters_per_option: number;
    /** The shortest duration, in seconds. */
    min_expiration: number;
    /** The longest duration, in seconds. */
    max_expiration: number;
  };
}

/** A server's description (v1; deprecated since 4.0 in favour of `InstanceV2`). @see https://docs.joinmastodon.org/entities/V1_Instance/ */
export interface Instance {
  /** The server's domain name (despite the name, not a URL). */
  uri: string;
  /** The server's name. */
  title: string;
  /** A short plain-text description. */
  short_description: string;
  /** A longer description (HTML); often empty since 4.0. */
  description: string;
  /** The staff's contact address. */
  email: string;
  /** The software version, such as `4.0.2` or `4.0.2+glitch`. */
  version: string;
  /** Addresses for clients. */
  urls: {
    /** The streaming API's WebSocket base URL. */
    streaming_api: string;
  };
  /** How much the server holds. */
  stats: {
    /** Local accounts. */
    user_count: number;
    /** Local posts. */
    status_count: number;
    /** Other servers it knows. */
    domain_count: number;
  };
  /** A banner image, or null. */
  thumbnail: string | null;
  /** Languages of the server and its staff (ISO 639-1). */
  languages: string[];
  /** Whether anyone may sign up. */
  registrations: boolean;
  /** Whether sign-ups wait for a moderator's approval. */
  approval_required: boolean;
  /** Whether users may invite others. */
  invites_enabled: boolean;
  /** Posting and upload limits. */
  configuration: InstanceConfigurationV1;
  /** An account to contact, or null. */
  contact_account: Account | null;
  /** The server's rules. */
  rules: Rule[];
}

/** A registered app, as `appVerifyCredentials` shows it. @see https://docs.joinmastodon.org/entities/Application/ */
export interface Application {
  /** The app's id; absent on servers before 2.7. */
  id?: string;
  /** The app's name. */
  name: string;
  /** The app's website, or null. */
  website: string | null;
  /** The server's Web Push key (deprecated since 4.3: read `InstanceV2.configuration.vapid`). */
  vapid_key?: string;
  /** The registered redirect URIs in one string, one per line (deprecated since 4.3: read `redirect_uris`). */
  redirect_uri?: string;
  /** The registered redirect URIs. Since 4.3. */
  redirect_uris?: string[];
  /** The scopes the app registered. Since 4.3. */
  scopes?: string[];
}

/** A registered app with its client credentials, as `POST /api/v1/apps` returns it. Since 4.3. @see https://docs.joinmastodon.org/entities/Application/#CredentialApplication */
export interface CredentialApplication extends Application {
  /** The OAuth client id. */
  client_id: string;
  /** The OAuth client secret. */
  client_secret: string;
  /** When the secret expires, in epoch seconds; `0` (the only value Mastodon sends) means never. Since 4.4. */
  client_secret_expires_at?: number;
}

/** An OAuth token as `/oauth/token` returns it. @see https://docs.joinmastodon.org/entities/Token/ */
export interface Token {
  /** The token to send as `Authorization: Bearer …`. */
  access_token: string;
  /** Always `Bearer`. */
  token_type: string;
  /** Space-separated scopes granted. */
  scope: string;
  /** When the token was made (epoch seconds on the wire). */
  created_at: Date;
  /** A token to get a new access token with, when the server issues one. */
  refresh_token?: string;
}
