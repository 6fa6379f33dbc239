/**
 * Several nodes (REDIS_URL set): joins this node's Socket.IO server to the others with the Redis
 * Streams adapter (so `io.in(room).disconnectSockets()` reaches every node) and tells the other nodes'
 * feed hubs of each entry this node committed, over a Redis pub/sub channel.
 *
 * Neither is the no-loss guarantee. The feed is ordered per node by its own FeedHub (broadcast with
 * `io.local`, never through the adapter, or every node would send each entry again), and the database is
 * the source of truth: an entry announced on Redis only saves a database read; one that never arrives
 * (Redis down or restarted, a node killed between commit and announce) is read from the database by the
 * hub's gap fill or its periodic catch-up (FEED_CATCH_UP_INTERVAL_MS in app-server.ts).
 */
import { randomUUID } from "node:crypto";
import { feedEntrySchema, type FeedEntry } from "../../lib/schemas/feed";
import type { Logger } from "../logger";
import type { FeedServer } from "./socket-server";

/** The pub/sub channel carrying committed feed entries between nodes. */
export const FEED_CHANNEL = "situation-desk:feed";
/** Longest wait between reconnection attempts to Redis. */
const REDIS_RECONNECT_MAX_DELAY_MS = 2_000;

export interface FeedCluster {
  /** Tell the other nodes about an entry this node committed (fire and forget: the database is the truth). */
  announce(entry: FeedEntry): void;
  close(): Promise<void>;
}

export async function joinCluster(io: FeedServer, redisUrl: string, log: Logger, onRemoteEntry: (entry: FeedEntry) => void): Promise<FeedCluster> {
  const [{ createClient }, { createAdapter }] = await Promise.all([import("redis"), import("@socket.io/redis-streams-adapter")]);
  const nodeId = randomUUID();
  const options = { url: redisUrl, socket: { reconnectStrategy: (retries: number) => Math.min(100 * (retries + 1), REDIS_RECONNECT_MAX_DELAY_MS) } };
  let lastError = "";
  const onError = (error: unknown) => {
    // node-redis emits an error on every failed reconnection attempt: log each new kind once.
    if (String(error) !== lastError) log.error("redis connection", { error: String(error) });
    lastError = String(error);
  };

  const adapterClient = createClient(options)
    .on("error", onError)
    .on("ready", () => (lastError = ""));
  // A publish while Redis is away fails at once instead of queueing: the database catch-up covers it.
  const publisher = createClient({ ...options, disableOfflineQueue: true }).on("error", onError);
  const subscriber = createClient(options).on("error", onError);
  await Promise.all([adapterClient.connect(), publisher.connect(), subscriber.connect()]);

  io.adapter(createAdapter(adapterClient));
  await subscriber.subscribe(FEED_CHANNEL, (message) => {
    try {
      const { from, entry } = JSON.parse(message) as { from: string; entry: unknown };
      if (from === nodeId) return;
      // Announcements come from the other nodes of this desk: checked against the contract's FeedEntry.
      const parsed = feedEntrySchema.safeParse(entry);
      if (parsed.success) onRemoteEntry(parsed.data);
      else log.error("ignored a malformed feed announcement", { message: message.slice(0, 200) });
    } catch (error) {
      log.error("ignored a malformed feed announcement", { error: String(error) });
    }
  });
  log.info("joined the cluster over redis", { nodeId });

  return {
    announce(entry) {
      publisher
        .publish(FEED_CHANNEL, JSON.stringify({ from: nodeId, entry }))
        .catch((error: unknown) => log.debug("feed announcement not sent", { error: String(error) }));
    },
    async close() {
      await Promise.allSettled([subscriber.quit(), publisher.quit(), adapterClient.quit()]);
    },
  };
}
