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
  { kind: 'extra-key', field: 'standard', because: 'newer', reason: 'Web Push subscriptions say whether they follow the standard encryption since Mastodon 4.4.' },
  // `id` and `redirect_uri` are everywhere; only the app's own view gained them.
  { kind: 'extra-key', field: 'id', endpoints: ['GET /api/v1/apps/verify_credentials'], because: 'newer', reason: 'An app verifying its credentials gets its id since Mastodon 4.3.' },
  { kind: 'extra-key', field: 'redirect_uri', endpoints: ['GET /api/v1/apps/verify_credentials'], because: 'newer', reason: 'An app verifying its credentials gets its redirect URI since Mastodon 4.3.' },

  // Where the recorded server answered in a way the fake does not copy.
  { kind: 'error', real: /[^\x20-\x7e]/, because: 'limit', reason: 'The recorded server answered in Japanese, its default language, and once in German (the request asked for it with lang=de); the fake answers in English, with Mastodon\'s English messages.' },
  { kind: 'missing-key', field: 'update.pinned', endpoints: ['GET /api/v1/streaming/user'], because: 'limit', reason: 'Mastodon 4.0.2 showed pinned on the user\'s own direct statuses in the user stream, but not in its REST answers (its serializer shows pinned on public, unlisted and private statuses only); the fake follows the REST answers.' },
  { kind: 'extra-key', field: 'meta.colors', endpoints: ['POST /api/v2/media'], because: 'limit', reason: 'Mastodon 4.0.2 answered one of the three recorded video uploads without colors (they come from processing its thumbnail, which had not yet happened; the other two had them); the fake gives a video\'s colours at once.' },
];
