/**
 * Recorded ids and secrets translated to the fake server's, learnt as a replay goes.
 *
 * Snowflake ids (statuses, accounts, media) are unique across kinds, so they are mapped as they
 * are; the small serial ids of other records (lists, polls, notifications, reports…) repeat
 * across kinds, so they are mapped per kind: the collection they belong to (`lists`, `polls`).
 */

/** Ids this long are snowflakes; shorter ones are serial ids, unique only within their kind. */
const SNOWFLAKE_LENGTH = 15;

/** Keys whose string values are secrets a later request may send back. */
const SECRET_KEYS = new Set(['access_token', 'refresh_token', 'client_id', 'client_secret']);

/** The kind of the records under a key of an entity (`reblog` holds a status). */
const KIND_OF_KEY: Readonly<Record<string, string>> = {
  status: 'statuses', reblog: 'statuses', last_status: 'statuses', in_reply_to: 'statuses', statuses: 'statuses',
  account: 'accounts', target_account: 'accounts', assigned_account: 'accounts', action_taken_by_account: 'accounts',
  accounts: 'accounts', mentions: 'accounts', in_reply_to_account: 'accounts',
  media_attachments: 'media', media: 'media', poll: 'polls', home: 'statuses', notifications: 'notifications',
};

/** The kind of the records a key holds or names (`account_id` → `accounts`, `poll` → `polls`). */
export function kindOfKey(key: string): string {
  const base = key.replace(/_ids?$/, '');
  return KIND_OF_KEY[base] ?? (base.endsWith('s') ? base : `${base}s`);
}

/** Keys that tell an entity's kind, checked in order: the first kind whose keys are all there. */
const KIND_BY_KEYS: readonly (readonly [string, readonly string[]])[] = [
  ['statuses', ['content', 'visibility', 'account']],
  ['accounts', ['username', 'acct']],
  ['accounts', ['username', 'email', 'account']],
  ['accounts', ['following', 'followed_by']],
  ['scheduled_statuses', ['scheduled_at', 'params']],
  ['notifications', ['type', 'account', 'created_at']],
  ['polls', ['options', 'expires_at', 'votes_count']],
  ['lists', ['title', 'replies_policy']],
  ['conversations', ['accounts', 'unread']],
  ['reports', ['action_taken', 'comment']],
  ['featured_tags', ['name', 'statuses_count', 'url']],
  ['filters', ['context', 'phrase']],
  ['filters', ['context', 'filter_action']],
  ['keywords', ['keyword', 'whole_word']],
  ['domain_blocks', ['domain', 'severity']],
  ['announcements', ['content', 'published_at']],
  ['media', ['type', 'preview_url']],
];

/** The kind of an entity by its keys, else `fallback` (the kind its place implies). */
export function kindOfEntity(entity: Readonly<Record<string, unknown>>, fallback: string): string {
  return KIND_BY_KEYS.find(([, keys]) => keys.every((key) => key in entity))?.[0] ?? fallback;
}

/** Whether a key holds an id or ids (`id`, `status_id`, `media_ids`). */
export function isIdKey(key: string): boolean {
  return key === 'id' || key.endsWith('_id') || key.endsWith('_ids');
}

function isCursorKey(key: string): boolean {
  return key === 'max_id' || key === 'min_id' || key === 'since_id';
}

function isSnowflake(id: string): boolean {
  return id.length >= SNOWFLAKE_LENGTH && /^\d+$/.test(id);
}

/** Maps recorded ids, secrets and `Link` URLs to the fake server's. */
export class IdMap {
  private readonly ids = new Map<string, string>();
  /** Recorded id → the fake ids it stands for, whatever their kind. */
  private readonly byRealId = new Map<string, Set<string>>();
  private readonly secrets = new Map<string, string>();
  private readonly links = new Map<string, string>();
  /** The latest pair of snowflakes, recorded and fake, to place cursors that name no record. */
  private anchor: { real: bigint; fake: bigint } | undefined;

  private key(kind: string, id: string): string {
    return id.length >= SNOWFLAKE_LENGTH ? id : `${kind}:${id}`;
  }

  /** Records that the recorded id `real` of `kind` is `fake` on the fake server. */
  setId(kind: string, real: string, fake: string): void {
    const key = this.key(kind, real);
    if (this.ids.has(key)) return;
    this.ids.set(key, fake);
    if (!this.byRealId.has(real)) this.byRealId.set(real, new Set());
    this.byRealId.get(real)!.add(fake);
    if (isSnowflake(real) && isSnowflake(fake)) this.anchor = { real: BigInt(real), fake: BigInt(fake) };
  }

  /** The fake id of a recorded id of `kind`, if known. */
  id(kind: string, real: string): string | undefined {
    return this.ids.get(this.key(kind, real));
  }

  /** The fake ids a recorded id stands for, in any kind (to pair list items). */
  anyId(real: string): ReadonlySet<string> | undefined {
    return this.byRealId.get(real);
  }

