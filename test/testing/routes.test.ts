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
  'GET /nodeinfo/2.0': 'instanceNodeinfo, at the address the discovery document gives',
  'GET /api/v1/streaming/user/notification': 'streamNotifications (SSE)',
  'GET /api/v1/streaming/{channel*}': 'any other channel, refused with the streaming server\'s 400',
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
    assert.deepEqual(Object.keys(WITHOUT_ROW).filter((key) => rows.has(key)), [], 'WITHOUT_ROW names a route that a row declares now');
  });
});
