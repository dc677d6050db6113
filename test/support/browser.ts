import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import type { Plugin } from 'esbuild';

const ROOT = process.cwd();
/** Debian's `chromium` package; another binary can be named in `CHROMIUM_PATH`. */
export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
/** Whether the browser tests can run; without Chromium they skip, saying so. */
export const HAS_CHROMIUM = existsSync(CHROMIUM);

/**
 * Headless Chromium with the flags this machine needs.
 *
 * ## Example
 * ```ts
 * const browser = HAS_CHROMIUM ? await launchChromium() : undefined;
 * ```
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
}

/**
 * Applies package.json's `browser` field to the sources, as a bundler applies it to `dist/`:
 * `./dist/http/default-backend.js` → `./dist/http/default-backend.browser.js` becomes the same
 * swap between `src/http/default-backend.ts` and `src/http/default-backend.browser.ts`.
 *
 * ## Example
 * ```ts
 * await build({ entryPoints: ['app.ts'], bundle: true, platform: 'browser', plugins: [browserFieldOnSources()] });
 * ```
 */
export function browserFieldOnSources(): Plugin {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { browser: Record<string, string> };
  const source = (distPath: string): string => resolve(ROOT, distPath.replace(/^\.\/dist\//, 'src/').replace(/\.js$/, '.ts'));
  const swaps = new Map(Object.entries(pkg.browser).map(([from, to]) => [source(from), source(to)]));
  return {
    name: 'browser-field-on-sources',
    setup(plugin) {
      plugin.onResolve({ filter: /^\.\.?\/.*\.js$/ }, (args) => {
        const swapped = swaps.get(resolve(args.resolveDir, args.path).replace(/\.js$/, '.ts'));
        return swapped ? { path: swapped } : undefined;
      });
    },
  };
}
