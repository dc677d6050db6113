import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseLinkHeader } from '../../src/index.js';
import { toPage } from '../../src/pagination/page.js';
import { fixturePath } from '../support/fixtures.js';

/** Rows of `link-header-examples.tsv`: where it comes from, and the header value. */
function documentedExamples(): { source: string; value: string }[] {
  const [, ...rows] = readFileSync(fixturePath('mastodon-api/link-header-examples.tsv'), 'utf8').trim().split('\n');
  return rows.map((row) => {
    const [file, line, value] = row.split('\t');
    return { source: `${file}:${line}`, value: value! };
  });
}

/**
 * Every `Link` response header of a VCR cassette, unfolded: YAML folds a long plain or quoted
 * scalar over several lines, and a line break inside it reads as one space.
 */
function cassetteLinks(path: string): string[] {
  const lines = readFileSync(fixturePath(`mastodonpy-1.8/cassettes/${path}`), 'utf8').split('\n');
  const links: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const match = /^(\s*)Link:\s*(.*)$/.exec(lines[i]!);
    if (!match) continue;
    let indent = match[1]!.length;
    const parts = match[2] ? [match[2]] : [];
    if (parts.length === 0 && /^\s*- /.test(lines[i + 1] ?? '')) parts.push(lines[++i]!.trim());
    if (!match[2]) indent = /^\s*/.exec(lines[i]!)![0].length;
    while (i + 1 < lines.length && /^\s*/.exec(lines[i + 1]!)![0].length > indent) parts.push(lines[++i]!.trim());
    const value = parts.join(' ').replace(/^- /, '').replace(/^\['(.*)'\]$/, '$1');
    links.push(value);
  }
  return links;
}

describe('Link header parser', () => {
  it('reads every documented Mastodon example: next with max_id, prev with min_id or since_id', () => {
    const examples = documentedExamples();
    assert.ok(examples.length >= 25);
    for (const { source, value } of examples) {
      const page = toPage([], value);
      const next = page._pagination_next?.url;
      assert.ok(next && /[?&]max_id=\d+/.test(next), `${source}: next ${next}`);
      const urls = [...value.matchAll(/<([^>]+)>/g)].map((m) => m[1]);
      assert.equal(next, urls[0], source);
      if (/rel="prev"/.test(value)) {
        assert.equal(page._pagination_prev?.url, urls[1], source);
        assert.match(page._pagination_prev!.url, /[?&](min_id|since_id)=\d+/, source);
      } else {
        assert.equal(page._pagination_prev, undefined, `${source}: a link without rel is no prev`);
      }
    }
  });

  it('copes with the stray trailing ";" and the missing rel="prev" of the documentation', () => {
    const grouped = documentedExamples().find((e) => e.source === 'methods/grouped_notifications.md:110')!;
    assert.ok(grouped.value.endsWith('rel="prev";'));
    assert.deepEqual(parseLinkHeader(grouped.value).map((l) => l.rels), [['next'], ['prev']]);
    const noRel = documentedExamples().find((e) => e.source === 'methods/notifications.md:105')!;
    assert.deepEqual(parseLinkHeader(noRel.value).map((l) => l.rels), [['next'], []]);
  });

  it('reads the Link headers Mastodon 4.0.2 sent in the pagination cassettes, folded lines and all', () => {
    const files = [
      'cassettes/test_fetch_next_previous.yaml', 'cassettes/test_fetch_next_previous_from_pagination_info.yaml',
      'cassettes/test_fetch_next_previous_from_pagination_info_oldstyle.yaml', 'cassettes/test_fetch_remaining.yaml',
      'cassettes_old_pagination/test_fetch_next_previous.yaml', 'cassettes_old_pagination/test_fetch_next_previous_from_pagination_info.yaml',
    ];
    let seen = 0;
    for (const file of files) {
      for (const value of cassetteLinks(file)) {
        seen++;
        const page = toPage([], value);
        assert.match(page._pagination_next?.url ?? '', /^http:\/\/localhost:3000\/api\/v1\/[^ ]+[?&]max_id=\d+$/, `${file}: ${value}`);
        assert.match(page._pagination_prev?.url ?? '', /^http:\/\/localhost:3000\/api\/v1\/[^ ]+[?&](min_id|since_id)=\d+$/, `${file}: ${value}`);
      }
    }
    assert.ok(seen >= 15, `found ${seen} Link headers`);
    const [first] = cassetteLinks('cassettes/test_fetch_remaining.yaml');
    assert.equal(toPage([], first!)._pagination_next?.url,
      'http://localhost:3000/api/v1/timelines/tag/fgiztsshwiaqqiztpmmjbtvmescsculuvmgjgopwoeidbcrixp?limit=10&max_id=109440145750764716');
  });

  it('takes rels in any order, unquoted, several at once, in any case, with other parameters', () => {
    const header = '<https://m.example/b?min_id=9>; title="newer, please"; REL=Prev, <https://m.example/a?max_id=1>;rel="next last"';
    assert.deepEqual(parseLinkHeader(header), [
      { url: 'https://m.example/b?min_id=9', rels: ['prev'] },
      { url: 'https://m.example/a?max_id=1', rels: ['next', 'last'] },
    ]);
    const page = toPage([], header);
    assert.equal(page._pagination_next?.url, 'https://m.example/a?max_id=1');
    assert.equal(page._pagination_prev?.url, 'https://m.example/b?min_id=9');
  });

  it('keeps commas and semicolons inside <...>, and skips what it cannot read', () => {
    assert.deepEqual(parseLinkHeader('<https://m.example/x?a=1,2;3>; rel="next"'), [{ url: 'https://m.example/x?a=1,2;3', rels: ['next'] }]);
    for (const garbage of ['', ';;;', 'rel="next"', '<>; rel="next"', '<https://m.example/x; rel="next"', 'garbage, ,;']) {
      assert.doesNotThrow(() => parseLinkHeader(garbage));
      assert.equal(toPage([], garbage)._pagination_next, undefined, garbage);
    }
    assert.deepEqual(parseLinkHeader(undefined), []);
  });

  it('keeps the links off the array: a page serialises and spreads as the plain array', () => {
    const page = toPage([{ id: '1' }], '<https://m.example/a?max_id=1>; rel="next"');
    assert.equal(JSON.stringify(page), '[{"id":"1"}]');
    assert.deepEqual(Object.keys(page), ['0']);
    assert.deepEqual(page._pagination_next, { method: 'GET', url: 'https://m.example/a?max_id=1' });
    assert.deepEqual(JSON.parse(JSON.stringify(page._pagination_next)), page._pagination_next);
  });
});
