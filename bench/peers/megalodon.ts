// megalodon 10: `generator('mastodon', url, token)`. It has no paginator; not in the
// pagination table.
import { createRequire } from 'node:module';
import type { BenchClient } from '../clients/types.js';

type Generator = typeof import('megalodon').default;
const generator = (createRequire(import.meta.url)('megalodon') as { default: Generator }).default;

export function create(url: string, token: string): BenchClient {
  const client = generator('mastodon', url, token);
  return {
    home: async () => (await client.getHomeTimeline()).data.length,
  };
}
