import type { FakeAccount, FakeStatus, FakeStore } from '../store.js';
import { FakeHttpError, type FakeRequest, type FakeRoutes } from './types.js';
import { scoped } from './scoped.js';

/** A background job of the fake server, as `GET /api/v1_alpha/async_refreshes/{id}` shows it. */
export interface FakeAsyncRefresh {
  readonly id: string;
  /** What the job refreshes (`context:<status id>:refresh`, `wrapstodon:<account>:<year>`). */
  readonly key: string;
  status: 'running' | 'finished';
  /** Results brought in so far, for jobs that count them; null for others. */
  resultCount: number | null;
  /** Polls of its status left before it finishes; 0 once finished. */
  pollsLeft: number;
  /** Seconds the header asks clients to wait. */
  readonly retry: number;
  /** What finishing does: adds the fetched replies, makes the report. */
  readonly finish: () => number | void;
}

/** A reply another server holds, which the fake fetches when a thread is read. */
export interface FakeRemoteReply {
  readonly account: FakeAccount;
  readonly text: string;
}

/** The background jobs of a fake server; tests may change how long new jobs run. */
export interface FakeAsyncRefreshState {
  readonly refreshes: Map<string, FakeAsyncRefresh>;
  /**
   * Replies to a status that the fake pretends other servers hold, by status id: reading the
   * thread with a user's token starts a job that fetches them (as Mastodon fetches a remote
   * thread's replies), and they join the thread when it finishes.
   */
  readonly remoteReplies: Map<string, FakeRemoteReply[]>;
  /**
   * How many polls of `GET /api/v1_alpha/async_refreshes/{id}` a new job answers `running`
   * before it finishes; the last of them answers `finished`. Default 1: finished at the first poll.
   */
  polls: number;
}

/**
 * The background jobs of a fake server, to tune how many polls they take.
 * @example fakeAsyncRefreshes(server.store).polls = 3;
 */
export function fakeAsyncRefreshes(store: FakeStore): FakeAsyncRefreshState {
  return store.extension<FakeAsyncRefreshState>('async-refreshes', () => ({ refreshes: new Map(), remoteReplies: new Map(), polls: 1 }));
}

/** The job refreshing `key`, while it runs. */
export function runningRefresh(store: FakeStore, key: string): FakeAsyncRefresh | undefined {
  for (const refresh of fakeAsyncRefreshes(store).refreshes.values()) {
    if (refresh.key === key && refresh.status === 'running') return refresh;
  }
  return undefined;
}

/** Starts a job refreshing `key`; `finish` runs when it finishes and may return the results it brought. */
export function startRefresh(store: FakeStore, key: string, options: { retry: number; countResults: boolean; finish: () => number | void }): FakeAsyncRefresh {
  const state = fakeAsyncRefreshes(store);
  const refresh: FakeAsyncRefresh = {
    id: Buffer.from(JSON.stringify(key)).toString('base64url') + '--' + store.secret().slice(0, 16),
    key, status: 'running', resultCount: options.countResults ? 0 : null, pollsLeft: Math.max(state.polls, 1),
    retry: options.retry, finish: options.finish,
  };
  state.refreshes.set(refresh.id, refresh);
  return refresh;
}

/** The `Mastodon-Async-Refresh` header announcing a job, as Mastodon writes it. */
export function refreshHeader(refresh: FakeAsyncRefresh): Record<string, string> {
  const count = refresh.resultCount === null ? '' : `, result_count=${refresh.resultCount}`;
  return { 'mastodon-async-refresh': `id="${refresh.id}", retry=${refresh.retry}${count}` };
}

/**
 * The headers of a thread's answer: the job fetching its remote replies, announced while it
 * runs; started when a user reads a thread with replies still elsewhere, as Mastodon does.
 */
export function contextRefreshHeaders(store: FakeStore, request: FakeRequest, status: FakeStatus): Record<string, string> {
  const key = `context:${status.id}:refresh`;
  const running = runningRefresh(store, key);
  if (running) return refreshHeader(running);
  const { remoteReplies } = fakeAsyncRefreshes(store);
  const replies = remoteReplies.get(status.id);
  if (!request.user || !replies?.length) return {};
  remoteReplies.delete(status.id);
  return refreshHeader(startRefresh(store, key, {
    retry: 3, countResults: true,
    finish: () => {
      for (const reply of replies) {
        store.addStatus(reply.account, reply.text, { in_reply_to_id: status.id, in_reply_to_account_id: status.account.id });
      }
      status['replies_count'] = Number(status['replies_count'] ?? 0) + replies.length;
      return replies.length;
    },
  }));
}

function json(refresh: FakeAsyncRefresh): Record<string, unknown> {
  return { id: refresh.id, status: refresh.status, result_count: refresh.resultCount };
}

/** How a background job stands; each poll brings it closer to finished. */
export const asyncRefreshRoutes: FakeRoutes = {
  'GET /api/v1_alpha/async_refreshes/{id}': scoped(['read'], {
    auth: 'user',
    handle: (req, { store }) => {
      const refresh = fakeAsyncRefreshes(store).refreshes.get(req.pathParams['id'] ?? '');
      if (!refresh) throw new FakeHttpError(404, 'Not Found');
      if (refresh.status === 'running') {
        refresh.pollsLeft -= 1;
        if (refresh.pollsLeft <= 0) {
          const results = refresh.finish();
          if (refresh.resultCount !== null && typeof results === 'number') refresh.resultCount = results;
          refresh.status = 'finished';
        }
      }
      return { json: { async_refresh: json(refresh) } };
    },
  }),
};
