import type { Readable } from "node:stream";

/** Items held before the reader is paused: a slow consumer (the database) never makes the file pile up. */
const HIGH_WATER = 1_000;

/**
 * An object stream's items in order, and its error only after every item that came before it: a
 * stream's async iterator drops the items it had buffered when the stream fails (a file cut off after
 * its first features would lose them).
 */
export async function* streamItems<T>(stream: Readable): AsyncGenerator<T> {
  const queue: T[] = [];
  let done = false;
  let failure: { error: unknown } | null = null;
  let wake: (() => void) | null = null;
  const signal = () => {
    wake?.();
    wake = null;
  };
  stream.on("data", (item: T) => {
    queue.push(item);
    if (queue.length >= HIGH_WATER) stream.pause();
    signal();
  });
  stream.on("end", () => {
    done = true;
    signal();
  });
  stream.on("error", (error) => {
    failure = { error };
    signal();
  });
  try {
    for (;;) {
      if (queue.length > 0) {
        yield queue.shift()!;
        if (queue.length < HIGH_WATER / 2 && stream.isPaused()) stream.resume();
        continue;
      }
      if (failure) throw (failure as { error: unknown }).error;
      if (done) return;
      await new Promise<void>((resolve) => (wake = resolve));
    }
  } finally {
    // A reader that stops early (the import failed) lets the file's stream go.
    if (!done) stream.destroy();
  }
}
