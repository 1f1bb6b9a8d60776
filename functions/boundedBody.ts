import type { HttpRequest } from '@azure/functions';

/**
 * A request body read no further than `max` bytes: a declared length over it is refused unread,
 * and a body sent without one (chunked) is read as it streams and abandoned at the first chunk
 * past the limit, instead of being buffered whole before anyone looks at its size.
 */
export async function readBounded(request: HttpRequest, max: number): Promise<{ ok: true; bytes: Buffer } | { ok: false }> {
  const declared = request.headers.get('content-length');
  if (declared !== null && Number(declared) > max) return { ok: false };
  const body = request.body;
  if (!body) return { ok: true, bytes: Buffer.alloc(0) };
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = (await reader.read()) as { done: boolean; value?: Uint8Array };
    if (done) break;
    if (!value) continue;
    size += value.length;
    if (size > max) {
      // Tell the sender to stop; a failure to cancel changes nothing about the answer.
      await reader.cancel().catch(() => undefined);
      return { ok: false };
    }
    chunks.push(value);
  }
  return { ok: true, bytes: Buffer.concat(chunks) };
}
