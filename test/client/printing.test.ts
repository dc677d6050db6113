import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { format, inspect } from 'node:util';
import { firstValueFrom, of, type Observable } from 'rxjs';
import { Mastodon, MastodonAPIError, type HttpBackend, type HttpResponse } from '../../src/index.js';

const TOKEN = 'tok-7c1d4b1e9f2a';
const SECRET = 'sec-0b5e8d3c6a4f';

describe('printing a client', () => {
  const api = new Mastodon({ api_base_url: 'https://m.example', access_token: TOKEN, client_id: 'cid-public', client_secret: SECRET });

  it('shows no secret through util.inspect, console.log formats, JSON.stringify or String', () => {
    const printed = [
      inspect(api), inspect(api, { depth: Infinity, showHidden: true }), inspect({ nested: { api } }, { depth: Infinity }),
      format('%o %O %s %j', api, api, api, api), JSON.stringify(api), JSON.stringify({ api }), String(api), `${api}`,
    ];
    for (const text of printed) {
      assert.ok(!text.includes(TOKEN) && !text.includes(SECRET), `a secret in: ${text}`);
    }
    assert.match(inspect(api), /^Mastodon \{.*api_base_url: 'https:\/\/m\.example'.*access_token: '\[redacted\]'/s);
    const json = JSON.parse(JSON.stringify(api)) as Record<string, unknown>;
    assert.equal(json['access_token'], '[redacted]');
    assert.equal(json['client_secret'], '[redacted]');
    assert.equal(json['client_id'], 'cid-public');
    assert.equal(json['ratelimit_method'], 'wait');
  });

  it('keeps the secrets readable as properties', () => {
    assert.equal(api.access_token, TOKEN);
    assert.equal(api.client_secret, SECRET);
  });

  it('leaves fields that are not set as they are', () => {
    const anonymous = JSON.parse(JSON.stringify(new Mastodon({ api_base_url: 'https://m.example' }))) as Record<string, unknown>;
    assert.equal('access_token' in anonymous, false);
  });

  it('puts no token into the error of a log-in that was granted too few scopes', async () => {
    class ScopesBackend implements HttpBackend {
      handle(): Observable<HttpResponse> {
        return of({ status: 200, statusText: 'OK', headers: {}, body: JSON.stringify({ access_token: TOKEN, scope: 'read', created_at: 1 }) });
      }
    }
    const client = new Mastodon({ api_base_url: 'https://m.example', client_id: 'cid', client_secret: SECRET, session: new ScopesBackend() });
    const error = await firstValueFrom(client.logIn('a@b.c', 'pw')).then(() => assert.fail('no error'), (e: unknown) => e);
    assert.ok(error instanceof MastodonAPIError);
    assert.ok(!inspect(error, { depth: Infinity }).includes(TOKEN));
  });
});
