import type { AllowedDivergence } from '../support/fidelity/tally.js';

/**
 * Every way the fake server may answer differently from the recorded Mastodon 4.0.2, and why.
 * `newer`: what Mastodon sends since 4.0.2 and the entity types in `src/entities/` describe
 * (the answer still matches in shape). `limit`: what the fake does not do, or what the replay
 * cannot set up; the endpoint then does not count as matching. An entry that matches nothing
 * fails the fidelity test, so this list only shrinks.
 */
export const allowedDivergences: readonly AllowedDivergence[] = [
  // Fields of newer Mastodon versions, which the fake sends as they do.
  { kind: 'extra-key', field: 'policy', because: 'newer', reason: 'Later Mastodon versions name a Web Push subscription\'s policy; 4.0.2 did not.' },
  { kind: 'extra-key', field: 'quote', because: 'newer', reason: 'Statuses carry the status they quote since Mastodon 4.5 (null when none).' },
  { kind: 'extra-key', field: 'quote_approval', because: 'newer', reason: 'Statuses say who may quote them since Mastodon 4.5.' },
  { kind: 'extra-key', field: 'quotes_count', because: 'newer', reason: 'Statuses count their quotes since Mastodon 4.5.' },
  { kind: 'extra-key', field: 'group_key', because: 'newer', reason: 'Notifications name the group they belong to since Mastodon 4.3.' },
  { kind: 'extra-key', field: 'exclusive', because: 'newer', reason: 'Lists say whether their members leave the home timeline since Mastodon 4.2.' },
  { kind: 'extra-key', field: 'hide_collections', because: 'newer', reason: 'A user\'s source says whether they hide whom they follow since Mastodon 4.1.' },
  { kind: 'extra-key', field: 'indexable', because: 'newer', reason: 'A user\'s source says whether their posts may be searched since Mastodon 4.2.' },
  { kind: 'extra-key', field: 'attribution_domains', because: 'newer', reason: 'A user\'s source lists the sites that may credit them since Mastodon 4.4.' },
  { kind: 'extra-key', field: 'quote_policy', because: 'newer', reason: 'A user\'s source names who may quote new posts since Mastodon 4.5.' },
  { kind: 'extra-key', field: 'collection_ids', because: 'newer', reason: 'Reports name the collections they are about since Mastodon 4.6.' },
  { kind: 'extra-key', field: 'standard', because: 'newer', reason: 'Web Push subscriptions say whether they follow the standard encryption since Mastodon 4.4.' },
  // `id` and `redirect_uri` are everywhere; only the app's own view gained them.
  { kind: 'extra-key', field: 'id', endpoints: ['GET /api/v1/apps/verify_credentials'], because: 'newer', reason: 'An app verifying its credentials gets its id since Mastodon 4.3.' },
  { kind: 'extra-key', field: 'redirect_uri', endpoints: ['GET /api/v1/apps/verify_credentials'], because: 'newer', reason: 'An app verifying its credentials gets its redirect URI since Mastodon 4.3.' },

  // Where the recorded server answered in a way the fake does not copy.
  { kind: 'error', real: /[^\x20-\x7e]/, because: 'limit', reason: 'The recorded server answered in Japanese, its default language, and once in German (the request asked for it with lang=de); the fake answers in English, with Mastodon\'s English messages.' },
  { kind: 'missing-key', field: 'update.pinned', endpoints: ['GET /api/v1/streaming/user'], because: 'limit', reason: 'Mastodon 4.0.2 showed pinned on the user\'s own direct statuses in the user stream, but not in its REST answers (its serializer shows pinned on public, unlisted and private statuses only); the fake follows the REST answers.' },
  { kind: 'extra-key', field: 'meta.colors', endpoints: ['POST /api/v2/media'], because: 'limit', reason: 'Mastodon 4.0.2 answered one of the three recorded video uploads without colors (they come from processing its thumbnail, which had not yet happened; the other two had them); the fake gives a video\'s colours at once.' },
];
