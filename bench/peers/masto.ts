// masto.js 7: `createRestAPIClient`; pages through its paginator's async iterator.
import { createRestAPIClient } from 'masto';
import type { BenchClient } from '../clients/types.js';

export function create(url: string, token: string): BenchClient {
  const masto = createRestAPIClient({ url, accessToken: token });
  return {
    home: async () => (await masto.v1.timelines.home.list()).length,
    paginate: async (wanted) => {
      let seen = 0;
      for await (const page of masto.v1.timelines.home.list({ limit: 40 })) {
        seen += Math.min(page.length, wanted - seen);
        if (seen >= wanted) break;
      }
      return seen;
    },
  };
}
