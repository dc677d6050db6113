// mastodon-rx/angular: the client in Angular's dependency injection, its requests through
// Angular's HttpClient. provideMastodonClient + injectMastodonClient give the light client for
// the functions of mastodon-rx/api; provideMastodon + injectMastodon the Mastodon class. Angular
// (@angular/core, @angular/common) is an optional peer dependency: only this entry point uses it.
export { provideMastodonClient, injectMastodonClient, type MastodonOptionsSource } from './angular/client.js';
export { provideMastodon, injectMastodon } from './angular/mastodon.js';
export { withHttpClient, type MastodonFeature } from './angular/features.js';
export { HttpClientBackend } from './angular/http-client-backend.js';
