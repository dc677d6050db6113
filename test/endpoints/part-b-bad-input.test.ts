import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { lastValueFrom, of, type Observable } from 'rxjs';
import { Mastodon, MastodonError, type HttpBackend, type HttpRequest, type HttpResponse } from '../../src/index.js';

/** A backend that answers every request with an empty JSON object and remembers what it got. */
class RecordingBackend implements HttpBackend {
  readonly requests: HttpRequest[] = [];
  handle(request: HttpRequest): Observable<HttpResponse> {
    this.requests.push(request);
    const body = /\/(peers|rules|activity|filters|trends[^?]*|custom_emojis|announcements|directory|featured_tags[^?]*|notifications)(\?|$)/.test(request.url) ? '[]' : '{}';
    return of({ status: 200, statusText: 'OK', headers: { date: new Date().toUTCString() }, body });
  }
}

const METHODS = [
  'instanceActivity', 'instancePeers', 'instanceHealth', 'instanceNodeinfo', 'instanceRules', 'directory', 'customEmojis',
  'announcements', 'announcementDismiss', 'announcementReactionCreate', 'announcementReactionDelete',
  'trends', 'trendingTags', 'trendingStatuses', 'trendingLinks', 'search', 'searchV1', 'searchV2',
  'featuredTags', 'featuredTagSuggestions', 'featuredTagCreate', 'featuredTagDelete', 'accountFeaturedTags',
  'notifications', 'notificationsClear', 'notificationsDismiss', 'filters', 'filter', 'filterCreate', 'filterUpdate',
  'filterDelete', 'preferences', 'markersGet', 'markersSet', 'reports', 'report', 'getApproxServerTime',
] as const;

const junk = fc.oneof(
  fc.constant(undefined), fc.constant(null), fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.date({ noInvalidDate: false }),
  fc.array(fc.oneof(fc.string(), fc.integer(), fc.constant(null))),
  fc.dictionary(fc.constantFrom('id', 'limit', 'types', 'exclude_types', 'mentions_only', 'result_type', 'account_id', 'max_id',
    'min_id', 'timeline', 'schema', 'category', 'status_ids', 'rule_ids', 'order', 'local', 'context', 'phrase', 'lang', 'offset'),
  fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.string()), fc.object())),
  fc.object(),
);

describe('part B methods under bad input', () => {
  it('never throw synchronously, fail only with MastodonError, and send nothing undefined', async () => {
    await fc.assert(fc.asyncProperty(fc.constantFrom(...METHODS), fc.array(junk, { maxLength: 4 }), fc.constantFrom('2.4.0', '3.4.0', '4.0.2'),
      async (name, args, version) => {
        const backend = new RecordingBackend();
        const api = new Mastodon({ api_base_url: 'http://127.0.0.1:9', access_token: 't', session: backend, mastodon_version: version });
        const method = (api as unknown as Record<string, (...a: unknown[]) => Observable<unknown>>)[name]!;
        let call: Observable<unknown>;
        try {
          call = method.apply(api, args);
        } catch (error) {
          assert.fail(`${name} threw synchronously: ${String(error)}`);
        }
        try {
          await lastValueFrom(call, { defaultValue: undefined });
        } catch (error) {
          assert.ok(error instanceof MastodonError, `${name} failed with ${String(error)}`);
        }
        for (const request of backend.requests) {
          const text = `${request.url} ${typeof request.body === 'string' ? request.body : ''}`;
          assert.doesNotMatch(text, /undefined|NaN|\[object Object\]/, `${name} sent ${text}`);
        }
      }), { numRuns: 400 });
  });

  it('filtersApply is total: any input gives an array', () => {
    const api = new Mastodon({ api_base_url: 'http://127.0.0.1:9' });
    fc.assert(fc.property(junk, junk, junk, (objects, filters, context) => {
      const apply = api.filtersApply as unknown as (...a: unknown[]) => unknown;
      assert.ok(Array.isArray(apply.call(api, objects, filters, context)));
    }), { numRuns: 300 });
  });
});
