/**
 * One FeedHub per situation (contract v2: each situation has its own feed and seqs): a socket follows
 * one situation's hub and sits in that situation's broadcast room. A hub is made when a socket first
 * asks for its situation, starting from the situation's last committed seq; entries published before
 * that need no hub (nobody listened, and the hub starts after them).
 */
import { rooms } from "../../lib/contract/realtime";
import type { FeedEntry } from "../../lib/schemas/feed";
import type { Db } from "../db/client";
import { readFeedAfter, readLastSeq } from "../services/feed/internal/read-feed";
import { FeedHub } from "./feed-hub";
import type { FeedServer } from "./socket-server";

export class SituationFeeds {
  private readonly hubs = new Map<string, Promise<FeedHub>>();
  private stopped = false;

  constructor(
    private readonly io: () => FeedServer,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** The hub of the situation `slug`, whose database is `db`. */
  hub(slug: string, db: Db): Promise<FeedHub> {
    let hub = this.hubs.get(slug);
    if (!hub) {
      hub = readLastSeq(db).then((lastSeq) => {
        const made = new FeedHub(
          { readAfter: (after, limit) => readFeedAfter(db, slug, after, limit) },
          // `local`: each node sends its own viewers each entry once; other nodes have their own hubs.
          (entry) => this.io().local.to(rooms.feed(slug)).emit("feed", entry),
          lastSeq,
          this.onError,
        );
        if (this.stopped) made.stop();
        return made;
      });
      this.hubs.set(slug, hub);
      hub.catch(() => this.hubs.delete(slug));
    }
    return hub;
  }

  publish(entry: FeedEntry): void {
    void this.hubs
      .get(entry.situation)
      ?.then((hub) => hub.publish(entry))
      .catch(() => {});
  }

  /** Reads what each hub's database has beyond its last broadcast (other nodes' commits). */
  async syncAll(): Promise<void> {
    for (const hub of this.hubs.values()) await (await hub.catch(() => undefined))?.sync();
  }

  stop(): void {
    this.stopped = true;
    for (const hub of this.hubs.values()) void hub.then((made) => made.stop()).catch(() => {});
  }
}
