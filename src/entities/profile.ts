import type { Field } from './account.js';
import type { FeaturedTag } from './tag.js';

/**
 * The logged-in user's profile with the source values of every editable field, as
 * `GET /api/v1/profile` returns it. Since 4.6.
 * @see https://docs.joinmastodon.org/entities/Profile/
 */
export interface Profile {
  /** The account's id. */
  id: string;
  /** The name shown on the profile. */
  display_name: string;
  /** The bio as the user wrote it (plain text, not HTML). */
  note: string;
  /** Profile metadata as the user wrote it. */
  fields: Field[];
  /** The avatar image, or null when none is set. */
  avatar: string | null;
  /** A still version of the avatar, or null when none is set. */
  avatar_static: string | null;
  /** Alt text of the avatar. */
  avatar_description: string;
  /** The banner image, or null when none is set. */
  header: string | null;
  /** A still version of the banner, or null when none is set. */
  header_static: string | null;
  /** Alt text of the banner. */
  header_description: string;
  /** Whether follow requests need the user's approval. */
  locked: boolean;
  /** Whether the account is marked as automated. */
  bot: boolean;
  /** Whether the user hides whom they follow and who follows them, or null if never chosen. */
  hide_collections: boolean | null;
  /** Whether the user opted into discovery, or null if never chosen. */
  discoverable: boolean | null;
  /** Whether public posts may be found by anyone through search. */
  indexable: boolean;
  /** Whether the profile has a "Media" tab. */
  show_media: boolean;
  /** Whether replies with media show in the "Media" tab. */
  show_media_replies: boolean;
  /** Whether the profile has a "Featured" tab. */
  show_featured: boolean;
  /** Domains of websites allowed to credit the user as author. */
  attribution_domains: string[];
  /** The hashtags the user features. */
  featured_tags: FeaturedTag[];
}
