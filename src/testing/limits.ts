import type { InstanceConfigurationV1, InstanceMediaConfiguration } from '../entities/instance.js';
import type { FakeStore } from './store.js';
import { FakeHttpError } from './routes/types.js';

/**
 * The limits of the fake server: what its instance announces (`configuration` of
 * `/api/v1/instance`) and what it enforces, with Mastodon's defaults. Tests may change them to
 * play a server with other limits.
 */
export interface FakeLimits {
  statuses: InstanceConfigurationV1['statuses'];
  media_attachments: InstanceMediaConfiguration & { description_limit: number };
  polls: InstanceConfigurationV1['polls'];
  accounts: {
    max_featured_tags: number;
    max_pinned_statuses: number;
    max_display_name_length: number;
    max_note_length: number;
    max_profile_fields: number;
    profile_field_name_limit: number;
    profile_field_value_limit: number;
  };
}

/** The media types Mastodon 4.0 takes. */
const SUPPORTED_MIME_TYPES = [
  'image/jpeg', 'image/png', 'image/gif', 'image/heic', 'image/heif', 'image/webp', 'image/avif',
  'video/webm', 'video/mp4', 'video/quicktime', 'video/ogg',
  'audio/wave', 'audio/wav', 'audio/x-wav', 'audio/x-pn-wave', 'audio/vnd.wave', 'audio/ogg', 'audio/vorbis', 'audio/mpeg',
  'audio/mp3', 'audio/webm', 'audio/flac', 'audio/aac', 'audio/m4a', 'audio/x-m4a', 'audio/mp4', 'audio/3gpp', 'video/x-ms-asf',
];

/**
 * The limits of a fake server, Mastodon's defaults until a test changes them.
 * @example fakeLimits(server.store).statuses.max_characters = 5000;
 */
export function fakeLimits(store: FakeStore): FakeLimits {
  return store.extension<FakeLimits>('limits', () => ({
    statuses: { max_characters: 500, max_media_attachments: 4, characters_reserved_per_url: 23 },
    media_attachments: {
      supported_mime_types: [...SUPPORTED_MIME_TYPES], image_size_limit: 10 * 1024 * 1024, image_matrix_limit: 4096 * 4096,
      video_size_limit: 40 * 1024 * 1024, video_frame_rate_limit: 60, video_matrix_limit: 1920 * 1200, description_limit: 1500,
    },
    polls: { max_options: 4, max_characters_per_option: 50, min_expiration: 300, max_expiration: 2_629_746 },
    accounts: {
      max_featured_tags: 10, max_pinned_statuses: 5, max_display_name_length: 30, max_note_length: 500,
      max_profile_fields: 4, profile_field_name_limit: 255, profile_field_value_limit: 255,
    },
  }));
}

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/**
 * The length of a text in characters as a reader sees them (grapheme clusters), as Mastodon
 * counts; counting stops past `cap` (segmenting a long text whole is slow), which is enough to
 * tell whether it is over a limit.
 */
export function graphemeLength(text: string, cap = Number.POSITIVE_INFINITY): number {
  let count = 0;
  for (const _cluster of graphemes.segment(text)) {
    count += 1;
    if (count > cap) break;
  }
  return count;
}

const URL = /https?:\/\/[^\s<>"'()]+(?:\([^\s<>"']*\)[^\s<>"'()]*)*/g;
const MENTION = /(^|[^\w/])@(\w+(?:[.\w-]*\w)?)@[\w.-]+\w/g;

/**
 * The length of a status's text as Mastodon counts it against `max_characters`: every URL as
 * `characters_reserved_per_url` characters, a mention of a remote account (`@user@domain`) by
 * its local part (`@user`), everything else by grapheme.
 *
 * ## Example
 * ```ts
 * countableLength('see https://example.com/a/very/long/path/indeed @alice@other.example', 23)   // 4 + 23 + 1 + 6
 * ```
 */
export function countableLength(text: string, urlLength: number, cap = Number.POSITIVE_INFINITY): number {
  const placeholder = 'x'.repeat(urlLength);
  return graphemeLength(text.replace(URL, placeholder).replace(MENTION, (_m, before: string, user: string) => `${before}@${user}`), cap);
}

/** A megabyte count as Rails writes it in messages (`10 MB`). */
export function humanSize(bytes: number): string {
  const units = ['Bytes', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const shown = Number.isInteger(value) ? String(value) : value.toFixed(1).replace(/\.0$/, '');
  return `${shown} ${units[unit]}`;
}

/**
 * Refuses a status whose text (content warning included) is longer than the instance allows,
 * with Mastodon's 422.
 */
export function checkStatusLength(store: FakeStore, text: string, spoiler: string): void {
  const { max_characters, characters_reserved_per_url } = fakeLimits(store).statuses;
  if (countableLength(spoiler + text, characters_reserved_per_url, max_characters) > max_characters) {
    throw new FakeHttpError(422, `Validation failed: Text character limit of ${max_characters} exceeded`);
  }
}

/**
 * Refuses a poll as Mastodon's poll validator does, every problem in one 422: too few or too
 * many choices, a choice too long, the same choice twice, a deadline too soon or too far.
 */
export function checkPoll(store: FakeStore, options: readonly string[], expiresIn: number): void {
  const limits = fakeLimits(store).polls;
  const problems: string[] = [];
  if (options.length < 2) problems.push('Choices must have more than one item');
  if (options.length > limits.max_options) problems.push(`Choices can't contain more than ${limits.max_options} items`);
  if (options.some((option) => graphemeLength(option, limits.max_characters_per_option) > limits.max_characters_per_option)) {
    problems.push(`Choices cannot be longer than ${limits.max_characters_per_option} characters each`);
  }
  if (new Set(options).size !== options.length) problems.push('Choices contain duplicate items');
  if (!Number.isFinite(expiresIn) || expiresIn > limits.max_expiration) problems.push('Deadline is too far into the future');
  else if (Math.ceil(expiresIn) < limits.min_expiration) problems.push('Deadline is too soon');
  if (problems.length > 0) throw new FakeHttpError(422, `Validation failed: ${problems.join(', ')}`);
}
