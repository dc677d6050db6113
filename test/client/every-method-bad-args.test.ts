import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { of, type Observable } from 'rxjs';
import { Mastodon, MastodonError, MastodonIllegalArgumentError, MastodonMalformedResponseError, type HttpBackend, type HttpRequest, type HttpResponse } from '../../src/index.js';
import * as api from '../../src/api.js';
import type { AnyEndpoint } from '../../src/endpoints/define.js';

/** Answers every request with an empty JSON list or object, and remembers the requests. */
class EmptyBackend implements HttpBackend {
  readonly requests: HttpRequest[] = [];
  handle(request: HttpRequest): Observable<HttpResponse> {
    this.requests.push(request);
    return of({ status: 200, statusText: 'OK', headers: {}, body: request.method === 'GET' ? '[]' : '{}' });
  }
}

/** Argument lists with nothing of use in them: missing, `undefined` and `null` in every position. */
const EMPTY_ARGUMENTS: readonly (readonly unknown[])[] = [
  [], [undefined], [null], [null, null], [undefined, null], [null, undefined, null], [null, null, null, null, null],
  ['1', null], ['1', null, null], ['1', '2', null], ['1', '2', '3', null], ['..'], ['1', '.'], ['', null], [{}], [{ id: null }],
];

/** Methods that make no request (pure helpers) or stream (covered elsewhere). */
const SKIPPED = /^stream|^decodeBlurhash$|^makePoll$|^generateMediaEditAttributes$|^getAsyncRefreshInfo$|^getPaginationInfo$|^getStatusLength$|^filtersApply$|^pushSubscriptionGenerateKeys$|^pushSubscriptionDecryptPush$|^authRequestUrl$|^clearCaches$|^persistableLoginCredentials$|^getSupportedVersion$|^setLanguage$/;

describe('every method under empty and null arguments', () => {
  const names = Object.getOwnPropertyNames(Mastodon.prototype)
    .filter((name) => name !== 'constructor' && !SKIPPED.test(name));
  /** The path each endpoint function may send to, as a pattern: a placeholder is one segment or more, never empty. */
  const routes = new Map(Object.entries(api).flatMap(([name, value]) => {
    const row = (value as { row?: AnyEndpoint }).row;
    if (typeof value !== 'function' || row === undefined) return [];
    return [[name, new RegExp(`^${row.path.replace(/\{\w+\*\}/g, '[^/]+(?:/[^/]+)*').replace(/\{\w+\}/g, '[^/]+')}$`)] as const];
  }));

  it(`${names.length} methods: no synchronous throw, and every failure a MastodonError in the error channel`, async () => {
    const problems: string[] = [];
    for (const name of names) {
      for (const args of EMPTY_ARGUMENTS) {
        const backend = new EmptyBackend();
        const api = new Mastodon({ api_base_url: 'https://m.example', access_token: 't', session: backend, mastodon_version: '4.3.0' });
        const method = (api as unknown as Record<string, (...a: unknown[]) => Observable<unknown>>)[name]!;
        const shown = `${name}(${args.map((a) => JSON.stringify(a) ?? 'undefined').join(', ')})`;
        let observable: Observable<unknown>;
        try {
          observable = method.apply(api, args as unknown[]);
        } catch (error) {
          problems.push(`${shown} threw synchronously: ${String(error)}`);
          continue;
        }
        const error = await new Promise<unknown>((resolve) => {
          observable.subscribe({ error: resolve, complete: () => resolve(undefined) });
        });
        if (error !== undefined && !(error instanceof MastodonError)) problems.push(`${shown} failed with ${String(error)}`);
        for (const request of backend.requests) {
          const path = new URL(request.url).pathname;
          const route = routes.get(name);
          // A row that needs an API level asks for it first: the client's own version request.
          const versionRequest = /^\/api\/v[12]\/instance\/$/.test(path);
          if ((route !== undefined && !route.test(path) && !versionRequest) || /null|undefined/.test(path)) {
            problems.push(`${shown} sent ${request.method} ${path}`);
          }
        }
      }
    }
    assert.deepEqual(problems, []);
  });
});

