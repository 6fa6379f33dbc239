import { EventEmitter } from "node:events";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Server } from "socket.io";
import { io as connect } from "socket.io-client";
import { describe, expect, it } from "vitest";
import { coalesceFlushedFrames, type Corkable } from "./coalesce-frames";

function fakeTcp() {
  const calls: string[] = [];
  const tcp: Corkable = { destroyed: false, cork: () => calls.push("cork"), uncork: () => calls.push("uncork") };
  return { tcp, calls };
}
const nextTick = () => new Promise((resolve) => process.nextTick(resolve));

describe("coalesceFlushedFrames", () => {
  it("corks a WebSocket connection's TCP socket for a flush of several packets, until the next tick", async () => {
    const engine = new EventEmitter();
    coalesceFlushedFrames(engine);
    const { tcp, calls } = fakeTcp();
    engine.emit("flush", { transport: { name: "websocket", socket: { _socket: tcp } } }, [1, 2, 3]);
    expect(calls).toEqual(["cork"]);
    await nextTick();
    expect(calls).toEqual(["cork", "uncork"]);
  });

  it("leaves single packets, polling and closed sockets alone", async () => {
    const engine = new EventEmitter();
    coalesceFlushedFrames(engine);
    const one = fakeTcp();
    engine.emit("flush", { transport: { name: "websocket", socket: { _socket: one.tcp } } }, [1]);
    const polling = fakeTcp();
    engine.emit("flush", { transport: { name: "polling", socket: { _socket: polling.tcp } } }, [1, 2]);
    const closed = fakeTcp();
    closed.tcp.destroyed = true;
    engine.emit("flush", { transport: { name: "websocket", socket: { _socket: closed.tcp } } }, [1, 2]);
    engine.emit("flush", { transport: { name: "websocket", socket: {} } }, [1, 2]);
    await nextTick();
    expect([one.calls, polling.calls, closed.calls]).toEqual([[], [], []]);
  });

  it("on a real Socket.IO server: reaches the TCP socket through the installed ws, and every frame arrives in order", async () => {
    const http = createServer();
    const io = new Server(http, { serveClient: false });
    coalesceFlushedFrames(io.engine);
    // Node's stream hands the socket everything buffered under a cork in one _writev call. ws corks
    // around each frame's header and payload (2 chunks); coalesced frames make larger calls.
    let largestWritev = 0;
    io.engine.on("connection", (conn: { transport: { socket: { _socket: { _writev: (chunks: unknown[], cb: unknown) => void } } } }) => {
      const tcp = conn.transport.socket._socket;
      const writev = tcp._writev.bind(tcp);
      tcp._writev = (chunks, cb) => {
        largestWritev = Math.max(largestWritev, chunks.length);
        writev(chunks, cb);
      };
    });
    await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
    const client = connect(`http://127.0.0.1:${(http.address() as AddressInfo).port}`, { transports: ["websocket"], reconnection: false });
    try {
      await new Promise<void>((resolve, reject) => client.once("connect", resolve).once("connect_error", reject));
      const received: number[] = [];
      const all = new Promise<void>((resolve) => client.on("n", (n: number) => received.push(n) === 200 && resolve()));
      // In one tick, as the feed hub broadcasts a committed batch: the first frame is written at once,
      // the rest wait for it and are flushed together.
      for (let n = 0; n < 200; n++) io.emit("n", n);
      await all;
      expect(received).toEqual(Array.from({ length: 200 }, (_, n) => n));
      expect(largestWritev).toBeGreaterThan(2);
    } finally {
      client.close();
      await io.close();
    }
  });
});
