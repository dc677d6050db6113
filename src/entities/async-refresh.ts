/** A background job that refreshes data (such as replies fetched from other servers). Since 4.4. @see https://docs.joinmastodon.org/entities/AsyncRefresh/ */
export interface AsyncRefresh {
  /** The job's id, sent back in the `Mastodon-Async-Refresh` header. */
  id: string;
  /** Whether the job is still `running` or has `finished`. */
  status: 'running' | 'finished';
  /** How many results the job has brought in so far, if it counts them. */
  result_count?: number | null;
}

/** What `GET /api/v1_alpha/async_refreshes/{id}` returns. Since 4.4. @see https://docs.joinmastodon.org/methods/async_refreshes/ */
export interface WrappedAsyncRefresh {
  /** The job. */
  async_refresh: AsyncRefresh;
}