describe('apiRequest, verifyMinimumVersion and the other class methods under bad arguments', () => {
  it('deliver MastodonIllegalArgumentError in the error channel, never a synchronous throw or a TypeError, and send nothing', async () => {
    const backend = new EmptyBackend();
    const api = new Mastodon({ api_base_url: 'https://m.example', access_token: 't', session: backend, version_check_mode: 'none' });
    const calls: [string, () => Observable<unknown>][] = [
      ['apiRequest(undefined)', () => api.apiRequest(undefined as never)],
      ['apiRequest(null)', () => api.apiRequest(null as never)],
      ['apiRequest({})', () => api.apiRequest({} as never)],
      ['apiRequest("GET /x")', () => api.apiRequest('GET /x' as never)],
      ['apiRequest without a path', () => api.apiRequest({ method: 'GET' } as never)],
      ['apiRequest with a bad method', () => api.apiRequest({ method: 'BREW', path: '/x' } as never)],
      ['apiRequest with a relative path', () => api.apiRequest({ method: 'GET', path: 'api/v1/x' })],
      ['apiRequest with params that are a string', () => api.apiRequest({ method: 'POST', path: '/x', params: 'a=1' } as never)],
      ['apiRequest with a bad result kind', () => api.apiRequest({ method: 'GET', path: '/x', result: 'xml' } as never)],
      ['apiRequest with a dot id', () => api.apiRequest({ method: 'GET', path: '/api/v1/statuses/{id}', params: { id: '..' } })],
      ['apiResponse(null)', () => api.apiResponse(null as never)],
      ['verifyMinimumVersion(null)', () => api.verifyMinimumVersion(null as never)],
      ['verifyMinimumVersion(undefined)', () => api.verifyMinimumVersion(undefined as never)],
      ['verifyMinimumVersion(4)', () => api.verifyMinimumVersion(4 as never)],
      ['verifyMinimumVersion("x.y")', () => api.verifyMinimumVersion('x.y')],
      ['createApp(null)', () => Mastodon.createApp(null as never)],
      ['createApp("app", null)', () => Mastodon.createApp('app', null as never)],
      ['createAccount(null, null, null, null)', () => api.createAccount(null as never, null as never, null as never, null as never)],
      ['logIn(null)', () => api.logIn(null as never)],
    ];
    for (const [name, call] of calls) {
      let observable: Observable<unknown>;
      try {
        observable = call();
      } catch (error) {
        assert.fail(`${name} threw synchronously: ${String(error)}`);
      }
      const error = await new Promise<unknown>((resolve) => observable.subscribe({ error: resolve, complete: () => resolve(undefined) }));
      assert.ok(error instanceof MastodonIllegalArgumentError, `${name}: ${String(error)}`);
    }
    assert.deepEqual(backend.requests, []);
  });
});

describe('pure helpers under empty and null arguments', () => {
  it('throw at once, and only MastodonErrors', () => {
    const api = new Mastodon({ api_base_url: 'https://m.example', access_token: 't', client_id: 'cid', client_secret: 'cs' });
    const problems: string[] = [];
    for (const name of ['decodeBlurhash', 'makePoll', 'generateMediaEditAttributes', 'getAsyncRefreshInfo', 'getPaginationInfo', 'getStatusLength', 'filtersApply', 'authRequestUrl', 'pushSubscriptionGenerateKeys', 'pushSubscriptionDecryptPush', 'setLanguage']) {
      const helper = (api as unknown as Record<string, (...a: unknown[]) => unknown>)[name]!;
      for (const args of EMPTY_ARGUMENTS.concat([[{ scopes: 'read' }], [{}, {}, {}]])) {
        try {
          helper.apply(api, args as unknown[]);
        } catch (error) {
          if (!(error instanceof MastodonError)) problems.push(`${name}(${args.map((a) => JSON.stringify(a) ?? 'undefined').join(', ')}): ${String(error)}`);
        }
      }
    }
    assert.deepEqual(problems, []);
  });
});

describe('a token answer without a token', () => {
  it('fails logIn and createAccount with MastodonMalformedResponseError, and the client keeps its token', async () => {
    for (const body of ['{}', '{"access_token":42}', '{"access_token":""}', '[]']) {
      const backend = new EmptyBackend();
      backend.handle = (request) => {
        backend.requests.push(request);
        return of({ status: 200, statusText: 'OK', headers: {}, body });
      };
      const api = new Mastodon({ api_base_url: 'https://m.example', access_token: 'kept', client_id: 'c', client_secret: 's', session: backend });
      for (const call of [() => api.logIn('a@b.c', 'pw'), () => api.createAccount('a', 'pw', 'a@b.c')]) {
        const error = await new Promise<unknown>((resolve) => call().subscribe({ error: resolve, complete: () => resolve(undefined) }));
        assert.ok(error instanceof MastodonMalformedResponseError, `${body}: ${String(error)}`);
      }
      assert.equal(api.access_token, 'kept');
      // logIn read the OAuth metadata first (these bodies list no grants); createAccount stopped at the app token it
      // did not get: no sign-up went out with another token.
      assert.deepEqual(backend.requests.map((r) => new URL(r.url).pathname), ['/.well-known/oauth-authorization-server', '/oauth/token', '/oauth/token']);
    }
  });
});
