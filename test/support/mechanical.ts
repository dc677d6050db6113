import type { Observable } from 'rxjs';
import { Mastodon, MastodonClient, type MastodonOptions } from '../../src/index.js';
import * as api from '../../src/api.js';
import { parsePairs } from '../../src/testing/index.js';
import type { RawRequest } from './recording-server.js';

// What the mechanical tests of Mastodon.py's method tables (1.8 and 2.2.2) share: the entry
// format, sample arguments by parameter name, the names a raw request carries, and the two ways
// of reaching a method (the class, or a function of mastodon-rx/api with a bare client).

/** One method of a Mastodon.py endpoints.json table. */
export interface TableEntry {
  method: string;
  http: string | null;
  path: string | null;
  params: string[];
  path_params: string[];
  defaults: Record<string, string>;
  paginated: boolean;
  returns: string | null;
  alt_paths?: string[];
  wire?: string;
  since?: string;
}

export const ID = '109440146774012815';

/** Names of flags a test turns on. */
const TRUE_FLAGS = /^(local|remote|only_media|pinned|exclude_replies|exclude_reblogs|following|resolve|forward|sensitive|reblogs|notify|notifications|irreversible|whole_word|locked|bot|discoverable|resolved|staff_only|agreement|exclude_unreviewed|reject_media|reject_reports|obfuscate|mentions_only|active_users|new_users|interactions|opened_reports|resolved_reports|languages|sources|servers|space_usage|software_versions|untag|send_email_notification|.*_events)$/;

/** Sample values by parameter name. */
export const SAMPLES: Readonly<Record<string, unknown>> = {
  visibility: 'unlisted', status: 'hello', category: 'spam', context: ['home'], order: 'active', origin: 'local',
  frequency: 'day', severity: 'silence', action: 'silence', permissions: 'staff', policy: 'all',
  result_type: 'accounts', schema: 'http://nodeinfo.diaspora.software/ns/schema/2.0', domain: 'chitter.xyz',
  by_domain: 'chitter.xyz', q: 'cats', acct: 'alice', hashtag: 'cats', tag: 'cats', reaction: 'heart',
  choices: [0], exclude_types: ['follow'], types: ['mention'], timelines: ['home'], last_read_ids: [ID],
  fields: [['Pronouns', 'they/them']], uri: 'alice@chitter.xyz', title: 'friends', phrase: 'cats',
  comment: 'a note', description: 'a cat', focus: [0.5, -0.5], mime_type: 'image/png', username: 'alice',
  password: 'correct horse', email: 'alice@example.com', reason: 'hi', locale: 'en', language: 'en',
  spoiler_text: 'cw', text: 'warning', display_name: 'Alice', note: 'bio', scopes: ['read'], name: 'cats',
  version_str: '3.0.0', endpoint: 'https://push.example/abc', start_at: new Date('2022-11-01T00:00:00Z'),
  end_at: new Date('2022-11-05T00:00:00Z'), limit: 5, offset: 1, expires_in: 600, duration: 60,
  timeline: 'home', ip: '127.0.0.1', private_comment: 'private', public_comment: 'public', lang: 'en',
  media_file: Buffer.from('89504e470d0a1a0a', 'hex'), marker: ID,
  encrypt_params: { pubkey: Buffer.concat([Buffer.from([4]), Buffer.alloc(64, 7)]).toString('base64url'), auth: Buffer.alloc(16, 9).toString('base64url') },
  to_status: { id: ID, account: { id: '1', acct: 'bob' }, mentions: [], visibility: 'public', spoiler_text: '' },
};

/** Sample values: by method first (names that mean something else there), then by name. */
export interface Sampler {
  readonly samples?: Readonly<Record<string, unknown>>;
  readonly methodSamples?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
}

