import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Mastodon, MastodonFileNotFoundError } from '../../src/index.js';
import { startRecordingServer } from '../support/recording-server.js';

describe('a credential path that names no file', () => {
  it('is a MastodonFileNotFoundError naming the path, at once, and nothing is sent', async () => {
    const server = await startRecordingServer();
    const dir = mkdtempSync(join(tmpdir(), 'mastodon-rx-paths-'));
    try {
      const missing = [
        { access_token: './usercred.secret' },
        { access_token: join(dir, 'nowhere', 'token') },
        { access_token: 'usercred.secret' },
        { access_token: dir },
        { client_id: 'clientcred.secret' },
        { client_id: join(dir, 'client'), client_secret: 'given' },
      ];
      for (const options of missing) {
        const path = options.access_token ?? options.client_id;
        assert.throws(() => new Mastodon({ api_base_url: server.url, ...options }), (error: unknown) => {
          assert.ok(error instanceof MastodonFileNotFoundError, `${path}: ${String(error)}`);
          assert.ok(error.message.includes(path), error.message);
          return true;
        });
      }
      // A token is taken as it is; an existing file is read.
      writeFileSync(join(dir, 'usercred.secret'), 'token-from-file\n');
      assert.equal(new Mastodon({ api_base_url: server.url, access_token: 'AbC-123_xyz' }).access_token, 'AbC-123_xyz');
      assert.equal(new Mastodon({ api_base_url: server.url, access_token: join(dir, 'usercred.secret') }).access_token, 'token-from-file');
      assert.deepEqual(server.requests, []);
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await server.close();
    }
  });
});
