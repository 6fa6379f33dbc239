/**
 * A load-generator process: opens many socket.io-client viewers against one URL and records, per feed
 * seq, how many viewers got it and when the last one did (epoch ms, comparable across processes on one
 * machine). Driven over IPC by bench/feed/feed-load.ts.
 */
import { io, type Socket } from "socket.io-client";

type Command = { type: "connect"; url: string; count: number } | { type: "collect" } | { type: "close" };
interface Seen {
  n: number;
  first: number;
  last: number;
}

const now = () => performance.timeOrigin + performance.now();
const sockets: Socket[] = [];
let seen = new Map<number, Seen>();

function record(seq: number): void {
  const at = now();
  const entry = seen.get(seq);
  if (entry) {
    entry.n++;
    entry.last = at;
  } else seen.set(seq, { n: 1, first: at, last: at });
}

async function connect(url: string, count: number): Promise<void> {
  let live = 0;
  await new Promise<void>((resolve, reject) => {
    for (let i = 0; i < count; i++) {
      const socket = io(url, { transports: ["websocket"], reconnection: false, forceNew: true });
      socket.on("feed", (entry: { seq: number }) => record(entry.seq));
      socket.once("feed:live", () => {
        if (++live === count) resolve();
      });
      socket.once("connect_error", (error) => reject(error));
      sockets.push(socket);
    }
  });
}

process.on("message", (command: Command) => {
  if (command.type === "connect") {
    connect(command.url, command.count).then(
      () => process.send!({ type: "ready" }),
      (error: unknown) => process.send!({ type: "error", message: String(error) }),
    );
  } else if (command.type === "collect") {
    process.send!({ type: "seen", seen: [...seen.entries()] });
    seen = new Map();
  } else {
    for (const socket of sockets) socket.close();
    process.exit(0);
  }
});
