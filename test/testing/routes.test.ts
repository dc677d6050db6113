import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { apiRows, tableRouteKeys } from '../../src/testing/index.js';
import { useFakeServer } from '../support/fake.js';

/**
 * Routes the fake server answers that no row of mastodon-rx/api declares, and who sends them:
 * calls written by hand with a path of their own, streams, and documents a server links to.
 */
const WITHOUT_ROW: Readonly<Record<string, string>> = {
  'GET /': 'getApproxServerTime (HEAD /, answered by GET)',
  'POST /api/v1/apps': 'createApp',
  'POST /oauth/token': 'logIn, createAccount',
  'POST /oauth/revoke': 'revokeAccessToken',
  'POST /api/v1/accounts': 'createAccount',
  'PATCH /api/v1/accounts/update_credentials': 'accountUpdateCredentials (form or multipart)',
  'POST /api/v1/media': 'mediaPost on servers before 3.1.4 (multipart)',
  'POST /api/v2/media': 'mediaPost (multipart)',
  'PUT /api/v1/media/{id}': 'mediaUpdate (form or multipart)',
  'GET /nodeinfo/2.0': 'instanceNodeinfo, at the address the discovery document gives',
  'GET /api/v1/streaming/health': 'streamHealthy',
  'GET /api/v1/streaming/user': 'streamUser (SSE)',
  'GET /api/v1/streaming/user/notification': 'streamNotifications (SSE)',
  'GET /api/v1/streaming/public': 'streamPublic (SSE)',
  'GET /api/v1/streaming/public/local': 'streamLocal (SSE)',
  'GET /api/v1/streaming/public/remote': 'streamPublic({ remote: true }) (SSE)',
  'GET /api/v1/streaming/hashtag': 'streamHashtag (SSE)',
  'GET /api/v1/streaming/hashtag/local': 'streamHashtag({ local: true }) (SSE)',
  'GET /api/v1/streaming/list': 'streamList (SSE)',
  'GET /api/v1/streaming/direct': 'streamDirect (SSE)',
};

describe('the fake server and the rows of mastodon-rx/api', () => {
  const fake = useFakeServer();

  it('finds every row through the exports: endpoint functions, version switches and the rows hand-written functions send', () => {
    const names = new Set(apiRows().map(({ name }) => name));
    for (const name of ['timelineHome', 'trendingTags', 'statusPostRow', 'notificationListRow', 'searchV2Row']) assert.ok(names.has(name), name);
    const routes = tableRouteKeys();
    assert.ok(routes.includes('GET /api/v1/trends') && routes.includes('GET /api/v1/trends/tags'), 'both rows of trendingTags');
  });

  it('answers every row, and beyond them only the routes of calls written by hand, each named', () => {
    const answered = new Set(fake.server.routeKeys);
    const rows = new Set(tableRouteKeys());
    assert.deepEqual([...rows].filter((key) => !answered.has(key)), [], 'rows the fake server does not answer');
    assert.deepEqual([...answered].filter((key) => !rows.has(key) && !(key in WITHOUT_ROW)).sort(), [],
      'routes that match no row: a misspelt key, or a hand-written call to name in WITHOUT_ROW');
    assert.deepEqual(Object.keys(WITHOUT_ROW).filter((key) => !answered.has(key)), [], 'WITHOUT_ROW names a route the fake server lacks');
  });
});
