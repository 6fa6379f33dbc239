/**
 * The baseline: a bare Socket.IO server on its own, with the app's server options, that sends every
 * connection `feed:live` and broadcasts a given payload as often as told, as fast as it can. Driven
 * over IPC by bench/feed/feed-load.ts; prints its port.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Server } from "socket.io";

const http = createServer();
const io = new Server(http, { serveClient: false, maxHttpBufferSize: 16 * 1024 });
io.on("connection", (socket) => socket.emit("feed:live", { lastSeq: 0 }));

process.on("message", (command: { type: "broadcast"; payload: Record<string, unknown>; count: number; firstSeq: number } | { type: "close" }) => {
  if (command.type === "close") {
    void io.close().finally(() => process.exit(0));
    return;
  }
  const sentAt = performance.timeOrigin + performance.now();
  let i = 0;
  // In slices, so the event loop writes to sockets between broadcasts as the app's does.
  const slice = () => {
    for (const end = Math.min(i + 10, command.count); i < end; i++) io.emit("feed", { ...command.payload, seq: command.firstSeq + i });
    if (i < command.count) setImmediate(slice);
    else process.send!({ type: "sent", sentAt });
  };
  slice();
});

http.listen(0, "127.0.0.1", () => process.send!({ type: "listening", port: (http.address() as AddressInfo).port }));
