// This library (compiled, see library.ts), as its README shows it: a client with the default (undici) backend and
// rate limiter; the first page through `lastValueFrom`, pagination through `paginate`.
import { count, lastValueFrom, mergeMap, take } from 'rxjs';
import { library } from './library.js';
import type { BenchClient } from './types.js';

export function create(url: string, token: string): BenchClient {
  const { Mastodon, paginate } = library;
  const api = new Mastodon({ api_base_url: url, access_token: token });
  return {
    home: () => lastValueFrom(api.timelineHome()).then((page) => page.length),
    paginate: (wanted) => lastValueFrom(paginate(api.timelineHome({ limit: 40 })).pipe(
      mergeMap((page) => page),
      take(wanted),
      count(),
    )),
  };
}
