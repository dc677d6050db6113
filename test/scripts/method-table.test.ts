import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { beyondTable, methodTable, readEntries, type MethodEntry } from '../../scripts/method-table.js';

describe('the Mastodon.py method table', () => {
  const entries = readEntries();
  const table = methodTable(entries);
  const rows18 = table.split('\n## Beyond Mastodon.py 1.8\n')[0]!;
  const rowsOf = (section: string): string[] => section.split('\n').filter((line) => line.startsWith('| `'));
  const rows = rowsOf(rows18);
  const rowOf = (method: string): string => rows.find((row) => row.startsWith(`| \`${method}\` |`)) ?? assert.fail(`no row for ${method}`);

  it('has one row per Mastodon.py method', () => {
    assert.equal(rows.length, entries.length);
  });

  it('gives the call as DESIGN.md shapes it and the route from the endpoint table', () => {
    assert.equal(rowOf('status_post'), '| `status_post` | `api.statusPost(status, options?)` | `POST /api/v1/statuses` | hand-written |');
    assert.equal(rowOf('toot'), '| `toot` | `api.toot(status)` | `POST /api/v1/statuses` | table row |');
    assert.match(rowOf('timeline_home'), /`api\.timelineHome\(options\?\)` \| `GET \/api\/v1\/timelines\/home` \| table row, paginated \|/);
    assert.match(rowOf('create_app'), /`Mastodon\.createApp\(client_name, options\?\)`/);
    assert.match(rowOf('__init__'), /^\| `__init__` \| `new Mastodon\(options\)` \| .* \| constructor \|$/);
  });

  it('marks methods this library lacks, with no call, and counts them out', () => {
    const lacking: MethodEntry = {
      method: 'status_teleport', module: 'statuses.py', http: 'POST', path: '/api/v1/statuses/{id}/teleport',
      params: ['id'], defaults: {}, paginated: false, version_created: '9.9.9',
    };
    const withGap = methodTable([...entries, lacking]);
    assert.ok(withGap.split('\n').includes('| `status_teleport` | — | `POST /api/v1/statuses/{id}/teleport` | **missing** |'));
    assert.ok(withGap.includes(`${entries.length} of ${entries.length + 1} methods present.`));
    assert.ok(table.includes(`${entries.length} of ${entries.length} methods present.`));
  });
});

describe('the methods beyond Mastodon.py 1.8', () => {
  const entries18 = readEntries();
  const entries22 = readEntries(join(process.cwd(), 'test', 'fixtures', 'mastodonpy-2.2', 'endpoints.json'));
  const text = beyondTable(entries18, entries22);
  const section = (title: string): string[] => text.split(`### ${title}`)[1]!.split('###')[0]!.split('\n').filter((line) => line.startsWith('| `'));

  it('lists the methods of Mastodon.py 2.2.2 by its names, and none of 1.8', () => {
    const rows = section('From Mastodon.py 2.2.2');
    assert.ok(rows.includes('| `admin_create_ip_block` | `api.adminCreateIpBlock(ip, severity, options?)` | `POST /api/v1/admin/ip_blocks` | table row |'));
    assert.ok(rows.includes('| `admin_ip_blocks` | `api.adminIpBlocks(options?)` | `GET /api/v1/admin/ip_blocks` | table row, paginated |'));
    assert.ok(!rows.some((row) => row.startsWith('| `admin_accounts_v2` |')), '1.8 methods stay in the first table');
    assert.match(text, new RegExp(`${rows.length} of the \\d+ methods with a request that Mastodon.py 2.2.2 adds to 1.8 are here`));
  });

  it('lists the statuses area under Mastodon.py 2.2.2\'s names, and what it lacks apart, hand-written calls included', () => {
    assert.ok(section('From Mastodon.py 2.2.2').includes('| `status_quotes` | `api.statusQuotes(id, options?)` | `GET /api/v1/statuses/{id}/quotes` | table row, paginated |'));
    assert.ok(section('From Mastodon.py 2.2.2').includes('| `await_async_refresh` | `api.awaitAsyncRefresh(result, options?)` | — | hand-written |'));
    assert.ok(section('Not in Mastodon.py').includes('| `api.mediaDelete` | `DELETE /api/v1/media/{id}` | table row |'));
  });

  it('lists the methods no Mastodon.py version has in a section of their own', () => {
    const rows = section('Not in Mastodon.py');
    assert.ok(rows.includes('| `api.adminUpdateReport` | `PUT /api/v1/admin/reports/{id}` | table row |'));
    assert.ok(rows.includes('| `api.adminTags` | `GET /api/v1/admin/tags` | table row, paginated |'));
    assert.ok(!rows.some((row) => row.includes('adminCreateIpBlock')), 'a 2.2.2 method is not listed twice');
  });
});
