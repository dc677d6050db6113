import { fakeAdmin, type FakeMastodon, type FakeStaffRole } from '../../../src/testing/index.js';
import { isObject, type IdMap } from './ids.js';
import { jsonOf, RECORDED_HOST, type Recording } from './recordings.js';
import { send } from './wire.js';
import { eachObject, isAccount, readWorld, tokenOf, type RecordedWorld } from './world.js';

const ALL_SCOPES = ['read', 'write', 'follow', 'push', 'admin:read', 'admin:write'];
const STAFF_ROLES = new Set(['Owner', 'Admin', 'Moderator']);

/** Whether a JSON object is a status as the API shows it. */
export function isStatus(value: unknown): value is Record<string, unknown> {
  return isObject(value) && typeof value['id'] === 'string' && 'content' in value && 'visibility' in value && isAccount(value['account']);
}

/** The text of a status's HTML content, as its author would have typed it. */
export function textOf(html: string): string {
  return html
    .replace(/<br\s*\/?>/g, '\n').replace(/<\/p><p>/g, '\n\n').replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

/** The ids of the statuses a recording makes itself: the answers to its posts and boosts. */
function statusesMadeIn(recording: Recording): Set<string> {
  const made = new Set<string>();
  const seen = new Set<string>();
  for (const { request, response } of recording.exchanges) {
    const body = jsonOf(response.body);
    const posting = request.method === 'POST' && /^\/api\/v1\/statuses(\/[^/]+\/reblog)?\/?$/.test(request.url.pathname);
    if (posting && response.status < 300 && isStatus(body) && !seen.has(body['id'] as string)) made.add(body['id'] as string);
    eachObject(body, (object) => { if (isStatus(object)) seen.add(object['id'] as string); });
  }
  return made;
}

/** A status a recording shows but does not make, as first seen, and the token of the request that showed it. */
interface Presupposed {
  readonly status: Record<string, unknown>;
  readonly viewerToken: string | undefined;
}

/** The statuses a recording shows but does not make, each as first seen, oldest first. */
function statusesPresupposed(recording: Recording): Presupposed[] {
  const made = statusesMadeIn(recording);
  const found = new Map<string, Presupposed>();
  for (const exchange of recording.exchanges) {
    eachObject(jsonOf(exchange.response.body), (object) => {
      if (isStatus(object) && !made.has(object['id'] as string) && !found.has(object['id'] as string)) {
        found.set(object['id'] as string, { status: object, viewerToken: tokenOf(exchange) });
      }
    });
  }
  const ids = [...found.keys()].sort((a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0));
  return ids.map((id) => found.get(id)!);
}

/** The accounts of a recording by username, each as first seen there. */
function accountsIn(recording: Recording): Map<string, Record<string, unknown>> {
  const accounts = new Map<string, Record<string, unknown>>();
  for (const { response } of recording.exchanges) {
    eachObject(jsonOf(response.body), (object) => {
      if (isAccount(object) && !accounts.has(object['username'] as string)) accounts.set(object['username'] as string, object);
    });
  }
  return accounts;
}

/**
 * Gives a fresh fake server what a recording presupposes: the world's app and users (with
 * their profiles as the recording first shows them, their logins, staff roles and locales), the tokens
 * it uses, and the statuses it shows without making them; the recorded ids of all of them
 * are mapped to the fake's in `ids`.
 */
export async function seed(server: FakeMastodon, world: RecordedWorld, recording: Recording, ids: IdMap): Promise<void> {
  const { store } = server;
  for (const app of world.apps.values()) {
    store.apps.set(app.clientId, {
      id: String(store.apps.size + 1), name: app.name, website: null, redirect_uri: 'urn:ietf:wg:oauth:2.0:oob',
      client_id: app.clientId, client_secret: app.clientSecret, scopes: ALL_SCOPES,
    });
  }
  const appId = world.apps.size === 1 ? [...world.apps.keys()][0]! : null;
  const shown = accountsIn(recording);
  const seedTokens = new Map<string, string>();
  for (const user of world.users.values()) {
    const account = shown.get(user.username) ?? user.account;
    const fields = Array.isArray(account['fields']) ? (account['fields'] as { name: string; value: string; verified_at: string | null }[]) : [];
    const email = (user.email ?? `${user.username}@localhost`).split(RECORDED_HOST).join(new URL(server.url).host);
    const added = store.addUser(user.username, email, user.password ?? 'password', {
      display_name: String(account['display_name'] ?? ''), note: String(account['note'] ?? ''),
      locked: account['locked'] === true, bot: account['bot'] === true, group: account['group'] === true,
      discoverable: typeof account['discoverable'] === 'boolean' ? account['discoverable'] : null,
      fields: fields.map(({ name, value, verified_at }) => ({ name, value, verified_at })),
      last_status_at: typeof account['last_status_at'] === 'string' ? account['last_status_at'] : null,
    });
    ids.setId('accounts', user.recordedId, added.account.id);
    if (typeof account['id'] === 'string') ids.setId('accounts', account['id'], added.account.id);
    const moderation = fakeAdmin(store).of(added.account.id);
    if (user.role && STAFF_ROLES.has(user.role)) moderation.role = user.role as FakeStaffRole;
    if (user.locale) moderation.locale = user.locale;
    seedTokens.set(user.username, store.issueToken(appId, added.account.id, ALL_SCOPES).token);
  }
  // Whose a token is, as this recording itself shows it first (recordings made on other servers may differ).
  const tokens = new Map([...world.tokens, ...readWorld([recording]).tokens]);
  for (const [token, username] of tokens) {
    const user = store.userByLogin(username);
    if (user) store.tokens.set(token, { token, clientId: appId, accountId: user.account.id, scopes: ALL_SCOPES, refreshToken: '' });
  }
  for (const presupposed of statusesPresupposed(recording)) await seedStatus(server, presupposed, seedTokens, ids);
}

/**
 * Posts a status the recording presupposes, through the API as its author (a boost as its
 * booster), edited if it was, and with the votes its poll shows the reader had cast.
 */
async function seedStatus(server: FakeMastodon, { status, viewerToken }: Presupposed, tokens: Map<string, string>, ids: IdMap): Promise<void> {
  const author = (status['account'] as Record<string, unknown>)['username'] as string;
  const token = tokens.get(author);
  if (!token || ids.id('statuses', status['id'] as string) !== undefined) return;
  const reblog = status['reblog'];
  let path = '/api/v1/statuses';
  const form = new URLSearchParams();
  if (isObject(reblog)) {
    const original = ids.id('statuses', reblog['id'] as string);
    if (!original) return;
    path = `/api/v1/statuses/${original}/reblog`;
    form.set('visibility', String(status['visibility']));
  } else {
    form.set('status', textOf(String(status['content'])));
    form.set('visibility', String(status['visibility']));
    if (status['spoiler_text']) form.set('spoiler_text', String(status['spoiler_text']));
    if (status['sensitive'] === true) form.set('sensitive', 'true');
    if (typeof status['language'] === 'string') form.set('language', status['language']);
    const parent = typeof status['in_reply_to_id'] === 'string' ? ids.id('statuses', status['in_reply_to_id']) : undefined;
    if (parent) form.set('in_reply_to_id', parent);
    const poll = status['poll'];
    if (isObject(poll) && Array.isArray(poll['options'])) {
      for (const option of poll['options'] as { title: string }[]) form.append('poll[options][]', option.title);
      const lasts = (Date.parse(String(poll['expires_at'])) - Date.parse(String(status['created_at']))) / 1000;
      form.set('poll[expires_in]', String(Number.isFinite(lasts) ? Math.max(300, Math.round(lasts)) : 86_400));
      if (poll['multiple'] === true) form.set('poll[multiple]', 'true');
    }
  }
  const answer = await send({
    method: 'POST', url: `${server.url}${path}`, body: Buffer.from(form.toString()),
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-www-form-urlencoded' },
  });
  const made = jsonOf(answer.body);
  if (answer.status !== 200 || !isObject(made) || typeof made['id'] !== 'string') return;
  ids.setId('statuses', status['id'] as string, made['id']);
  const poll = status['poll'];
  if (isObject(poll) && isObject(made['poll'])) {
    ids.learn(poll, made['poll'], 'polls');
    const votes = Array.isArray(poll['own_votes']) ? poll['own_votes'] : [];
    if (poll['voted'] === true && votes.length > 0 && viewerToken && server.store.tokens.has(viewerToken)) {
      await send({
        method: 'POST', url: `${server.url}/api/v1/polls/${String(made['poll']['id'])}/votes`, body: Buffer.from(JSON.stringify({ choices: votes })),
        headers: { authorization: `Bearer ${viewerToken}`, 'content-type': 'application/json' },
      });
    }
  }
  if (typeof status['edited_at'] === 'string' && !isObject(reblog)) {
    await send({
      method: 'PUT', url: `${server.url}/api/v1/statuses/${made['id']}`, body: Buffer.from(form.toString()),
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-www-form-urlencoded' },
    });
  }
}
