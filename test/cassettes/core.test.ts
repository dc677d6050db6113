import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { firstValueFrom } from 'rxjs';
import { Mastodon } from '../../src/index.js';
import { assertSameRequest, loadCassette, recordedRequest, replay, startReplayServer } from '../support/cassettes.js';

describe('recorded traffic with Mastodon 4.0.2', () => {
  it('toot sends what Mastodon.py sent and parses the real status', async () => {
    const status = await replay('test_toot.yaml', async (api) => {
      const posted = await firstValueFrom(api.toot('Toot!'));
      await firstValueFrom(api.statusDelete(posted));
      return posted;
    });
    assert.equal(status.id, '109440146774012815');
    assert.ok(status.created_at instanceof Date);
    assert.ok(status.account.last_status_at instanceof Date);
  });

  for (const visibility of ['direct', 'private', 'public', 'unlisted'] as const) {
    it(`status_post with spoiler text and ${visibility} visibility`, async () => {
      const [interaction] = loadCassette(`test_status_post[Content warning-${visibility}].yaml`);
      const text = String(recordedRequest(interaction!).body && (recordedRequest(interaction!).body as { status: string }).status);
      const status = await replay(`test_status_post[Content warning-${visibility}].yaml`,
        async (api) => {
          const posted = await firstValueFrom(api.statusPost(text, { visibility, spoiler_text: 'Content warning' }));
          await firstValueFrom(api.statusDelete(posted));
          return posted;
        });
      assert.equal(status.visibility, visibility);
    });
  }

  it('log_in with a password sends the recorded form and checks the granted scopes', async () => {
    const interactions = loadCassette('test_log_in_password.yaml');
    const sent = recordedRequest(interactions[0]!).body as Record<string, string>;
    const server = await startReplayServer(interactions.slice(0, 1));
    try {
      const api = new Mastodon({
        api_base_url: server.url, client_id: sent['client_id']!, client_secret: sent['client_secret']!, version_check_mode: 'none',
      });
      const token = await firstValueFrom(api.logIn(sent['username']!, sent['password']!));
      assert.equal(token, '__MASTODON_PY_TEST_ACCESS_TOKEN_3');
      assert.equal(api.access_token, token);
      assertSameRequest(server.received[0]!, recordedRequest(interactions[0]!));
    } finally {
      await server.close();
    }
  });
});
