import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { methodTable, readEntries, readLaterEntries, type MethodEntry } from '../../scripts/method-table.js';

describe('the Mastodon.py method table', () => {
  const entries = readEntries();
  const table = methodTable(entries);
  const rows = table.split('\n').filter((line) => line.startsWith('| `'));
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

  it('lists the methods Mastodon.py added after 1.8, and the functions neither version has, each in a section', () => {
    const later = readLaterEntries();
    const full = methodTable(entries, later);
    const [, added, beyond] = full.split(/^## /m);
    const addedRows = added!.split('\n').filter((line) => line.startsWith('| `'));
    assert.equal(addedRows.length, later.filter((entry) => entry.since !== '1.8').length);
    assert.ok(!addedRows.some((row) => row.startsWith('| `status_post` |')), 'the methods of 1.8 stay in the first table');
    assert.match(addedRows.find((row) => row.startsWith('| `filters_v2` |'))!, /`GET \/api\/v2\/filters`/);
    assert.match(beyond!, /^\| `api\.mediaPostWithProgress` \| hand-written \|$/m);
    assert.ok(!/^\| `api\.statusPost` \|/m.test(beyond!), 'a Mastodon.py name is not beyond it');
  });
});
