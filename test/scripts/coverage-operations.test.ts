import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { countByArea, libraryRouteKeys, readOperations, routeKey } from '../../scripts/coverage-operations.js';
import { fixturePath } from '../support/fixtures.js';

describe('the operation count against Mastodon 4.7', () => {
  it('compares routes by verb and path, parameters by position, without query or trailing slash', () => {
    assert.equal(routeKey('get', '/api/v1/accounts/{account_id}/'), 'GET /api/v1/accounts/{}');
    assert.equal(routeKey('GET', '/api/v1/accounts/{id}'), routeKey('GET', '/api/v1/accounts/{account_id}'));
    assert.equal(routeKey('GET', '/api/v1/streaming/hashtag?tag={tag}'), 'GET /api/v1/streaming/hashtag');
    assert.notEqual(routeKey('GET', '/api/v1/timelines/{timeline*}'), routeKey('GET', '/api/v1/timelines/{id}'));
    assert.notEqual(routeKey('POST', '/api/v1/lists'), routeKey('GET', '/api/v1/lists'));
  });

  it('reads both tables: 210 operations of the API and 59 of its admin part, each with an area', () => {
    const api = readOperations(readFileSync(fixturePath('mastodon-api/operations.tsv'), 'utf8'), false);
    const admin = readOperations(readFileSync(fixturePath('mastodon-api/admin-operations.tsv'), 'utf8'), true);
    assert.equal(api.length, 210);
    assert.equal(admin.length, 59);
    assert.ok([...api, ...admin].every((op) => /^(GET|POST|PUT|PATCH|DELETE)$/.test(op.method) && op.path.startsWith('/') && op.area !== ''));
  });

  it('counts an operation once a row sends its route, and lists the others by area', () => {
    const operations = readOperations('method\tpath\ttag\nGET\t/api/v1/lists\tlists\nPOST\t/api/v1/lists/{id}/accounts\tlists\nGET\t/api/v2/filters\tfilters\n', false);
    const counts = countByArea(operations, new Set(['GET /api/v1/lists', 'POST /api/v1/lists/{}/accounts']));
    assert.deepEqual(counts.map((a) => [a.area, a.covered, a.total]), [['filters', 0, 1], ['lists', 2, 2]]);
    assert.deepEqual(counts[0]!.missing.map((op) => op.path), ['/api/v2/filters']);
  });

  it('sees the routes of rows that hand-written functions and streams send', () => {
    const routes = libraryRouteKeys();
    for (const key of ['GET /api/v1/notifications', 'POST /api/v2/media', 'POST /oauth/token', 'GET /api/v1/streaming/user', 'PATCH /api/v1/accounts/update_credentials']) {
      assert.ok(routes.has(key), key);
    }
  });

  it('fails below the counts it is given, and passes at them', { timeout: 120_000 }, () => {
    const run = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'scripts/coverage-operations.ts', ...args], { encoding: 'utf8' });
    const report = run();
    assert.equal(report.status, 0, report.stderr);
    const [, nonAdmin, admin] = /non-admin: (\d+)\/210 {3}admin: (\d+)\/59/.exec(report.stdout) ?? [];
    assert.ok(nonAdmin !== undefined && admin !== undefined, report.stdout);
    assert.equal(run('--min-non-admin', nonAdmin, '--min-admin', admin).status, 0);
    const short = run('--min-non-admin', String(Number(nonAdmin) + 1), '--min-admin', admin);
    assert.equal(short.status, 1);
    assert.match(short.stderr, /non-admin operations: \d+, fewer than/);
    assert.equal(run('--min-admin', String(Number(admin) + 1)).status, 1);
  });
});
