import { MastodonIllegalArgumentError } from '../errors.js';

// How Mastodon counts a status against its character limit (StatusLengthValidator): every URL
// with a scheme counts as 23 characters, a mention of a remote account counts only its
// `@username`, and characters are grapheme clusters (an emoji with modifiers is one). The
// content warning counts in full.

/** The length Mastodon gives every URL, however long. */
const URL_LENGTH = 23;

/**
 * URLs as Mastodon's counter finds them: after the start or a character that cannot end a
 * word or a handle, `http(s)://`, a host of dotted labels ending in a top-level domain, an
 * optional port and path; trailing punctuation is not part of it.
 */
const URL = /(^|[^\p{L}\p{N}@＠$#＃])(https?:\/\/(?:[\p{L}\p{N}](?:[\p{L}\p{N}_-]*[\p{L}\p{N}])?\.)+(?:\p{L}{2,}|xn--[a-z0-9-]+)(?::\d+)?(?:[/?#][^\s<>"{}^`\\]*)?)/gu;

/** Characters a URL does not end with, unless they close a bracket the URL opened. */
const TRAILING = /[.,;:!?'"*)\]]$/;

/** Remote mentions: `@user@domain` counts as `@user`. */
const REMOTE_MENTION = /(^|[^/\w])@([a-z0-9_]+)@[a-z0-9.-]+[a-z0-9]+/gi;

function trimUrl(url: string): { url: string; rest: string } {
  let end = url.length;
  while (end > 0 && TRAILING.test(url.slice(0, end))) {
    const last = url[end - 1]!;
    const open = last === ')' ? '(' : last === ']' ? '[' : undefined;
    const head = url.slice(0, end);
    if (open !== undefined && head.split(open).length > head.split(last).length - 1) break;
    end -= 1;
  }
  return { url: url.slice(0, end), rest: url.slice(end) };
}

function countableText(text: string): string {
  const urls = text.replace(URL, (_match, before: string, url: string) => {
    const { rest } = trimUrl(url);
    return `${before}${'x'.repeat(URL_LENGTH)}${rest}`;
  });
  return urls.replace(REMOTE_MENTION, (_match, before: string, username: string) => `${before}@${username}`);
}

function graphemes(text: string): number {
  let count = 0;
  for (const _segment of new Intl.Segmenter().segment(text)) count += 1;
  return count;
}

/**
 * How many characters a status counts as against the server's limit (the instance's
 * `configuration.statuses.max_characters`), as Mastodon counts: URLs as 23 characters,
 * remote mentions as their `@username`, grapheme clusters as one, the content warning in full.
 * Pure: makes no request, and throws `MastodonIllegalArgumentError` at once for text that is
 * not a string.
 *
 * ## Example
 * ```ts
 * getStatusLength('Read https://example.com/a/very/long/path/to/an/article @alice@example.social')
 * // 5 + 23 + 1 + 6 = 35
 * ```
 */
export function getStatusLength(text: string, spoiler_text = ''): number {
  if (typeof text !== 'string') throw new MastodonIllegalArgumentError('text must be a string');
  if (typeof spoiler_text !== 'string') throw new MastodonIllegalArgumentError('spoiler_text must be a string');
  return graphemes(countableText(text)) + graphemes(spoiler_text);
}
