import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type {
  Announcement, FeaturedTag, Filter, Marker, Preferences, Report, Rule, Tag,
} from '../../src/index.js';
import { reviveEntities } from '../../src/entities/revive.js';

const EXAMPLES = fileURLToPath(new URL('../fixtures/entity-examples-4.7/', import.meta.url));

function example<T>(name: string): T {
  return reviveEntities(JSON.parse(readFileSync(`${EXAMPLES}${name}.json`, 'utf8')) as unknown) as T;
}

/** The fields every value of the type must have (its required members), as the entity docs list them. */
function assertHas(value: object, fields: readonly string[]): void {
  for (const field of fields) assert.ok(field in value, `missing ${field}`);
}

describe('entities of part B against the documented examples', () => {
  it('Announcement: dates parsed, reactions typed', () => {
    const a = example<Announcement>('Announcement');
    assertHas(a, ['id', 'content', 'starts_at', 'ends_at', 'all_day', 'published_at', 'updated_at', 'mentions', 'statuses', 'tags', 'emojis', 'reactions']);
    assert.ok(a.published_at instanceof Date && a.updated_at instanceof Date);
    assert.equal(typeof a.reactions[0]!.count, 'number');
  });

  it('Tag: history days are Dates, counts strings', () => {
    const t = example<Tag>('Tag.1');
    assertHas(t, ['name', 'url', 'history']);
    assert.ok(t.history![0]!.day instanceof Date);
    assert.equal(typeof t.history![0]!.uses, 'string');
  });

  it('FeaturedTag: the day of the last status is a Date', () => {
    const t = example<FeaturedTag>('FeaturedTag');
    assertHas(t, ['id', 'name', 'url', 'statuses_count', 'last_status_at']);
    assert.ok(t.last_status_at instanceof Date);
  });

  it('Filter (v1), Marker, Preferences, Report, Rule', () => {
    const f = example<Filter>('V1_Filter');
    assertHas(f, ['id', 'phrase', 'context', 'expires_at', 'irreversible', 'whole_word']);
    assert.ok(f.expires_at instanceof Date);
    const m = example<Marker>('Marker');
    assertHas(m, ['last_read_id', 'version', 'updated_at']);
    assert.equal(typeof m.last_read_id, 'string');
    assert.ok(m.updated_at instanceof Date);
    const p = example<Preferences>('Preferences');
    assertHas(p, ['posting:default:visibility', 'posting:default:sensitive', 'posting:default:language', 'reading:expand:media', 'reading:expand:spoilers']);
    const r = example<Report>('Report');
    assertHas(r, ['id', 'action_taken', 'action_taken_at', 'comment', 'created_at', 'status_ids', 'rule_ids', 'target_account']);
    assert.ok(r.created_at instanceof Date);
    assert.ok(r.target_account.created_at instanceof Date);
    const rule = example<Rule>('Rule');
    assertHas(rule, ['id', 'text']);
  });
});
