import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { runIsolated } from '../support/isolated.js';
import type { Outcome } from '../support/hostile-http.js';

const casePath = (name: string): string => new URL(`./cases/${name}.ts`, import.meta.url).pathname;

describe('credential files', { timeout: 60_000 }, () => {
  it('are 0600 from their first byte, replace a 0644 file without writing into it, and never go through a link', async () => {
    const result = await runIsolated(casePath('secrets-credentials'), { timeoutMs: 30_000 });
    assert.equal(result.code, 0, result.stderr);
    const report = result.report as Record<string, unknown> & {
      throughLink: Outcome; throughDangling: Outcome; overwrite: Outcome; fresh: Outcome; lineBreak: Outcome;
      libraryWriteModes: number[]; existing: { text: string; mode: number }; oldInode: { text: string; mode: number };
    };
    // A link at the target, to a file or dangling: MastodonIOError, and the link's target untouched.
    assert.ok(report.throughLink.error?.chain.includes('MastodonIOError'), JSON.stringify(report.throughLink));
    assert.match(report.throughLink.error!.message, /symbolic link/);
    assert.ok(report.throughDangling.error?.chain.includes('MastodonIOError'), JSON.stringify(report.throughDangling));
    assert.equal(report['precious'], 'precious content\n');
    assert.equal(report['linkStillLink'], true);
    assert.equal(report['danglingCreated'], false);
    // The 0644 file is replaced: the new one is 0600 with the token; the old inode never saw it.
    assert.equal(report.overwrite.completed, true, JSON.stringify(report.overwrite));
    assert.deepEqual(report.existing, { text: `token-of-the-day\n${String(report['serverUrl'])}\ncid\ncsecret\n`, mode: 0o600 });
    assert.deepEqual(report.oldInode, { text: 'old token\n', mode: 0o644 });
    assert.ok(report.libraryWriteModes.length > 0, 'the library wrote through fs.writeSync or fs.writeFileSync');
    assert.deepEqual(report.libraryWriteModes, report.libraryWriteModes.map(() => 0o600), 'every write went to a file of mode 0600');
    // Under umask 0 too.
    assert.equal(report.fresh.completed, true);
    assert.equal(report['freshMode'], 0o600);
    // A token with a line break is not written (it would choose the file's base URL line).
    assert.ok(report.lineBreak.error?.chain.includes('MastodonIOError'), JSON.stringify(report.lineBreak));
    assert.equal(report['brokenWritten'], false);
    assert.deepEqual(report['leftovers'], []);
  });
});
