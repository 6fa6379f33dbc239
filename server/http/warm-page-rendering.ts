/**
 * The first page a process renders pays for loading the app's server bundles and for the JIT of React's
 * server rendering: ~1.5 s here, where the next page took ~0.1–0.2 s (measured over 1,000,000 events,
 * whichever page came first; each page's own first render a few hundred ms more). The first time it
 * serves a script or stylesheet costs up to ~0.45 s more each (then ~0.02 s). So the server asks itself
 * for its dashboard and its wall (the page that reloads by itself after an outage) and for the files they
 * load, once, before it opens its port (through a private one: warmThroughPrivatePort), and the first
 * reader after a start or a deploy is not the one who waits, nor a request that arrives while it warms
 * (the first control request after a restart took ~460 ms behind it at 1,000,000 events, 8 ms after).
 * The answers are read and dropped; a failure only means the first reader warms it. Not /analyst: its
 * server modules cost the process ~50 MB more for good (idle RSS on the demo data ~380 → ~430 MB), for
 * ~0.5 s saved once on the first analyst's visit.
 */
import { createServer, type RequestListener } from "node:http";
import type { AddressInfo } from "node:net";

/** The longest the page warm-up may hold a start (then the server opens its port warm or not). */
export const WARM_UP_BUDGET_MS = 20_000;
const STATIC_FILE = /\/_next\/static\/[^"'\s)]+\.(?:js|css)/g;

export async function warmPageRendering(port: number, stop: AbortSignal, timeoutMs = WARM_UP_BUDGET_MS): Promise<void> {
  const get = async (path: string) => {
    const response = await fetch(`http://127.0.0.1:${port}${path}`, {
      // Given up at the warm-up's budget (the server opens its port then, warm or not).
      signal: AbortSignal.any([stop, AbortSignal.timeout(timeoutMs)]),
      // As a browser asks, so that the answers are compressed as a reader's will be; no connection kept.
      headers: { "user-agent": "situation-desk warm-up", "accept-encoding": "br, gzip", connection: "close" },
    });
    return response.text();
  };
  const files = new Set<string>();
  for (const path of ["/", "/wall"]) for (const file of (await get(path)).match(STATIC_FILE) ?? []) files.add(file);
  for (const file of files) await get(file);
}

/** Runs `warm` against the server's own request handler on a private loopback port, closed after it. */
export async function warmThroughPrivatePort(answer: RequestListener, warm: (port: number) => Promise<void>): Promise<void> {
  const server = createServer(answer);
  await new Promise<void>((resolve, reject) => server.once("error", reject).listen(0, "127.0.0.1", resolve));
  try {
    await warm((server.address() as AddressInfo).port);
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}
