import { configureAngular, TestBed } from '../support/angular.js';
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createEnvironmentInjector, EnvironmentInjector, inject, InjectionToken } from '@angular/core';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { MastodonClient, MastodonIllegalArgumentError } from '../../src/core.js';
import { timelineHome } from '../../src/api.js';
import { Mastodon } from '../../src/index.js';
import { TestingBackend } from '../../src/testing/index.js';
import { injectMastodon, injectMastodonClient, provideMastodon, provideMastodonClient, withHttpClient } from '../../src/angular.js';

const BASE = 'https://mastodon.example';
const OPTIONS = { api_base_url: BASE, access_token: 'token', mastodon_version: '4.3.0' };

const inContext = <T>(fn: () => T): T => TestBed.runInInjectionContext(fn);

describe('provideMastodonClient and injectMastodonClient: the light client in Angular\'s DI', () => {
  it('makes one MastodonClient for the injector, on first use, whose requests go through HttpClient', () => {
    configureAngular([provideHttpClient(), provideHttpClientTesting(), provideMastodonClient(OPTIONS, withHttpClient())]);
    const client = inContext(injectMastodonClient);
    assert.ok(client instanceof MastodonClient);
    assert.ok(!(client instanceof Mastodon), 'the light client, not the class');
    assert.equal(inContext(injectMastodonClient), client, 'one client per injector');
    assert.equal(client.api_base_url, BASE);

    const pages: number[] = [];
    timelineHome(client, { limit: 1 }).subscribe((page) => pages.push(page.length));
    const controller = TestBed.inject(HttpTestingController);
    controller.expectOne(`${BASE}/api/v1/timelines/home?limit=1`).flush('[{"id":"1","created_at":"2024-01-01T00:00:00.000Z"}]');
    controller.verify();
    assert.deepEqual(pages, [1]);
  });

  it('takes its options from a function that may inject, such as a runtime configuration', () => {
    const CONFIG = new InjectionToken<{ server: string; token: string }>('config');
    configureAngular([
      provideHttpClient(), provideHttpClientTesting(),
      { provide: CONFIG, useValue: { server: 'https://other.example', token: 'from-config' } },
      provideMastodonClient(() => {
        const config = inject(CONFIG);
        return { api_base_url: config.server, access_token: config.token, mastodon_version: '4.3.0' };
      }, withHttpClient()),
    ]);
    timelineHome(inContext(injectMastodonClient)).subscribe();
    const req = TestBed.inject(HttpTestingController).expectOne('https://other.example/api/v1/timelines/home');
    assert.equal(req.request.headers.get('authorization'), 'Bearer from-config');
    req.flush('[]');
  });

  it('uses the session of its options when withHttpClient() is not given, and HttpClient sees nothing', () => {
    const backend = new TestingBackend();
    configureAngular([provideHttpClient(), provideHttpClientTesting(), provideMastodonClient({ ...OPTIONS, session: backend })]);
    timelineHome(inContext(injectMastodonClient)).subscribe();
    backend.expectOne(timelineHome).flush([]);
    TestBed.inject(HttpTestingController).verify();
    backend.verify();
  });

  it('says what is missing when withHttpClient() has no HttpClient, or a session is given as well', () => {
    configureAngular([provideMastodonClient(OPTIONS, withHttpClient())]);
    assert.throws(() => inContext(injectMastodonClient), (e: unknown) => e instanceof MastodonIllegalArgumentError && /add provideHttpClient\(\)/.test(e.message));

    configureAngular([provideHttpClient(), provideMastodonClient({ ...OPTIONS, session: new TestingBackend() }, withHttpClient())]);
    assert.throws(() => inContext(injectMastodonClient), (e: unknown) => e instanceof MastodonIllegalArgumentError && /give one of them/.test(e.message));
  });

  it('throws the client\'s own argument errors on first use, and Angular\'s where no client is provided or inject() cannot run', () => {
    configureAngular([provideMastodonClient({})]);
    assert.throws(() => inContext(injectMastodonClient), MastodonIllegalArgumentError);
    configureAngular([]);
    assert.throws(() => inContext(injectMastodonClient), /NG0201: No provider found for `InjectionToken MastodonClient of provideMastodonClient\(\) or provideMastodon\(\)`/);
    assert.throws(() => injectMastodonClient(), /NG0203/);
  });

  it('gives each environment injector that provides one a client of its own', () => {
    configureAngular([provideHttpClient(), provideHttpClientTesting(), provideMastodonClient(OPTIONS, withHttpClient())]);
    const root = inContext(injectMastodonClient);
    const child = createEnvironmentInjector([provideMastodonClient({ ...OPTIONS, api_base_url: 'https://child.example' }, withHttpClient())],
      TestBed.inject(EnvironmentInjector));
    const own = child.runInContext(injectMastodonClient);
    assert.notEqual(own, root);
    assert.equal(own.api_base_url, 'https://child.example');
    child.destroy();
  });
});

describe('provideMastodon and injectMastodon: the Mastodon class in Angular\'s DI', () => {
  it('makes one Mastodon, which injectMastodonClient() gives too, its methods sent through HttpClient', () => {
    configureAngular([provideHttpClient(), provideHttpClientTesting(), provideMastodon(OPTIONS, withHttpClient())]);
    const api = inContext(injectMastodon);
    assert.ok(api instanceof Mastodon);
    assert.equal(inContext(injectMastodonClient), api, 'the same client for the functions');

    const posted: string[] = [];
    api.statusPost('from the class').subscribe((status) => posted.push(status.id));
    const req = TestBed.inject(HttpTestingController).expectOne(`${BASE}/api/v1/statuses`);
    assert.equal(req.request.body, 'status=from+the+class');
    req.flush('{"id":"9","created_at":"2024-01-01T00:00:00.000Z"}');
    assert.deepEqual(posted, ['9']);
  });

  it('is not what provideMastodonClient provides: injectMastodon() then fails as Angular does for a missing provider', () => {
    configureAngular([provideMastodonClient(OPTIONS)]);
    assert.throws(() => inContext(injectMastodon), /NG0201: No provider found for `InjectionToken Mastodon of provideMastodon\(\)`/);
  });
});
