/** Streams a service's text chunks as a response body (exports of any size without holding them in memory). */
import type { Logger } from "../logger";

export function streamText(chunks: AsyncIterable<string>, headers: Record<string, string>, log?: Logger): Response {
  const encoder = new TextEncoder();
  const iterator: AsyncIterator<string, unknown> = chunks[Symbol.asyncIterator]();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { value, done } = await iterator.next();
        if (done) controller.close();
        else if (value) controller.enqueue(encoder.encode(value));
      } catch (error) {
        // Headers are sent already: the client sees a cut-off body, the log says why.
        log?.error("export stream failed", { error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
        controller.error(error);
      }
    },
    async cancel() {
      await iterator.return?.();
    },
  });
  return new Response(body, { status: 200, headers: { "cache-control": "no-store", ...headers } });
}
