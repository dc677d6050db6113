import { defer, type Observable } from 'rxjs';
import { call } from '../client/call.js';
import type { MastodonClient } from '../client/client.js';
import { endpoint, json, row } from './define.js';
import { optionsOf } from './common.js';
import type { DomainBlock, ExtendedDescription, PrivacyPolicy, SupportedLocale, TermsOfService } from '../entities/instance-info.js';
import type { InstanceV2 } from '../entities/instance-v2.js';
import type { TranslationLanguages } from '../entities/translation.js';
import { MastodonIllegalArgumentError } from '../errors.js';
import { fillPath } from '../http/fill-path.js';

// The server's description since Mastodon 4.0, and the documents and lists beside it.

/** Options of `instanceTermsOfService`. */
export interface InstanceTermsOfServiceOptions {
  /**
   * The version of the terms that takes or took effect on this day: a `Date` (its UTC day) or
   * `YYYY-MM-DD`. Default: the terms in effect now.
   */
  date?: Date | string;
}

/** The server's description, v2 shape: what `instance` sends to servers from 4.0. */
export const instanceV2Row = /* @__PURE__ */ row('GET /api/v2/instance/', {
  created: '4.0.0', changed: '4.0.0', returns: json<InstanceV2>,
});

/**
 * The server's description in its v2 shape: limits, registrations, API feature level, rules.
 * @example instanceV2(client).subscribe((i) => console.log(i.domain, i.configuration.statuses.max_characters, i.api_versions?.mastodon))
 */
export const instanceV2 = /* @__PURE__ */ endpoint('GET /api/v2/instance/', {
  created: '4.0.0', changed: '4.0.0', returns: json<InstanceV2>,
});

/**
 * The server's about page text (HTML) and when it last changed.
 * @example instanceExtendedDescription(client).subscribe((d) => console.log(d.updated_at, d.content))
 */
export const instanceExtendedDescription = /* @__PURE__ */ endpoint('GET /api/v1/instance/extended_description', {
  created: '4.0.0', changed: '4.0.0', returns: json<ExtendedDescription>,
});

/**
 * The server's privacy policy (HTML) and when it last changed.
 * @example instancePrivacyPolicy(client).subscribe((p) => console.log(p.updated_at, p.content))
 */
export const instancePrivacyPolicy = /* @__PURE__ */ endpoint('GET /api/v1/instance/privacy_policy', {
  created: '4.0.0', changed: '4.0.0', returns: json<PrivacyPolicy>,
});

/** The terms of service in effect now, behind `instanceTermsOfService`. */
export const instanceTermsOfServiceRow = /* @__PURE__ */ row('GET /api/v1/instance/terms_of_service', {
  created: '4.4.0', changed: '4.4.0', returns: json<TermsOfService>,
});

/** The terms of service of one day, behind `instanceTermsOfService({ date })`. */
export const instanceTermsOfServiceOfDateRow = /* @__PURE__ */ row('GET /api/v1/instance/terms_of_service/{date}', {
  fillPath, created: '4.4.0', changed: '4.4.0', returns: json<TermsOfService>,
  params: (date: string) => ({ date }),
});

/**
 * The server's terms of service: those in effect now, or with `date` the version that takes
 * or took effect that day (`/api/v1/instance/terms_of_service/{date}`; Mastodon.py sends the
 * date as a query parameter, which the server ignores). A server without terms, or without a
 * version for that day, answers `MastodonNotFoundError`.
 *
 * @example instanceTermsOfService(client, { date: '2025-04-15' }).subscribe((t) => console.log(t.effective, t.succeeded_by))
 */
export function instanceTermsOfService(client: MastodonClient, options?: InstanceTermsOfServiceOptions): Observable<TermsOfService> {
  return defer(() => {
    const { date } = optionsOf(options);
    return date === undefined || date === null
      ? call(client, instanceTermsOfServiceRow, [])
      : call(client, instanceTermsOfServiceOfDateRow, [dayOf(date)]);
  });
}

/**
 * The domains the server blocks, as it shows them to the public (possibly starred out, with a
 * digest to check a known domain against). Servers may show them only to logged-in users, or
 * to nobody: then `MastodonNotFoundError`.
 *
 * @example instanceDomainBlocks(client).subscribe((blocks) => blocks.forEach((b) => console.log(b.domain, b.severity)))
 */
export const instanceDomainBlocks = /* @__PURE__ */ endpoint('GET /api/v1/instance/domain_blocks', {
  created: '4.0.0', changed: '4.0.0', returns: json<DomainBlock[]>,
});

/**
 * The languages the server knows, by ISO 639 code and English name.
 * @example instanceLanguages(client).subscribe((locales) => console.log(locales.map((l) => l.code)))
 */
export const instanceLanguages = /* @__PURE__ */ endpoint('GET /api/v1/instance/languages', {
  created: '4.2.0', changed: '4.2.0', returns: json<SupportedLocale[]>,
});

/**
 * The language pairs the server can translate statuses between: each source language with
 * its target languages (`{}` where translation is off).
 *
 * @example instanceTranslationLanguages(client).subscribe((pairs) => console.log(pairs['en']))
 */
export const instanceTranslationLanguages = /* @__PURE__ */ endpoint('GET /api/v1/instance/translation_languages', {
  created: '4.2.0', changed: '4.2.0', returns: json<TranslationLanguages>,
});

/** A day as the terms of service route takes it: `YYYY-MM-DD`, from a string of that form or a `Date` (its UTC day). */
function dayOf(date: Date | string): string {
  if (date instanceof Date) {
    if (!Number.isFinite(date.getTime())) throw new MastodonIllegalArgumentError('date is an invalid Date');
    return date.toISOString().slice(0, 10);
  }
  const day = typeof date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(date) ? new Date(`${date}T00:00:00Z`) : undefined;
  if (day === undefined || !Number.isFinite(day.getTime()) || day.toISOString().slice(0, 10) !== date) {
    throw new MastodonIllegalArgumentError('date must be a Date or a day as YYYY-MM-DD');
  }
  return date as string;
}
