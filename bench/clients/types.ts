/** One client under test, reduced to the calls the benchmarks make. */
export interface BenchClient {
  /** `GET /api/v1/timelines/home` once; resolves with the number of statuses received. */
  home(): Promise<number>;
  /**
   * Walks the home timeline, 40 items a page, the client's own way, until `wanted` items have
   * been seen; resolves with their number. Absent for clients without a paginator.
   */
  paginate?(wanted: number): Promise<number>;
  // A streaming benchmark adds its call here (say `stream(wanted): Promise<number>`, events
  // received), its entries to CLIENT_MODULES if new (a bare SSE/WebSocket parser as the
  // floor), and its results with `saveSection('streaming', …)`: bench/report.ts already
  // shows a 'streaming' section between pagination and bundle size.
}

/** Makes a client for the bench server at `url`. */
export type BenchClientFactory = (url: string, token: string) => BenchClient;

/** The clients, by the names the tables show. The peers live in `bench/peers/`. */
export const CLIENT_MODULES = {
  floor: './floor.js',
  'mastodon-rx': './mastodon-rx.js',
  masto: '../peers/masto.js',
  megalodon: '../peers/megalodon.js',
} as const;

export type ClientName = keyof typeof CLIENT_MODULES;

/**
 * Loads a client by name. Imported by name at run time, so the library's own type check does
 * not need the peers installed (they are type-checked by `bench/tsconfig.json`).
 */
export async function loadClient(name: ClientName, url: string, token: string): Promise<BenchClient> {
  const module = await import(CLIENT_MODULES[name]) as { create: BenchClientFactory };
  return module.create(url, token);
}
