import type { FakeRoutes } from './types.js';

/** The server's self-description. */
export const instanceRoutes: FakeRoutes = {
  'GET /api/v1/instance/': {
    auth: 'none',
    handle: (_req, { store, baseUrl, version }) => ({
      json: {
        uri: new URL(baseUrl).host, title: 'mastodon-rx fake server', short_description: 'An in-memory Mastodon for tests.',
        description: 'An in-memory Mastodon for tests.', email: 'admin@fake.example', version,
        urls: { streaming_api: baseUrl.replace(/^http/, 'ws') },
        stats: { user_count: store.users.size, status_count: store.statuses.length, domain_count: 0 },
        thumbnail: null, languages: ['en'], registrations: true, approval_required: false, invites_enabled: false,
        configuration: {
          statuses: { max_characters: 500, max_media_attachments: 4, characters_reserved_per_url: 23 },
          polls: { max_options: 4, max_characters_per_option: 50, min_expiration: 300, max_expiration: 2629746 },
        },
        contact_account: null, rules: [],
      },
    }),
  },
};
