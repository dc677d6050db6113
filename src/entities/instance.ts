import type { Account } from './account.js';

/** A server's description (v1). @see https://docs.joinmastodon.org/entities/V1_Instance/ */
export interface Instance {
  uri: string;
  title: string;
  short_description?: string;
  description: string;
  email: string;
  /** The software version, such as `4.0.2` or `4.0.2+glitch`. */
  version: string;
  urls: { streaming_api: string };
  stats: { user_count: number; status_count: number; domain_count: number };
  thumbnail: string | null;
  languages: string[];
  registrations: boolean;
  approval_required: boolean;
  invites_enabled: boolean;
  configuration?: Record<string, unknown>;
  contact_account: Account | null;
  rules?: { id: string; text: string }[];
}

/** A registered app. @see https://docs.joinmastodon.org/entities/Application/ */
export interface Application {
  id?: string;
  name: string;
  website: string | null;
  vapid_key?: string;
  redirect_uri?: string;
  client_id?: string;
  client_secret?: string;
  scopes?: string[];
}

/** An OAuth token as `/oauth/token` returns it. */
export interface Token {
  access_token: string;
  token_type: string;
  /** Space-separated scopes granted. */
  scope: string;
  created_at: Date;
  refresh_token?: string;
}
