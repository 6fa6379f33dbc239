/**
 * The live end of the no-loss feed (docs/decisions/0002-feed-seq.md).
 *
 * - `publish` takes committed entries in any order and broadcasts them strictly by seq: an entry that
 *   arrives ahead of a missing one waits, and after GAP_FILL_DELAY_MS the missing ones are read from the
 *   database (the source of truth), so nothing is skipped even if a publish call never comes.
 * - `attach` brings a connecting client from its `after` to live, one page at a time: before each
 *   database read it is registered as a joiner (so it buffers what is broadcast meanwhile), and after a
 *   full page it waits for the client to take the page before reading the next one, so a client that
 *   does not read holds one page in this process, not the backlog. The last page (a short one) is
 *   followed by the buffer without what the client already had, and the join of the broadcast room
 *   happens in the same tick as that drain, so no entry can fall between them.
 *   A buffer is only needed for the read that turns out to be the last: every entry broadcast before a
 *   read started was committed before it, so that read returns it unless the page is full, and after a
 *   full page the next read runs under a new buffer.
 */
import { FEED_BATCH_MAX, type FeedEntry } from "../../lib/schemas/feed";

/** How long an out-of-order entry waits for its predecessors before they are read from the database. */
export const GAP_FILL_DELAY_MS = 250;

export interface FeedSource {
  readAfter(after: number, limit: number): Promise<FeedEntry[]>;
}

export interface FeedClient {
  readonly connected: boolean;
  /** Catch-up entries to send before waiting for `drained` (the transport decides; at most FEED_BATCH_MAX). */
  readonly pageSize: number;
  send(entry: FeedEntry): void;
  /** Resolves once the client has taken everything sent so far (or is gone). */
  drained(): Promise<void>;
  /** Catch-up is over: join the live room and say so. */
  goLive(lastSeq: number): void;
}

interface Joiner {
  buffer: FeedEntry[];
}

export class FeedHub {
  private lastBroadcast: number;
  private readonly pending = new Map<number, FeedEntry>();
  private readonly joiners = new Set<Joiner>();
  private readonly waiters = new Set<() => void>();
  private gapTimer: NodeJS.Timeout | undefined;
  private syncing: Promise<void> | undefined;
  private stopped = false;

  constructor(
    private readonly source: FeedSource,
    private readonly broadcast: (entry: FeedEntry) => void,
    lastSeq: number,
    private readonly onError: (error: unknown) => void = () => {},
  ) {
    this.lastBroadcast = lastSeq;
  }

  get lastSeq(): number {
    return this.lastBroadcast;
  }

  publish(entry: FeedEntry): void {
    if (this.stopped || entry.seq <= this.lastBroadcast) return;
    this.pending.set(entry.seq, entry);
    this.flush();
  }

  /** Reads and broadcasts whatever the database has beyond the last broadcast entry. */
  sync(): Promise<void> {
    this.syncing ??= (async () => {
      try {
        for (;;) {
          const batch = await this.source.readAfter(this.lastBroadcast, FEED_BATCH_MAX);
          for (const entry of batch) this.publish(entry);
          if (batch.length < FEED_BATCH_MAX || this.stopped) break;
        }
      } catch (error) {
        this.onError(error);
      } finally {
        this.syncing = undefined;
      }
    })();
    return this.syncing;
  }

  async attach(client: FeedClient, after: number | undefined): Promise<void> {
    if (after === undefined) {
      client.goLive(this.lastBroadcast);
      return;
    }
    let joiner: Joiner | undefined;
    try {
      let sent = after;
      for (;;) {
        joiner = { buffer: [] };
        this.joiners.add(joiner);
        const page = await this.sendPage(client, sent);
        if (!page) return;
        sent = page.sent;
        if (!page.full) break;
        // More to come: stop buffering the broadcast (the next read returns it) until the client took this page.
        this.joiners.delete(joiner);
        await client.drained();
        if (!client.connected) return;
      }
      // The database can be ahead of the broadcast (committed, publish not yet run): wait until the hub
      // has broadcast up to what the client has, or the room would send those entries a second time.
      while (this.lastBroadcast < sent && !this.stopped) {
        await this.waitForBroadcast();
        if (!client.connected) return;
      }
      for (const entry of joiner.buffer) {
        if (entry.seq > sent) {
          client.send(entry);
          sent = entry.seq;
        }
      }
      if (client.connected) client.goLive(sent);
    } finally {
      if (joiner) this.joiners.delete(joiner);
    }
  }

  /** One page of catch-up from the database; null if the client left. (Its entries are not kept once sent.) */
  private async sendPage(client: FeedClient, after: number): Promise<{ sent: number; full: boolean } | null> {
    const pageSize = Math.min(Math.max(1, client.pageSize), FEED_BATCH_MAX);
    const page = await this.source.readAfter(after, pageSize);
    if (!client.connected) return null;
    let sent = after;
    for (const entry of page) {
      client.send(entry);
      sent = entry.seq;
    }
    return { sent, full: page.length === pageSize };
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.gapTimer);
    for (const wake of this.waiters) wake();
  }

  private flush(): void {
    for (let next = this.pending.get(this.lastBroadcast + 1); next; next = this.pending.get(this.lastBroadcast + 1)) {
      this.pending.delete(next.seq);
      this.lastBroadcast = next.seq;
      this.broadcast(next);
      for (const joiner of this.joiners) joiner.buffer.push(next);
    }
    for (const seq of this.pending.keys()) if (seq <= this.lastBroadcast) this.pending.delete(seq);
    if (this.pending.size > 0) this.scheduleGapFill();
    for (const wake of this.waiters) wake();
    this.waiters.clear();
  }

  private scheduleGapFill(): void {
    if (this.gapTimer) return;
    this.gapTimer = setTimeout(() => {
      this.gapTimer = undefined;
      void this.sync();
    }, GAP_FILL_DELAY_MS);
    this.gapTimer.unref();
  }

  private waitForBroadcast(): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.waiters.delete(wake);
        resolve();
      };
      // If no publish arrives (the writer was another process), read the database ourselves.
      const timer = setTimeout(() => void this.sync().then(wake), GAP_FILL_DELAY_MS);
      this.waiters.add(wake);
    });
  }
}
