import type { FakeStatus, FakeStore } from './store.js';

/** A keyword of a fake filter. */
export interface FakeFilterKeyword {
  id: string;
  keyword: string;
  whole_word: boolean;
}

/** A status a fake filter matches by id. */
export interface FakeFilterStatus {
  id: string;
  status_id: string;
}

/**
 * A filter as the fake server keeps it: Mastodon 4's filter, which the v2 API shows whole and the
 * v1 API one keyword at a time.
 */
export interface FakeFilter {
  id: string;
  /** Whose filter it is. */
  ownerId: string;
  title: string;
  context: string[];
  filter_action: string;
  expires_at: string | null;
  keywords: FakeFilterKeyword[];
  statuses: FakeFilterStatus[];
}

/** A filter that matched a status, as `Status.filtered` lists it. */
export interface FakeFilterResult {
  filter: Record<string, unknown>;
  keyword_matches: string[] | null;
  status_matches: string[] | null;
}

/**
 * Every filter of the fake server (both APIs), in the order made; change them to set up a test.
 * @example fakeFilters(server.store)[0]!.expires_at = new Date(0).toISOString();
 */
export function fakeFilters(store: FakeStore): FakeFilter[] {
  return store.extension<FakeFilter[]>('filters-v2', () => []);
}

/** The filters of one account. */
export function filtersOf(store: FakeStore, ownerId: string): FakeFilter[] {
  return fakeFilters(store).filter((f) => f.ownerId === ownerId);
}

/** A filter as the v2 API shows it; inside a `FilterResult`, without its keywords and statuses. */
export function filterJson(filter: FakeFilter, entries = true): Record<string, unknown> {
  const shown: Record<string, unknown> = {
    id: filter.id, title: filter.title, context: [...filter.context], expires_at: filter.expires_at, filter_action: filter.filter_action,
  };
  if (entries) {
    shown['keywords'] = filter.keywords.map((k) => ({ ...k }));
    shown['statuses'] = filter.statuses.map((s) => ({ ...s }));
  }
  return shown;
}

function isActive(filter: FakeFilter, now: number): boolean {
  return filter.expires_at === null || Date.parse(filter.expires_at) > now;
}

const WORD = /[\p{L}\p{N}_]/u;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** One keyword as a pattern: a whole-word keyword may not touch a word character at an end that is one. */
function keywordPattern(keyword: FakeFilterKeyword): string {
  const body = escapeRegExp(keyword.keyword);
  if (!keyword.whole_word) return body;
  const chars = [...keyword.keyword];
  const start = WORD.test(chars[0] ?? '') ? '(?<![\\p{L}\\p{N}_])' : '';
  const end = WORD.test(chars[chars.length - 1] ?? '') ? '(?![\\p{L}\\p{N}_])' : '';
  return start + body + end;
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function textOf(html: string): string {
  return html.replace(/<[^>]*>/g, ' ')
    .replace(/&(#\d+|[a-z]+);/gi, (whole, code: string) => (code[0] === '#' ? String.fromCodePoint(Number(code.slice(1))) : ENTITIES[code.toLowerCase()] ?? whole));
}

/** What Mastodon searches a status's filters in: its content warning, text, poll options and media descriptions. */
function searchableText(status: FakeStatus): string {
  const poll = status['poll'] as { options?: { title?: unknown }[] } | null | undefined;
  const media = status['media_attachments'] as { description?: unknown }[] | undefined;
  return [
    typeof status['spoiler_text'] === 'string' ? status['spoiler_text'] : '',
    textOf(status.content),
    ...(poll?.options ?? []).map((o) => (typeof o.title === 'string' ? o.title : '')),
    ...(media ?? []).map((m) => (typeof m.description === 'string' ? m.description : '')),
  ].join('\n\n');
}

/**
 * The filters of `viewerId` that match `status`, as Mastodon's REST API lists them in
 * `Status.filtered`: every active filter, whatever its contexts (the client applies a result
 * only where `filter.context` names the place it shows the status). A boost is matched by the
 * text of the status it boosts, and by either id. The keyword match is the first text found.
 */
export function filterResults(store: FakeStore, viewerId: string, status: FakeStatus, now = Date.now()): FakeFilterResult[] {
  const proper = (status['reblog'] as FakeStatus | null | undefined) ?? status;
  const ids = [status.id, ...(proper === status ? [] : [proper.id])];
  const text = searchableText(proper);
  const results: FakeFilterResult[] = [];
  for (const filter of filtersOf(store, viewerId)) {
    if (!isActive(filter, now)) continue;
    const pattern = filter.keywords.map(keywordPattern).join('|');
    const found = pattern === '' ? null : new RegExp(pattern, 'iu').exec(text);
    const statusMatches = filter.statuses.length === 0 ? null : ids.filter((id) => filter.statuses.some((s) => s.status_id === id));
    if (found === null && (statusMatches === null || statusMatches.length === 0)) continue;
    results.push({ filter: filterJson(filter, false), keyword_matches: found === null ? null : [found[0]], status_matches: statusMatches });
  }
  return results;
}

/**
 * Whether `viewerId` has an active `hide` filter for `context` that matches `status`: Mastodon
 * keeps such statuses out of the home feed and lists (`home`) and drops such mentions
 * (`notifications`); elsewhere the client hides them by `Status.filtered`.
 */
export function hiddenByFilter(store: FakeStore, viewerId: string, status: FakeStatus, context: 'home' | 'notifications'): boolean {
  return filterResults(store, viewerId, status).some((result) => result.filter['filter_action'] === 'hide'
    && (result.filter['context'] as string[]).includes(context));
}
