/**
 * The first page a process renders pays for loading the app's server bundles and for the JIT of React's
 * server rendering: ~1.5 s here, where the next page took ~0.1–0.2 s (measured over 1,000,000 events,
 * whichever page came first; each page's own first render a few hundred ms more). The first time it
 * serves a script or stylesheet costs up to ~0.45 s more each (then ~0.02 s). So the server asks itself
 * for its dashboard and its wall (the page that reloads by itself after an outage) and for the files they
 * load, once, as soon as it listens, and the first reader after a start or a deploy is not the one who
 * waits. The answers are read and dropped; a failure only means the first reader warms it.
 */
const STATIC_FILE = /\/_next\/static\/[^"'\s)]+\.(?:js|css)/g;

export async function warmPageRendering(port: number, stop: AbortSignal, timeoutMs = 30_000): Promise<void> {
  const get = async (path: string) => {
    const response = await fetch(`http://127.0.0.1:${port}${path}`, {
      // Given up when the server closes, so that its connections do not hold the close.
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
