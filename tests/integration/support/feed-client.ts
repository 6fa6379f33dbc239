/** A socket.io-client that records the feed it receives and resumes after the last seq it saw. */
import { io, type Socket } from "socket.io-client";
import type { ClientToServerEvents, ServerToClientEvents } from "../../../lib/contract/realtime";
import type { FeedEntry } from "../../../lib/schemas/feed";

export interface FeedClient {
  socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  entries: FeedEntry[];
  /** Seqs in the order received (duplicates included, so tests can see them). */
  seqs: number[];
  lastSeq(): number;
  waitForSeq(seq: number, timeoutMs?: number): Promise<void>;
  waitForLive(timeoutMs?: number): Promise<void>;
  close(): void;
}

export function connectFeed(
  url: string,
  options: { after?: number; token?: string; situation?: string; reconnection?: boolean; transports?: ("polling" | "websocket")[] } = {},
): FeedClient {
  const entries: FeedEntry[] = [];
  const seqs: number[] = [];
  let resumeFrom = options.after;
  let live = false;
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(url, {
    transports: options.transports ?? ["websocket"],
    reconnection: options.reconnection ?? true,
    reconnectionDelay: 100,
    reconnectionDelayMax: 500,
    auth: (send) =>
      send({
        ...(resumeFrom !== undefined ? { after: resumeFrom } : {}),
        ...(options.token ? { token: options.token } : {}),
        ...(options.situation ? { situation: options.situation } : {}),
      }),
  });
  socket.on("feed", (entry) => {
    seqs.push(entry.seq);
    entries.push(entry);
    resumeFrom = entry.seq;
  });
  socket.on("feed:live", (info) => {
    live = true;
    resumeFrom ??= info.lastSeq;
  });
  socket.on("disconnect", () => {
    live = false;
  });

  const poll = (done: () => boolean, what: () => string, timeoutMs: number) =>
    new Promise<void>((resolve, reject) => {
      const started = Date.now();
      const tick = () => {
        if (done()) return resolve();
        if (Date.now() - started > timeoutMs) return reject(new Error(`timed out waiting for ${what()}`));
        setTimeout(tick, 20);
      };
      tick();
    });

  return {
    socket,
    entries,
    seqs,
    lastSeq: () => seqs.at(-1) ?? options.after ?? 0,
    waitForSeq: (seq, timeoutMs = 15_000) =>
      poll(
        () => seqs.includes(seq),
        () => `seq ${seq} (have up to ${seqs.at(-1) ?? "none"})`,
        timeoutMs,
      ),
    waitForLive: (timeoutMs = 15_000) =>
      poll(
        () => live,
        () => "feed:live",
        timeoutMs,
      ),
    close: () => socket.close(),
  };
}

/** Strictly increasing by one from `first`, no gap, no duplicate. */
export function expectContiguous(seqs: number[], first: number, last: number): void {
  const expected = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  if (seqs.length !== expected.length || seqs.some((seq, i) => seq !== expected[i])) {
    throw new Error(`feed not contiguous: expected ${first}..${last} (${expected.length}), got ${seqs.length} entries: ${summarise(seqs)}`);
  }
}

function summarise(seqs: number[]): string {
  return seqs.length > 30 ? `${seqs.slice(0, 15).join(",")} … ${seqs.slice(-15).join(",")}` : seqs.join(",");
}