/** A sample value for a parameter, by its name; undefined when there is none. */
export function sampleFor(name: string, method: string, sampler: Sampler = {}): unknown {
  const special = sampler.methodSamples?.[method];
  if (special && name in special) return special[name];
  if (sampler.samples && name in sampler.samples) return sampler.samples[name];
  if (name in SAMPLES) return SAMPLES[name];
  if (name.startsWith('instance_')) return 'chitter.xyz';
  if (name.startsWith('tag_')) return '12';
  if (TRUE_FLAGS.test(name)) return true;
  if (name.endsWith('_at')) return new Date(Date.now() + 3_600_000);
  if (name.endsWith('_ids')) return [ID];
  if (name === 'id' || name.endsWith('_id') || name === 'invited_by') return ID;
  return undefined;
}

export const camel = (name: string): string => name.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());

/**
 * The method's arguments: required parameters positionally, the others in one options object,
 * leaving out `skipped` options and those an alternative path takes. `required` overrides which
 * parameters are positional. `options` names what went into the options object.
 */
export function argumentsFor(entry: TableEntry, skipped: ReadonlySet<string>, sampler: Sampler = {},
  required: (param: string) => boolean = (param) => !(param in entry.defaults)): { args: unknown[]; options: string[]; missing?: string } {
  const args: unknown[] = [];
  const options: Record<string, unknown> = {};
  const altParams = (entry.alt_paths ?? []).join(' ');
  for (const param of entry.params) {
    const value = sampleFor(param, entry.method, sampler);
    if (required(param)) {
      if (value === undefined) return { args, options: [], missing: param };
      args.push(value);
    } else if (!skipped.has(param) && !altParams.includes(`{${param}}`) && value !== undefined) {
      options[param] = value;
    }
  }
  const hasOptions = entry.params.some((param) => !required(param));
  return { args: hasOptions ? [...args, options] : args, options: Object.keys(options) };
}

/** The top-level wire parameter names of a raw request (query and body, `k[]`/`k[sub]` folded into `k`). */
export function sentNames(request: RawRequest): string[] {
  const query = Object.keys(parsePairs(new URL(request.url, 'http://x').searchParams.entries()));
  const type = String(request.headers['content-type'] ?? '');
  let body: string[] = [];
  if (request.body && type.startsWith('application/json')) {
    const parsed: unknown = JSON.parse(request.body);
    if (typeof parsed === 'object' && parsed !== null) body = Object.keys(parsed);
  } else if (type.startsWith('multipart/')) {
    body = [...request.body.matchAll(/\bname="([^"[]+)/g)].map((m) => m[1]!);
  } else if (request.body) {
    body = Object.keys(parsePairs(new URLSearchParams(request.body).entries()));
  }
  return [...query, ...body];
}

/** A path of the table (`{name}` placeholders, maybe a trailing slash) as a pattern for a sent path. */
export function pathPattern(path: string): RegExp {
  const source = path.split('?')[0]!.replace(/\/+$/, '').replace(/[.+^$()|[\]\\]/g, '\\$&').replace(/\{\w+\}/g, '[^/]+');
  return new RegExp(`^${source}/?$`);
}

/** How a test reaches an entry's call: a method of the class, or a function of mastodon-rx/api with a bare client. */
export type CallFor = (name: string, options: MastodonOptions) => ((...args: unknown[]) => Observable<unknown>) | undefined;

export const throughTheClass: CallFor = (name, options) => {
  const client = new Mastodon(options);
  const method = (client as unknown as Record<string, unknown>)[name];
  return typeof method === 'function' ? (...args) => (method as (...a: unknown[]) => Observable<unknown>).apply(client, args) : undefined;
};

export const throughTheFunctions: CallFor = (name, options) => {
  const client = new MastodonClient(options);
  const fn = (api as Record<string, unknown>)[name];
  if (typeof fn === 'function') return (...args) => (fn as (...a: unknown[]) => Observable<unknown>)(client, ...args);
  // A method of the bare client itself (setLanguage), not an endpoint.
  const method = (client as unknown as Record<string, unknown>)[name];
  return typeof method === 'function' ? (...args) => (method as (...a: unknown[]) => Observable<unknown>).apply(client, args) : undefined;
};
