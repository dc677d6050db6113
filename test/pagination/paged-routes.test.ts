import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { apiRows } from '../../src/testing/index.js';
import { fixturePath, readJsonFixture } from '../support/fixtures.js';

// A list the server paginates with Link headers is a Page, and no other list is: checked
// against the OpenAPI description of Mastodon 4.7 (the operations whose answer has a Link
// header), the Link examples of the Mastodon documentation, and a few lists the server pages
// although neither says so, each named with where it is seen.

/** `GET /path` with every path parameter as `{}`, without a trailing slash. */
const keyOf = (method: string, path: string): string => `${method.toUpperCase()} ${path.replace(/\/+$/, '').replace(/\{\w+\}/g, '{}')}`;

interface OpenApi {
  paths: Record<string, Record<string, { responses?: Record<string, { headers?: Record<string, unknown> }> }>>;
}

/** Operations whose successful answer carries a Link header, in the OpenAPI description. */
function openApiPaged(): Set<string> {
  const spec = readJsonFixture<OpenApi>('mastodon-api/openapi.json');
  return new Set(Object.entries(spec.paths).flatMap(([path, operations]) => Object.entries(operations)
    .filter(([, operation]) => typeof operation === 'object' && operation.responses?.['200']?.headers?.['Link'] !== undefined)
    .map(([method]) => keyOf(method, path))));
}

/** Paths of the documentation's Link examples (ids are numbers there), the generic example left out. */
function examplePaths(): string[] {
  const [, ...rows] = readFileSync(fixturePath('mastodon-api/link-header-examples.tsv'), 'utf8').trim().split('\n');
  return rows.map((row) => new URL(/<([^>]+)>/.exec(row.split('\t')[2]!)![1]!).pathname).filter((path) => path !== '/api/v1/endpoint');
}

/** Lists the server pages that neither source marks, and where that is seen. */
const PAGED_ELSEWHERE: Readonly<Record<string, string>> = {
  'GET /api/v1/trends/tags': "Mastodon's Api::V1::Trends controllers set Link by offset", 'GET /api/v1/trends': 'the same controller as /trends/tags',
  'GET /api/v1/trends/statuses': "Mastodon's Api::V1::Trends controllers", 'GET /api/v1/trends/links': "Mastodon's Api::V1::Trends controllers",
  'GET /api/v1/admin/accounts': 'admin-docs: accounts.md, Link header', 'GET /api/v2/admin/accounts': 'admin-docs: accounts.md, Link header',
  'GET /api/v1/admin/email_domain_blocks': 'admin-docs: email_domain_blocks.md, "Use HTTP Link header for pagination"',
  'GET /api/v1/admin/tags': "Mastodon's Api::V1::Admin::TagsController (routed since 4.2, undocumented) sets Link by id",
  'GET /api/v1/admin/trends/links/publishers': "Mastodon's Api::V1::Admin::Trends::Links::PublishersController (routed since 4.2, undocumented) sets Link by id",
  'GET /api/v1/timelines/{timeline*}': 'any of the timelines, each paged',
};

/** Operations marked paged that are no list, so no Page. */
const NOT_A_LIST: Readonly<Record<string, string>> = {
  'GET /api/v2/search': 'a Search object of three lists, paged by offset and no Link: Mastodon’s SearchController sets none',
};

function examplePattern(path: string): RegExp {
  return new RegExp(`^${path.replace(/\/+$/, '').replace(/[.+^$()|[\]\\]/g, '\\$&').replace(/\{\w+\}/g, '\\d+')}/?$`);
}

describe('pages wherever the server paginates', () => {
  const paged = openApiPaged();
  const examples = examplePaths();
  const documented = (method: string, path: string): boolean =>
    paged.has(keyOf(method, path)) || (method === 'GET' && examples.some((example) => examplePattern(path).test(example)));

  it('every list the server pages with Link headers, that a row reads, is a Page', () => {
    const wrong = apiRows().filter(({ row }) => documented(row.method, row.path) && !(keyOf(row.method, row.path) in NOT_A_LIST))
      .filter(({ row }) => row.returns.kind !== 'page' && row.returns.kind !== 'object-page').map(({ name, row }) => `${name}: ${row.method} ${row.path}`);
    assert.deepEqual(wrong, []);
  });

  it('every Page is a list the server pages', () => {
    const unexplained = apiRows().filter(({ row }) => row.returns.kind === 'page')
      .filter(({ row }) => !documented(row.method, row.path) && !(`${row.method} ${row.path}` in PAGED_ELSEWHERE))
      .map(({ name, row }) => `${name}: ${row.method} ${row.path}`);
    assert.deepEqual(unexplained, []);
  });

  it('reads both sources: the four lists 4.x replays lost their Link on are among them, and Pages', () => {
    for (const key of ['GET /api/v1/endorsements', 'GET /api/v1/scheduled_statuses', 'GET /api/v1/statuses/{}/favourited_by', 'GET /api/v1/statuses/{}/reblogged_by']) {
      assert.ok(paged.has(key), key);
    }
    assert.ok(examples.includes('/api/v1/endorsements') && examples.length === 25);
    const kind = (name: string) => apiRows().find((entry) => entry.name === name)?.row.returns.kind;
    for (const name of ['endorsements', 'scheduledStatuses', 'statusFavouritedBy', 'statusRebloggedBy']) assert.equal(kind(name), 'page', name);
  });
});
