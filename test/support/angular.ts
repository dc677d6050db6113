// Angular's TestBed in Node's test runner, without a DOM and without zone.js. Importing this
// module sets the test environment up once for the test file (each runs in a process of its own).
import '@angular/compiler';
import { provideZonelessChangeDetection, type EnvironmentProviders, type Provider } from '@angular/core';
import { TestBed, TestComponentRenderer } from '@angular/core/testing';
import { BrowserTestingModule, platformBrowserTesting } from '@angular/platform-browser/testing';

TestBed.initTestEnvironment(BrowserTestingModule, platformBrowserTesting());

/**
 * A fresh testing module with these providers, zoneless. Components are not rendered: the
 * renderer that would clean up the DOM after each test is a no-op, since there is no DOM.
 *
 * ## Example
 * ```ts
 * configureAngular([provideHttpClient(), provideHttpClientTesting()]);
 * const http = TestBed.inject(HttpTestingController);
 * ```
 */
export function configureAngular(providers: readonly (Provider | EnvironmentProviders)[]): void {
  TestBed.resetTestingModule();
  TestBed.configureTestingModule({
    providers: [provideZonelessChangeDetection(), { provide: TestComponentRenderer, useValue: new TestComponentRenderer() }, ...providers],
  });
}

export { TestBed };
