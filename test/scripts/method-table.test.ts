import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { methodTable, readEntries, readLaterEntries, type MethodEntry } from '../../scripts/method-table.js';

describe('the Mastodon.py method table', () => {
  const entries = readEntries();
  const table = methodTable(entries, readLaterEntries());
  const [main, beyond] = table.split('\n## Beyond Mastodon.py 1.8\n') as [string, string];
  const rows = main.split('\n').filter((line) => line.startsWith('| `'));
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

  it('lists the methods beyond 1.8 by their Mastodon.py 2.2.2 call, or as not wrapped', () => {
    const later = beyond.split('\n').filter((line) => line.startsWith('| `'));
    assert.ok(later.includes('| `api.createFilterV2(title, context, filter_action, options?)` | `create_filter_v2` | `POST /api/v2/filters` | table row |'));
    assert.ok(later.includes('| `api.groupedNotifications(options?)` | `grouped_notifications` | `GET /api/v2/notifications` | table row, paginated |'));
    assert.ok(later.includes('| `api.notificationsMerged()` | `notifications_merged` | `GET /api/v1/notifications/requests/merged` | hand-written |'));
    assert.ok(later.includes('| `api.filterKeywordV2(…)` | not wrapped | `GET /api/v2/filters/keywords/{keyword_id}` | table row |'));
    assert.ok(!later.some((line) => line.includes('`api.statusPost(')), 'the 1.8 methods are listed once, above');
  });
});
