import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { firstValueFrom } from 'rxjs';
import { Mastodon, MastodonAPIError, MastodonNotFoundError } from '../../src/index.js';
import { assertSameRequest, loadCassette, recordedRequest, replay, startReplayServer, type Interaction } from '../support/cassettes.js';

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

  it('log_in with a password asks for the OAuth metadata (a 4.0.2 server has none), then sends the recorded form and checks the granted scopes', async () => {
    const interactions = loadCassette('test_log_in_password.yaml');
    const sent = recordedRequest(interactions[0]!).body as Record<string, string>;
    const noMetadata: Interaction = {
      request: { method: 'GET', uri: 'http://localhost:3000/.well-known/oauth-authorization-server', body: null, headers: {} },
      response: { status: 404, reason: 'Not Found', headers: { 'content-type': 'text/html; charset=utf-8' }, body: '<!DOCTYPE html>' },
    };
    const server = await startReplayServer([noMetadata, interactions[0]!]);
    try {
      const api = new Mastodon({
        api_base_url: server.url, client_id: sent['client_id']!, client_secret: sent['client_secret']!, version_check_mode: 'none',
      });
      const token = await firstValueFrom(api.logIn(sent['username']!, sent['password']!));
      assert.equal(token, '__MASTODON_PY_TEST_ACCESS_TOKEN_3');
      assert.equal(api.access_token, token);
      assert.equal(server.received[0]!.path, '/.well-known/oauth-authorization-server');
      assertSameRequest(server.received[1]!, recordedRequest(interactions[0]!));
    } finally {
      await server.close();
    }
  });
});

describe('recorded responses parse into entities', () => {
  it('instance v1 (what instance() was in 1.8): version and streaming URL', async () => {
    const instance = await replay('test_instance.yaml', (api) => firstValueFrom(api.instanceV1()));
    assert.equal(instance.version, '4.0.2');
    assert.equal(instance.urls.streaming_api, 'ws://localhost:4000');
  });

  it('verify_credentials twice: the account with its source, dates parsed', async () => {
    const [me, again] = await replay('test_verify_credentials.yaml', async (api) => [
      await firstValueFrom(api.accountVerifyCredentials()),
      await firstValueFrom(api.me()),
    ]);
    assert.equal(me!.id, again!.id);
    assert.equal(typeof me!.id, 'string');
    assert.ok(me!.created_at instanceof Date);
  });

  it('a missing status is a MastodonNotFoundError with the server\'s message', async () => {
    const error = await replay('test_status_missing.yaml', (api) => firstValueFrom(api.status('0')).catch((e: unknown) => e));
    assert.ok(error instanceof MastodonNotFoundError);
    assert.equal(error.status, 404);
    assert.equal(error.error, 'Record not found');
  });

  it('the home timeline without a token is an API error', async () => {
    const api = (url: string): Mastodon => new Mastodon({ api_base_url: url, version_check_mode: 'none' });
    const interactions = loadCassette('test_home_tl_anonymous_throws.yaml');
    const server = await startReplayServer(interactions);
    try {
      const error = await firstValueFrom(api(server.url).timelineHome()).catch((e: unknown) => e);
      assert.ok(error instanceof MastodonAPIError);
      assert.equal(server.received[0]!.headers.authorization, undefined);
    } finally {
      await server.close();
    }
  });

  it('the language goes with every request and localises errors', async () => {
    const interactions = loadCassette('test_lang_for_errors.yaml');
    const long = (recordedRequest(interactions[0]!).body as { status: string }).status;
    const errors = await replay('test_lang_for_errors.yaml', async (api) => {
      const first = await firstValueFrom(api.toot(long)).catch((e: unknown) => e);
      api.setLanguage('de');
      const second = await firstValueFrom(api.toot(long)).catch((e: unknown) => e);
      return [first, second];
    });
    assert.ok(errors[0] instanceof MastodonAPIError && errors[1] instanceof MastodonAPIError);
    assert.notEqual(errors[0].error, errors[1].error);
    assert.match(String(errors[1].error), /Gültigkeitsprüfung/);
  });
});
