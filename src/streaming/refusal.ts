import type { StreamReader } from './sse-connection.js';

/** How much of a refused request's body is read for its error message: 64 KiB. */
export const REFUSAL_BYTES = 64 * 1024;

/**
 * The text of a refused request's body, read up to `limit` bytes and then let go, so a server
 * cannot make a refusal hold more than that.
 *
 * ## Example
 * ```ts
 * const message = await refusalText(response.body);  // '{"error":"Invalid access token"}'
 * ```
 */
export async function refusalText(body: { getReader(): StreamReader } | null, limit = REFUSAL_BYTES): Promise<string> {
  if (!body) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  let reader: StreamReader | undefined;
  try {
    reader = body.getReader();
    while (size < limit) {
      const result = await reader.read();
      if (result.done) break;
      chunks.push(result.value);
      size += result.value.length;
    }
  } catch {
    // What came before the failure is all there is to say.
  } finally {
    reader?.cancel().catch(() => undefined);
  }
  const bytes = new Uint8Array(Math.min(size, limit));
  let offset = 0;
  for (const chunk of chunks) {
    const part = chunk.subarray(0, bytes.length - offset);
    bytes.set(part, offset);
    offset += part.length;
  }
  return new TextDecoder().decode(bytes);
}
