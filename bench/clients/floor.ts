// The floor: what any client has to do at the least: undici's `request`, read the body,
// `JSON.parse` it; for pagination, follow the `rel="next"` URL of the Link header.
import { request } from 'undici';
import type { BenchClient } from './types.js';

export function create(url: string, token: string): BenchClient {
  const headers = { authorization: `Bearer ${token}`, accept: 'application/json' };
  const get = async (target: string): Promise<{ items: unknown[]; link: string }> => {
    const response = await request(target, { headers });
    const items = JSON.parse(await response.body.text()) as unknown[];
    return { items, link: String(response.headers['link'] ?? '') };
  };
  return {
    home: async () => (await get(`${url}/api/v1/timelines/home`)).items.length,
    paginate: async (wanted) => {
      let next: string | undefined = `${url}/api/v1/timelines/home?limit=40`;
      let seen = 0;
      while (next !== undefined && seen < wanted) {
        const { items, link } = await get(next);
        seen += Math.min(items.length, wanted - seen);
        next = items.length > 0 ? /<([^>]+)>;\s*rel="next"/.exec(link)?.[1] : undefined;
      }
      return seen;
    },
  };
}
