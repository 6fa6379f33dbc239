import { EventEmitter } from "node:events";
import { describe, expect, it } from "vitest";
import {
  catchUpPageSize,
  CATCH_UP_PAGE_POLLING,
  dropConnection,
  limitSocketOutput,
  pendingOutputBytes,
  whenDrained,
  type EngineConnection,
} from "./socket-output";

class FakeTransport extends EventEmitter {
  writable = true;
  terminated = false;
  socket = { bufferedAmount: 0, terminate: () => (this.terminated = true) };
  constructor(readonly name: "websocket" | "polling") {
    super();
  }
}

class FakeConnection extends EventEmitter implements EngineConnection {
  readyState = "open";
  writeBuffer: { data?: unknown }[] = [];
  closedWith: boolean | undefined;
  constructor(public transport: FakeTransport) {
    super();
  }
  close(discard?: boolean) {
    this.closedWith = discard;
    this.readyState = "closed";
    this.emit("close");
  }
}

const settled = async (promise: Promise<void>) => {
  let done = false;
  void promise.then(() => (done = true));
  await new Promise((resolve) => setImmediate(resolve));
  return done;
};

describe("socket output", () => {
  it("counts what waits in engine.io's queue and in ws's buffer", () => {
    const conn = new FakeConnection(new FakeTransport("websocket"));
    conn.writeBuffer.push({ data: "x".repeat(100) }, { data: Buffer.alloc(50) }, {});
    conn.transport.socket.bufferedAmount = 1000;
    expect(pendingOutputBytes(conn)).toBe(1150);
  });

  it("waits until the transport took everything, across an upgrade, or the connection closed", async () => {
    const polling = new FakeTransport("polling");
    const conn = new FakeConnection(polling);
    expect(catchUpPageSize(conn)).toBe(CATCH_UP_PAGE_POLLING);
    polling.writable = false; // the payload went out; no poll request yet
    const drained = whenDrained(conn);
    polling.emit("drain");
    expect(await settled(drained)).toBe(false);
    const websocket = new FakeTransport("websocket");
    websocket.writable = false;
    conn.transport = websocket;
    conn.emit("upgrade");
    polling.writable = true;
    polling.emit("ready"); // the old transport no longer counts
    expect(await settled(drained)).toBe(false);
    websocket.writable = true;
    websocket.emit("ready");
    expect(await settled(drained)).toBe(true);

    websocket.writable = false;
    const closing = whenDrained(conn);
    conn.close();
    expect(await settled(closing)).toBe(true);
  });

  it("drops a WebSocket at once, discarding its queue", () => {
    const conn = new FakeConnection(new FakeTransport("websocket"));
    dropConnection(conn);
    expect(conn.transport.terminated).toBe(true);
    expect(conn.closedWith).toBe(true);
  });

  it("drops connections over the byte limit or stalled too long, and keeps those that drain", async () => {
    const engine = new EventEmitter();
    const dropped: string[] = [];
    const stop = limitSocketOutput(engine, { maxBytes: 1000, stallMs: 1500, onDrop: (_conn, reason) => dropped.push(reason) });
    const [full, stalled, fine] = [0, 1, 2].map(() => new FakeConnection(new FakeTransport("websocket")));
    for (const conn of [full!, stalled!, fine!]) engine.emit("connection", conn);
    full!.transport.socket.bufferedAmount = 5000;
    stalled!.transport.socket.bufferedAmount = 10;
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(dropped).toEqual(["buffer"]);
    expect(full!.readyState).toBe("closed");
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(dropped).toEqual(["buffer", "stall"]);
    expect(stalled!.readyState).toBe("closed");
    expect(fine!.readyState).toBe("open");
    stop();
  });
});
