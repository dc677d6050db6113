import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { Browser } from 'playwright-core';
import { FakeMastodon } from '../../src/testing/index.js';
import { browserFieldOnSources, HAS_CHROMIUM, launchChromium } from '../support/browser.js';
import type { Seen } from './cross-origin-app.js';

const PAGE = '<!doctype html><meta charset="utf-8"><title>another origin</title><script type="module" src="/app.js"></script>';

/** A loopback server for the page and its bundled script: an origin that is not the fake server's. */
async function startPageServer(script: string): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    if (req.url?.startsWith('/app.js')) res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(script);
    else res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

describe('a browser page on another origin uses the fake server (CORS), in headless Chromium', () => {
  let fake: FakeMastodon;
  let page: { server: Server; url: string } | undefined;
  let browser: Browser | undefined;

  before(async () => {
    fake = await FakeMastodon.start();
    if (!HAS_CHROMIUM) return;
    const bundle = await build({
      entryPoints: [join(process.cwd(), 'test/browser/cross-origin-app.ts')], bundle: true, platform: 'browser', format: 'esm',
      write: false, plugins: [browserFieldOnSources()], logLevel: 'error',
    });
    page = await startPageServer(bundle.outputFiles[0]!.text);
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    page?.server.closeAllConnections();
    await new Promise((resolve) => (page ? page.server.close(resolve) : resolve(undefined)));
    await fake.close();
  });

  it('calls the API with a token, reads Link and the rate-limit headers, and streams, from a page the API did not serve', { timeout: 60_000 }, async (t) => {
    if (!browser || !page) return t.skip('chromium not installed');
    const { token } = fake.createUser('alice');
    const tab = await browser.newPage();
    const consoleErrors: string[] = [];
    tab.on('console', (message) => { if (message.type() === 'error') consoleErrors.push(`${message.text()} (${message.location().url})`); });
    try {
      await tab.goto(`${page.url}/#server=${encodeURIComponent(fake.url)}&token=${token}`);
      assert.notEqual(new URL(tab.url()).origin, fake.url, 'the page comes from another origin');
      await tab.waitForFunction(() => window.seen !== undefined || window.failure !== undefined, undefined, { timeout: 20_000 });
      const failure = await tab.evaluate(() => window.failure);
      assert.equal(failure, undefined);
      const seen = await tab.evaluate(() => window.seen) as Seen;

      assert.equal(seen.raw.status, 200);
      assert.match(seen.raw.link ?? '', new RegExp(`^<${fake.url}/api/v1/timelines/home\\?.*max_id=\\d+>; rel="next"`));
      assert.equal(seen.raw.limit, '300');
      assert.match(seen.raw.remaining ?? '', /^\d+$/);
      assert.match(seen.raw.reset ?? '', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
      assert.match(seen.raw.requestId ?? '', /^[0-9a-f-]{36}$/);
      assert.equal(seen.sameStatusForOneKey, true, 'the Idempotency-Key header got through');
      assert.equal(seen.outsideTheApi, 'TypeError', 'a path without CORS stays unreadable to the page');

      assert.equal(seen.client.posted, '<p>through the client, from another origin</p>');
      assert.deepEqual(seen.client.pages, [2, 1], 'three statuses: the client followed the Link header to the page of the third');
      assert.equal(seen.client.limit, 300);
      assert.ok(seen.client.remaining < 300 && seen.client.remaining > 280, `the client read X-RateLimit-Remaining: ${seen.client.remaining}`);
      assert.equal(seen.client.streamed, '<p>through the client, from another origin</p>');

      const preflighted = fake.requests.filter((r) => r.method === 'OPTIONS').map((r) => r.path);
      assert.ok(preflighted.includes('/api/v1/statuses') && preflighted.includes('/api/v1/timelines/home') && preflighted.includes('/api/v1/streaming/user'),
        `the browser sent preflights: ${preflighted.join(', ')}`);
      assert.deepEqual(consoleErrors.filter((text) => !text.includes('/not-the-api')), [], 'no error but the refused read');
      assert.ok(consoleErrors.length >= 1, 'the refused read is reported');
    } finally {
      await tab.close();
    }
  });
});
