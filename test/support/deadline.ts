/**
 * Waits for `promise`, but fails after `ms` milliseconds saying what did not happen: a test that
 * waits for an event gets a limit, so a regression fails instead of hanging the run. (A limit
 * on waiting, never an assertion about how long something took.)
 *
 * ## Example
 * ```ts
 * const aborted = await within(server.aborted, 5_000, 'the server saw the request aborted');
 * ```
 */
export function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`Waited ${ms} ms, in vain: ${what}`)), ms);
  });
  return Promise.race([promise, limit]).finally(() => clearTimeout(timer));
}

/**
 * Resolves once `condition()` holds, checking it on every turn of the event loop; fails after
 * `ms` milliseconds saying what did not happen.
 *
 * ## Example
 * ```ts
 * await until(() => server.seen.length > 0, 5_000, 'the request reached the server');
 * ```
 */
export async function until(condition: () => boolean, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Waited ${ms} ms, in vain: ${what}`);
    await new Promise((resolve) => setImmediate(resolve));
  }
}
