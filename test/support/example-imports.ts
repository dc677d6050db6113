import { register } from 'node:module';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';

const ROOT = process.cwd();
const src = (file: string): string => pathToFileURL(join(ROOT, 'src', file)).href;

/**
 * Lets a test import the Angular example's sources (`examples/angular/src`) as the example's
 * build sees them, but against the library's sources and the repository's one Angular, whether
 * or not the example's own dependencies are installed. Call it before importing them, which
 * must then be dynamic (`await import(...)`).
 *
 * ## Example
 * ```ts
 * resolveExampleImports();
 * const { HomeTimelineService } = await import('../../examples/angular/src/app/home-timeline.service.js');
 * ```
 */
export function resolveExampleImports(): void {
  register('./example-imports-hooks.mjs', import.meta.url, {
    data: {
      example: pathToFileURL(join(ROOT, 'examples/angular/src')).href,
      root: pathToFileURL(join(ROOT, 'package.json')).href,
      entries: {
        'mastodon-rx': src('index.ts'), 'mastodon-rx/core': src('core.ts'), 'mastodon-rx/api': src('api.ts'), 'mastodon-rx/angular': src('angular.ts'),
      },
    },
  });
}
