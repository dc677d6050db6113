import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { firstValueFrom } from 'rxjs';
import { MastodonClient } from '../../src/core.js';
import { statusPost, timelineHome } from '../../src/api.js';
import { within } from '../support/deadline.js';

describe('npm run fake-server', () => {
  it('starts the fake server on its own, prints its URL, a token and the example\'s address, serves a home timeline, takes posts and stops on SIGTERM', { timeout: 60_000 }, async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/fake-server.ts', '--port', '0', '--statuses', '5'], { stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      let output = '';
      child.stdout.setEncoding('utf8');
      const printed = new Promise<void>((resolve) => child.stdout.on('data', (text: string) => {
        output += text;
        if (output.includes('bob posts')) resolve();
      }));
      await within(printed, 30_000, 'the script printed its URL and token');
      const url = /api_base_url: (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
      const token = /access_token: (\S+)/.exec(output)?.[1];
      assert.ok(url && token, output);
      assert.ok(output.includes(`http://localhost:4200/?server=${encodeURIComponent(url)}&token=${encodeURIComponent(token)}`), output);

      const client = new MastodonClient({ api_base_url: url, access_token: token });
      const page = await firstValueFrom(timelineHome(client, { limit: 40 }));
      assert.equal(page.length, 5, 'alice sees her statuses and those of bob, whom she follows');
      assert.deepEqual(new Set(page.map((s) => s.account.acct)), new Set(['alice', 'bob']));
      await firstValueFrom(statusPost(client, 'posted by a client'));
      assert.equal((await firstValueFrom(timelineHome(client, { limit: 1 })))[0]?.content, '<p>posted by a client</p>');
    } finally {
      child.kill('SIGTERM');
      const [code] = await once(child, 'exit') as [number | null];
      assert.equal(code, 0, 'it exits cleanly');
    }
  });
});
