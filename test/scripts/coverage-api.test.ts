import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Mastodon } from '../../src/index.js';
import { camelCaseOf, coverageOf, reportLines, type EndpointEntry } from '../../scripts/coverage-api.js';
import { readJsonFixture } from '../support/fixtures.js';

describe('the API coverage report', () => {
  it('names methods by the DESIGN.md rule', () => {
    assert.equal(camelCaseOf('account_verify_credentials'), 'accountVerifyCredentials');
    assert.equal(camelCaseOf('search_v2'), 'searchV2');
    assert.equal(camelCaseOf('admin_accounts_v1'), 'adminAccountsV1');
  });

  it('tells instance methods, statics, the constructor and missing methods apart', () => {
    class Client {
      static createApp(): void {}
      static getSupportedVersion(): void {}
      getSupportedVersion(): void {}
      statusPost(): void {}
    }
    const entry = (method: string): EndpointEntry => ({ method, module: 'm.py', http: null, path: null });
    const forms = coverageOf(['__init__', 'create_app', 'get_supported_version', 'status_post', 'status_reply'].map(entry), Client)
      .map((c) => [c.name, c.form]);
    assert.deepEqual(forms, [
      ['constructor', 'constructor'], ['createApp', 'static'], ['getSupportedVersion', 'static+method'],
      ['statusPost', 'method'], ['statusReply', 'missing'],
    ]);
  });

  it('accounts for every entry of endpoints.json, and finds the methods this library has', () => {
    const entries = readJsonFixture<EndpointEntry[]>('mastodonpy-1.8/endpoints.json');
    const coverage = coverageOf(entries, Mastodon);
    assert.equal(coverage.length, 180);
    const lines = reportLines(coverage);
    assert.equal(lines.filter((l) => /^[✔✘] /.test(l)).length, 180);
    const formOf = (method: string): string | undefined => coverage.find((c) => c.entry.method === method)?.form;
    assert.equal(formOf('__init__'), 'constructor');
    assert.equal(formOf('create_app'), 'static');
    assert.equal(formOf('get_supported_version'), 'static+method');
    for (const method of ['instance_nodeinfo', 'search_v2', 'notifications_dismiss', 'filters_apply', 'markers_set', 'get_approx_server_time']) {
      assert.equal(formOf(method), 'method', method);
    }
  });
});
