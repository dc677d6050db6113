import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { methodTable, readEntries, type MethodEntry } from '../../scripts/method-table.js';

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
});

describe('the sections after Mastodon.py 1.8', () => {
  const entries = readEntries();
  const later = readEntries(join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'mastodonpy-2.2', 'endpoints.json'));
  const table = methodTable(entries, later);
  const section = (title: string): string[] => {
    const start = table.indexOf(`## ${title}\n`);
    assert.ok(start >= 0, `no section ${title}`);
    const end = table.indexOf('\n## ', start + 1);
    return table.slice(start, end < 0 ? undefined : end).split('\n').filter((line) => line.startsWith('| `'));
  };

  it('lists each method Mastodon.py 2.2.2 added once, and none of 1.8 again', () => {
    const known = new Set(entries.map((e) => e.method));
    const added = later.filter((e) => !known.has(e.method));
    const rows = section('Added by Mastodon.py 2.2.2');
    assert.equal(rows.length, added.length);
    assert.ok(rows.includes('| `instance_v2` | `api.instanceV2()` | `GET /api/v2/instance/` | table row |'));
    assert.ok(rows.includes('| `followed_tags` | `api.followedTags(options?)` | `GET /api/v1/followed_tags` | table row, paginated |'));
    assert.ok(!rows.some((row) => row.startsWith('| `status_post` |')));
    const present = rows.filter((row) => !row.endsWith('| **missing** |')).length;
    assert.ok(table.includes(`${present} of ${added.length} present.`));
  });

  it('lists the functions no Mastodon.py names, and no function it names', () => {
    const rows = section('Not in Mastodon.py');
    assert.ok(rows.includes('| `api.instancePrivacyPolicy` | `GET /api/v1/instance/privacy_policy` | table row |'));
    assert.ok(rows.includes('| `api.accountEndorsements` | `GET /api/v1/accounts/{id}/endorsements` | table row, paginated |'));
    assert.ok(rows.includes('| `api.makePkcePair` | — | hand-written |'));
    assert.ok(!rows.some((row) => /^\| `api\.(instanceV2|statusPost|tagFollow)` \|/.test(row)));
  });

  it('leaves the later sections out when given no later table', () => {
    assert.ok(!methodTable(entries).includes('## Added by Mastodon.py 2.2.2'));
  });
});