  /**
   * Pairs the items of a recorded list with the fake's: by the id of each item where it is
   * known, else by the records it refers to (its `account`, its `status`) and its `type`;
   * with `byPosition`, the items left are paired in order.
   */
  pair(real: readonly unknown[], fake: readonly unknown[], byPosition: boolean): [unknown, unknown][] {
    const used = new Set<number>();
    const pairs: [unknown, unknown][] = [];
    const left: unknown[] = [];
    const take = (item: unknown, matches: (candidate: Record<string, unknown>) => boolean): boolean => {
      const at = fake.findIndex((candidate, i) => !used.has(i) && isObject(candidate) && matches(candidate));
      if (at < 0) return false;
      used.add(at);
      pairs.push([item, fake[at]]);
      return true;
    };
    for (const item of real) {
      const known = isObject(item) && typeof item['id'] === 'string' ? this.anyId(item['id']) : undefined;
      if (!known || !take(item, (candidate) => known.has(String(candidate['id'])))) left.push(item);
    }
    const unmatched: unknown[] = [];
    for (const item of left) {
      const signature = isObject(item) ? this.signature(item) : [];
      const matched = signature.length > 0 && take(item, (candidate) => signature.every(([key, value]) => referenceOf(candidate, key) === value));
      if (!matched) unmatched.push(item);
    }
    if (byPosition) {
      const rest = fake.filter((_item, i) => !used.has(i));
      unmatched.slice(0, rest.length).forEach((item, i) => pairs.push([item, rest[i]]));
    }
    return pairs;
  }

  /** What identifies a recorded item besides its id: the fake ids of the records it refers to, and its type. */
  private signature(item: Record<string, unknown>): [string, string][] {
    const signature: [string, string][] = [];
    for (const [key, value] of Object.entries(item)) {
      if (key === 'type' && typeof value === 'string') signature.push([key, value]);
      const id = isObject(value) && typeof value['id'] === 'string' ? value['id'] : undefined;
      const known = id === undefined ? undefined : this.anyId(id);
      if (known?.size === 1) signature.push([key, [...known][0]!]);
    }
    return signature.some(([key]) => key !== 'type') ? signature : [];
  }

  /** Records that a recorded secret (token, client id) is `fake` on the fake server. */
  setSecret(real: string, fake: string): void {
    if (!this.secrets.has(real)) this.secrets.set(real, fake);
  }

  /** The fake server's version of a recorded secret, or the secret itself. */
  secret(real: string): string {
    return this.secrets.get(real) ?? real;
  }

  /** Records that the fake's `Link` URL `fake` stands for the recorded one. */
  setLink(real: string, fake: string): void {
    this.links.set(real, fake);
  }

  /** The fake `Link` URL of a recorded one, if that link was served. */
  link(real: string): string | undefined {
    return this.links.get(real);
  }

  /**
   * A value of a request parameter, translated: ids of the key's kind (`route` gives the kind of
   * a bare `id`, `parentKey` that of a `last_read_id`), pagination cursors (by id, or by their distance to a known id for a snowflake that names no record),
   * secrets. Anything else stays as it is.
   */
  param(key: string, value: string, routeKind: string, parentKey?: string): string {
    if (SECRET_KEYS.has(key) || key === 'token' || key === 'code') return this.secret(value);
    if (isCursorKey(key)) {
      const known = this.id(routeKind, value) ?? this.id('statuses', value);
      if (known !== undefined) return known;
      // A cursor made from a time (Mastodon.py turns dates into ids) keeps its distance to a known id.
      if (!isSnowflake(value) || this.anchor === undefined) return value;
      return (BigInt(value) - this.anchor.real + this.anchor.fake).toString();
    }
    if (!isIdKey(key)) return value;
    const kind = key === 'id' ? routeKind : key === 'last_read_id' && parentKey ? kindOfKey(parentKey) : kindOfKey(key);
    return this.id(kind, value) ?? value;
  }

  /**
   * Learns the ids and secrets of a recorded answer from the fake's answer to the same request,
   * walking both together; `kind` is the kind of the records at the top.
   */
  learn(real: unknown, fake: unknown, kind: string): void {
    if (Array.isArray(real) && Array.isArray(fake)) {
      for (const [r, f] of this.pair(real, fake, real.length === fake.length)) this.learn(r, f, kind);
      return;
    }
    if (!isObject(real) || !isObject(fake)) return;
    kind = kindOfEntity(real, kind);
    for (const [key, value] of Object.entries(real)) {
      const other = fake[key];
      if (typeof value === 'string' && typeof other === 'string') {
        if (SECRET_KEYS.has(key)) this.setSecret(value, other);
        else if (key === 'id' || key === 'last_read_id') this.setId(kind, value, other);
        else if (key.endsWith('_id')) this.setId(kindOfKey(key), value, other);
      } else if (key.endsWith('_ids') && Array.isArray(value) && Array.isArray(other) && value.length === other.length) {
        value.forEach((id, i) => { if (typeof id === 'string' && typeof other[i] === 'string') this.setId(kindOfKey(key), id, other[i] as string); });
      } else {
        this.learn(value, other, kindOfKey(key));
      }
    }
  }
}

/** The `type` of an item, or the id of the record under `key`, for {@link IdMap.pair}. */
function referenceOf(item: Record<string, unknown>, key: string): unknown {
  const value = item[key];
  return key === 'type' ? value : isObject(value) ? value['id'] : undefined;
}

/** Whether a value is a JSON object (not a list, not null). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
