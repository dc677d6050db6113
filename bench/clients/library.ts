// This library as its users run it: the compiled package in dist/ (`npm run build`; `npm run
// bench` builds first), not the TypeScript sources through tsx, whose transform adds work of
// its own to every function the library creates (it keeps function names by redefining them).
// The specifier is computed so that type-checking needs no build: the types are the sources'.
type Library = typeof import('../../src/index.js');

const compiled = new URL('../../dist/index.js', import.meta.url).href;

export const library: Library = await import(compiled).catch((cause: unknown) => {
  throw new Error(`The compiled library is missing: run \`npm run build\` first (${String(cause)})`);
}) as Library;
