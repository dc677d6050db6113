import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fakeAdmin } from '../../src/testing/index.js';
import { useFakeServer } from '../support/fake.js';

/** Sends a form to the fake server, with a bearer token if given, and reads the JSON answer. */
async function send(url: string, method: string, fields: Record<string, string> = {}, token?: string): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(url, {
    method,
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    ...(method === 'GET' ? {} : { body: new URLSearchParams(fields).toString() }),
  });
  return { status: response.status, json: await response.json() as Record<string, unknown> };
}

describe('tokens on the fake server, refused as Mastodon refuses them', () => {
  const fake = useFakeServer();

  it('says a missing or unknown token is invalid and a revoked one revoked, on routes that need one only', async () => {
    const home = `${fake.server.url}/api/v1/timelines/home`;
    assert.deepEqual(await send(home, 'GET'), { status: 401, json: { error: 'The access token is invalid' } });
    assert.deepEqual(await send(home, 'GET', {}, 'never-issued'), { status: 401, json: { error: 'The access token is invalid' } });
    const app = (await send(`${fake.server.url}/api/v1/apps`, 'POST', { client_name: 'revoker', redirect_uris: 'urn:ietf:wg:oauth:2.0:oob' })).json;
    const { token } = fake.server.createUser('revoked');
    fake.server.store.tokens.get(token)!.clientId = String(app['client_id']);
    await send(`${fake.server.url}/oauth/revoke`, 'POST', { client_id: String(app['client_id']), client_secret: String(app['client_secret']), token });
    assert.deepEqual(await send(home, 'GET', {}, token), { status: 401, json: { error: 'The access token was revoked' } });
    assert.equal((await send(`${fake.server.url}/api/v1/instance`, 'GET', {}, token)).status, 200);
  });

  it('refuses an app\'s token on a user\'s route with 422, and users who may not use the API with 403', async () => {
    const app = (await send(`${fake.server.url}/api/v1/apps`, 'POST', { client_name: 'apponly', redirect_uris: 'urn:ietf:wg:oauth:2.0:oob' })).json;
    const appToken = (await send(`${fake.server.url}/oauth/token`, 'POST', {
      grant_type: 'client_credentials', client_id: String(app['client_id']), client_secret: String(app['client_secret']),
    })).json;
    assert.equal('refresh_token' in appToken, false);
    const home = `${fake.server.url}/api/v1/timelines/home`;
    assert.deepEqual(await send(home, 'GET', {}, String(appToken['access_token'])), { status: 422, json: { error: 'This method requires an authenticated user' } });
    const { account, token } = fake.server.createUser('moderated');
    const state = fakeAdmin(fake.server.store).of(account.id);
    state.approved = false;
    assert.deepEqual(await send(home, 'GET', {}, token), { status: 403, json: { error: 'Your login is currently pending approval' } });
    state.approved = true;
    state.disabled = true;
    assert.deepEqual(await send(home, 'GET', {}, token), { status: 403, json: { error: 'Your login is currently disabled' } });
    state.disabled = false;
    assert.equal((await send(home, 'GET', {}, token)).status, 200);
  });

  it('refuses streams as Mastodon\'s streaming server does, in its own words', async () => {
    const stream = `${fake.server.url}/api/v1/streaming/user`;
    assert.deepEqual(await send(stream, 'GET'), { status: 401, json: { error: 'Missing access token' } });
    assert.deepEqual(await send(stream, 'GET', {}, 'never-issued'), { status: 401, json: { error: 'Invalid access token' } });
    const { token } = fake.server.createUser('streamer');
    assert.deepEqual(await send(`${fake.server.url}/api/v1/streaming/nowhere`, 'GET', {}, token), { status: 400, json: { error: 'Unknown channel requested' } });
    assert.deepEqual(await send(`${fake.server.url}/api/v1/streaming/hashtag`, 'GET', {}, token), { status: 400, json: { error: 'Missing tag name parameter' } });
  });

  it('explains a refused sign-up field by field, in Mastodon\'s words', async () => {
    const app = (await send(`${fake.server.url}/api/v1/apps`, 'POST', { client_name: 'signup', redirect_uris: 'urn:ietf:wg:oauth:2.0:oob' })).json;
    const appToken = String((await send(`${fake.server.url}/oauth/token`, 'POST', {
      grant_type: 'client_credentials', client_id: String(app['client_id']), client_secret: String(app['client_secret']),
    })).json['access_token']);
    const refused = await send(`${fake.server.url}/api/v1/accounts`, 'POST', { username: 'coolguy', email: 'cool@fake.example', password: '', locale: 'en' }, appToken);
    assert.deepEqual(refused, {
      status: 422,
      json: {
        error: "Validation failed: Password can't be blank, Service agreement must be accepted",
        details: { password: [{ error: 'ERR_BLANK', description: "can't be blank" }], agreement: [{ error: 'ERR_ACCEPTED', description: 'must be accepted' }] },
      },
    });
    const made = await send(`${fake.server.url}/api/v1/accounts`, 'POST', { username: 'coolguy', email: 'cool@fake.example', password: 'swordfish', agreement: '1', locale: 'en' }, appToken);
    assert.deepEqual(Object.keys(made.json).sort(), ['access_token', 'created_at', 'scope', 'token_type']);
    const again = await send(`${fake.server.url}/api/v1/accounts`, 'POST', { username: 'bad name', email: 'cool@fake.example', password: 'swordfish', agreement: '1' }, appToken);
    assert.equal(again.json['error'], 'Validation failed: Username must contain only letters, numbers and underscores, E-mail address has already been taken');
  });
});
