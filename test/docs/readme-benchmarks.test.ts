import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderResults } from '../../bench/report.js';

const README = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'README.md');

describe('the README benchmark tables', () => {
  it('are bench/results.json as bench/report.ts renders it (npx tsx bench/report.ts after a bench run)', () => {
    const readme = readFileSync(README, 'utf8');
    assert.ok(readme.includes(`\n${renderResults()}\n`), 'README.md shows figures that bench/results.json does not hold');
  });
});
