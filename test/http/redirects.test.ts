import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { firstValueFrom } from 'rxjs';
import { FetchBackend, Mastodon, MastodonAPIError } from '../../src/index.js';

describe('FetchBackend and redirects', () => {
  it('asks fetch not to follow them, and fails on the opaque redirect a browser hands back', async () => {
    const inits: RequestInit[] = [];
    // What a browser's fetch answers to `redirect: 'manual'`: no status, no headers, no target.
    const browserFetch = (async (_url: string | URL | Request, init?: RequestInit) => {
      inits.push(init!);
      return { type: 'opaqueredirect', status: 0, statusText: '', headers: new Headers(), body: null } as unknown as Response;
    }) as typeof fetch;
    const api = new Mastodon({ api_base_url: 'https://mastodon.example', access_token: 't', version_check_mode: 'none', session: new FetchBackend(browserFetch) });
    await assert.rejects(firstValueFrom(api.statusPost('hello')), (error: unknown) => {
      assert.ok(error instanceof MastodonAPIError);
      assert.equal(error.status, 0);
      assert.match(error.message, /redirect, which is not followed/);
      return true;
    });
    assert.equal(inits[0]!.redirect, 'manual');
  });
});
