import { createHash } from 'node:crypto';
import { releasedBy } from '../server-versions.js';
import type { FakeStore } from '../store.js';
import { fakeLimits } from '../limits.js';
import { SERVER_KEY } from './push.js';
import { instanceState } from './instance.js';
import type { FakeContext } from './types.js';

/** One version of the terms of service: the day it takes effect (`YYYY-MM-DD`) and its HTML. */
export interface FakeTermsOfService {
  effective_date: string;
  content: string;
}

/** A domain the fake server blocks, as moderators enter it. */
export interface FakeDomainBlock {
  domain: string;
  severity: 'silence' | 'suspend';
  /** The public reason, or null. */
  comment: string | null;
  /** Show the domain partly starred out. */
  obfuscate?: boolean;
}

/** Who may read one kind of timeline, as instance v2 reports it. */
export type FakeFeedAccess = { local: 'public' | 'authenticated' | 'disabled'; remote: 'public' | 'authenticated' | 'disabled' };

/** What the server says about itself beyond instance v1: documents, moderation, languages, access. */
export interface FakeServerInfo {
  extendedDescription: { content: string; updated_at: string };
  privacyPolicy: { content: string; updated_at: string };
  /** Every version of the terms of service; none means the server has none (404). */
  termsOfService: FakeTermsOfService[];
  domainBlocks: FakeDomainBlock[];
  /** Who sees the domain blocks: everybody, logged-in users, or nobody (404), as the admin setting says. */
  domainBlocksVisibility: 'all' | 'users' | 'disabled';
  /** The locales `instanceLanguages` lists. */
  languages: { code: string; name: string }[];
  /** Whether statuses can be translated; the language pairs when they can. */
  translation: { enabled: boolean; languages: Record<string, string[]> };
  /**
   * Who may read the public, hashtag and link timelines, as instance v2 reports it from 4.5 on.
   * The fake reports it; its timelines do not enforce it.
   */
  timelinesAccess: { live_feeds: FakeFeedAccess; hashtag_feeds: FakeFeedAccess; trending_link_feeds: FakeFeedAccess };
  registrations: { enabled: boolean; approval_required: boolean; reason_required: boolean; message: string | null; min_age: number | null; url: string | null };
  /** The user name of the staff contact account, or null. */
  contactUsername: string | null;
}

const OPEN: FakeFeedAccess = { local: 'public', remote: 'public' };

/**
 * The fake server's self-description beyond instance v1: extended description, privacy
 * policy, terms of service, public domain blocks, languages, translation, timeline access,
 * registrations. Tests and demos may change it.
 *
 * ## Example
 * ```ts
 * serverInfo(server.store).termsOfService.push({ effective_date: '2025-04-15', content: '<p>Be kind.</p>' });
 * ```
 */
export function serverInfo(store: FakeStore): FakeServerInfo {
  return store.extension<FakeServerInfo>('server-info', () => ({
    extendedDescription: { content: '<p>An in-memory Mastodon for tests.</p>', updated_at: '2025-01-01T00:00:00.000Z' },
    privacyPolicy: { content: '<p>Nothing leaves this process.</p>', updated_at: '2025-01-01T00:00:00.000Z' },
    termsOfService: [],
    domainBlocks: [],
    domainBlocksVisibility: 'all',
    languages: [{ code: 'en', name: 'English' }, { code: 'de', name: 'German' }, { code: 'fr', name: 'French' }, { code: 'ja', name: 'Japanese' }],
    translation: { enabled: false, languages: {} },
    timelinesAccess: { live_feeds: { ...OPEN }, hashtag_feeds: { ...OPEN }, trending_link_feeds: { ...OPEN } },
    registrations: { enabled: true, approval_required: false, reason_required: false, message: null, min_age: null, url: null },
    contactUsername: null,
  }));
}

/** The version of the terms in effect today, and the one after it, if any. */
export function currentTerms(info: FakeServerInfo, today = new Date().toISOString().slice(0, 10)): FakeTermsOfService | undefined {
  return [...info.termsOfService].sort((a, b) => b.effective_date.localeCompare(a.effective_date)).find((t) => t.effective_date <= today);
}

/** A version of the terms as the API shows it: whether it is in effect, and when newer terms take over. */
export function termsJson(info: FakeServerInfo, terms: FakeTermsOfService): Record<string, unknown> {
  const later = info.termsOfService.map((t) => t.effective_date).filter((date) => date > terms.effective_date).sort();
  return {
    effective_date: terms.effective_date, effective: currentTerms(info) === terms, content: terms.content, succeeded_by: later[0] ?? null,
  };
}

/** A domain with its middle starred out, dots kept, as Mastodon obfuscates blocked domains. */
function obfuscated(domain: string): string {
  const visible = Math.floor(domain.length / 4);
  return [...domain].map((c, i) => (i > visible && i < domain.length - visible && c !== '.' ? '*' : c)).join('');
}

/** A domain block as the public sees it: starred out when asked, with the digest of the real name. */
export function domainBlockJson(block: FakeDomainBlock): Record<string, unknown> {
  const domain = block.obfuscate ? obfuscated(block.domain) : block.domain;
  return { domain, digest: createHash('sha256').update(block.domain).digest('hex'), severity: block.severity, comment: block.comment };
}

/** The fake server as instance v2 describes it, with the limits its routes enforce and Mastodon's defaults for the rest. */
export function instanceV2Json({ store, baseUrl, version, apiVersion }: FakeContext): Record<string, unknown> {
  const info = serverInfo(store);
  const limits = fakeLimits(store);
  const contact = info.contactUsername === null ? undefined : store.userByLogin(info.contactUsername)?.account;
  return {
    domain: new URL(baseUrl).host, title: 'mastodon-rx fake server', version, source_url: 'https://github.com/mastodon/mastodon',
    description: 'An in-memory Mastodon for tests.',
    usage: { users: { active_month: store.users.size } },
    thumbnail: {
      url: `${baseUrl}/packs/media/images/preview.png`, blurhash: null, description: 'The fake server',
      versions: { '@1x': `${baseUrl}/packs/media/images/preview.png`, '@2x': `${baseUrl}/packs/media/images/preview@2x.png` },
    },
    icon: [36, 192].map((size) => ({ src: `${baseUrl}/packs/media/icons/android-chrome-${size}x${size}.png`, size: `${size}x${size}` })),
    languages: ['en'],
    configuration: {
      urls: {
        streaming: baseUrl.replace(/^http/, 'ws'), status: null, about: `${baseUrl}/about`, privacy_policy: `${baseUrl}/privacy-policy`,
        terms_of_service: currentTerms(info) ? `${baseUrl}/terms-of-service` : null,
      },
      vapid: { public_key: SERVER_KEY },
      // The limits the fake server enforces, as its v1 instance announces them too.
      accounts: { ...limits.accounts },
      statuses: { ...limits.statuses },
      media_attachments: { ...limits.media_attachments, supported_mime_types: [...limits.media_attachments.supported_mime_types] },
      polls: { ...limits.polls },
      translation: { enabled: info.translation.enabled },
      ...(releasedBy(version, '4.5.0') ? { timelines_access: info.timelinesAccess } : {}),
      limited_federation: false,
    },
    registrations: info.registrations,
    ...(apiVersion === undefined ? {} : { api_versions: { mastodon: apiVersion } }),
    contact: { email: 'admin@fake.example', account: contact ?? null },
    rules: instanceState(store).rules,
  };
}
