// Module resolution hooks for running the Angular example's sources in this repository's test
// runner (see example-imports.ts): `mastodon-rx` and its entry points become the library's
// sources, and every other package the example imports (Angular, RxJS) resolves from the
// repository's node_modules, so that the test, the library and the example share one Angular.

/** @type {{ example: string; root: string; entries: Record<string, string> }} */
let config;

export function initialize(data) {
  config = data;
}

export async function resolve(specifier, context, nextResolve) {
  const fromExample = context.parentURL?.startsWith(config.example) && !context.parentURL.includes('/node_modules/');
  if (!fromExample) return nextResolve(specifier, context);
  const entry = config.entries[specifier];
  if (entry !== undefined) return nextResolve(entry, context);
  const bare = !specifier.startsWith('.') && !specifier.startsWith('/') && !/^[a-z]+:/.test(specifier);
  return bare ? nextResolve(specifier, { ...context, parentURL: config.root }) : nextResolve(specifier, context);
}
