import type { QuotePolicy } from './quote.js';

/** The user's preferences, for clients to follow. @see https://docs.joinmastodon.org/entities/Preferences/ */
export interface Preferences {
  /** Default visibility of new statuses. */
  'posting:default:visibility': 'public' | 'unlisted' | 'private' | 'direct';
  /** Whether new media is marked sensitive by default. */
  'posting:default:sensitive': boolean;
  /** Default language of new statuses (ISO 639), or null. */
  'posting:default:language': string | null;
  /** Whether to show media: `default` (hide sensitive), `show_all` or `hide_all`. */
  'reading:expand:media': 'default' | 'show_all' | 'hide_all';
  /** Whether to expand statuses with content warnings. */
  'reading:expand:spoilers': boolean;
  /** Default quote policy of new statuses. Since 4.5. */
  'posting:default:quote_policy'?: QuotePolicy;
  /** Whether to autoplay animated GIFs (sent by some servers, not documented by Mastodon). */
  'reading:autoplay:gifs'?: boolean;
}
