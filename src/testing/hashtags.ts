import type { FakeAccount, FakeStatus, FakeStore } from './store.js';

const HASHTAG = /(?:^|[^\p{L}\p{N}_/&])#([\p{L}\p{N}_]*[\p{L}_][\p{L}\p{N}_]*)/gu;
const DAY = 86_400_000;

/** The hashtags of a status's text, lower case, each once. */
export function hashtagsOf(store: FakeStore, status: FakeStatus): string[] {
  const text = store.sourceText.get(status.id) ?? status.content.replace(/<[^>]*>/g, ' ');
  return [...new Set([...text.matchAll(HASHTAG)].map((m) => m[1]!.toLowerCase()))];
}

/** Use of a hashtag per day for the last week, newest day first, as the API serves it. */
export function tagHistory(store: FakeStore, name: string, statuses: readonly FakeStatus[] = store.statuses): { day: string; uses: string; accounts: string }[] {
  const today = Math.floor(Date.now() / DAY) * DAY;
  return Array.from({ length: 7 }, (_unused, i) => {
    const start = today - i * DAY;
    const used = statuses.filter((s) => {
      const at = Date.parse(s.created_at);
      return at >= start && at < start + DAY && hashtagsOf(store, s).includes(name);
    });
    return { day: String(start / 1000), uses: String(used.length), accounts: String(new Set(used.map((s) => s.account.id)).size) };
  });
}

/** Hashtags as the fake server knows them: their ids, and who follows which since when. */
export interface FakeTagState {
  /** Tag name (lower case) → the tag's id, given on first use. */
  readonly ids: Map<string, string>;
  /** Account id → tag name → the follow's id (its cursor, and when it began). */
  readonly follows: Map<string, Map<string, string>>;
}

/**
 * The hashtags of a fake server: ids and follows, which tags show as `following`.
 * @example tagState(server.store).follows.get(account.id)?.has('cats')
 */
export function tagState(store: FakeStore): FakeTagState {
  return store.extension<FakeTagState>('tags', () => ({ ids: new Map(), follows: new Map() }));
}

/**
 * A hashtag as the API serves it (`Tag`), with its history; for a signed-in `viewer`, whether
 * they follow it, as Mastodon 4 shows.
 */
export function tagJson(store: FakeStore, name: string, statuses?: readonly FakeStatus[], viewer?: string): Record<string, unknown> {
  const tag: Record<string, unknown> = { name, url: `${store.baseUrl}/tags/${encodeURIComponent(name)}`, history: tagHistory(store, name, statuses) };
  if (viewer !== undefined) tag['following'] = tagState(store).follows.get(viewer)?.has(name) ?? false;
  return tag;
}

/** Hashtags used in `statuses`, most used first (ties by name). */
export function rankedHashtags(store: FakeStore, statuses: readonly FakeStatus[]): string[] {
  const uses = new Map<string, number>();
  for (const status of statuses) for (const tag of hashtagsOf(store, status)) uses.set(tag, (uses.get(tag) ?? 0) + 1);
  return [...uses.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([name]) => name);
}

/** The statuses of `account`, oldest first. */
export function statusesBy(store: FakeStore, account: FakeAccount): FakeStatus[] {
  return store.statuses.filter((s) => s.account.id === account.id);
}
