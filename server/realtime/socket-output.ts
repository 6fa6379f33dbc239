/**
 * How much a socket has not yet handed to its client, waiting until it has, and dropping a client that
 * stops taking it.
 *
 * engine.io keeps a connection's outgoing packets in its `writeBuffer` until the transport is writable:
 * - WebSocket: writable again once ws's send callback says the previous frames reached the kernel; what
 *   the kernel does not take yet waits in ws's buffer (`bufferedAmount`).
 * - Polling: writable while the client has a poll request open, that is once it has received the
 *   previous payload and asks for more; everything queued meanwhile goes out in the next payload.
 * So "drained" (nothing in `writeBuffer`, transport writable) means the client took all that was sent.
 * `writeBuffer` is private in engine.io's types: this reaches in the way coalesce-frames.ts reaches into ws.
 */
import type { EventEmitter } from "node:events";

export interface EngineTransport extends EventEmitter {
  readonly name: string;
  readonly writable: boolean;
  /** WebSocket only: ws's socket. */
  readonly socket?: { readonly bufferedAmount?: number; terminate?(): void };
}

/** What this needs of engine.io's Socket (`socket.conn` in Socket.IO). */
export interface EngineConnection extends EventEmitter {
  readonly readyState: string;
  readonly transport: EngineTransport;
  readonly writeBuffer: readonly { readonly data?: unknown }[];
  close(discard?: boolean): unknown;
}

/** Catch-up entries sent over polling before waiting for the client to take them: with Socket.IO's
 * connect packet and a ping in the same payload this stays under 16 packets, the most a standard
 * python-socketio 5.x client accepts in one payload. */
export const CATCH_UP_PAGE_POLLING = 10;
/** Catch-up entries sent over a WebSocket before waiting for the kernel to take them. */
export const CATCH_UP_PAGE_WEBSOCKET = 20;
/** How often every socket's waiting output is checked against the limits. */
export const OUTPUT_CHECK_INTERVAL_MS = 1_000;

export function catchUpPageSize(conn: EngineConnection): number {
  return conn.transport.name === "websocket" ? CATCH_UP_PAGE_WEBSOCKET : CATCH_UP_PAGE_POLLING;
}

function byteLength(data: unknown): number {
  if (typeof data === "string") return data.length;
  if (data instanceof ArrayBuffer || ArrayBuffer.isView(data)) return data.byteLength;
  return 0;
}

/** Bytes (string length for text frames) queued for the client and not yet taken by the kernel. */
export function pendingOutputBytes(conn: EngineConnection): number {
  let bytes = 0;
  for (const packet of conn.writeBuffer) bytes += byteLength(packet.data);
  return bytes + (conn.transport.name === "websocket" ? (conn.transport.socket?.bufferedAmount ?? 0) : 0);
}

function isDrained(conn: EngineConnection): boolean {
  return conn.readyState !== "open" || (conn.writeBuffer.length === 0 && conn.transport.writable);
}

/** Resolves once the client has taken everything sent so far, or the connection is closing. */
export function whenDrained(conn: EngineConnection): Promise<void> {
  if (isDrained(conn)) return Promise.resolve();
  return new Promise((resolve) => {
    let transport = conn.transport;
    const check = () => {
      if (!isDrained(conn)) return;
      transport.off("ready", check);
      transport.off("drain", check);
      conn.off("upgrade", onUpgrade);
      conn.off("close", check);
      resolve();
    };
    // Both transports emit "ready" when they become writable (WebSocket right after "drain").
    const watch = () => {
      transport.on("ready", check);
      transport.on("drain", check);
    };
    const onUpgrade = () => {
      transport.off("ready", check);
      transport.off("drain", check);
      transport = conn.transport;
      watch();
      check();
    };
    watch();
    conn.on("upgrade", onUpgrade);
    conn.on("close", check);
  });
}

/** Closes at once, discarding what is queued (a plain close would wait for the queue to drain first). */
export function dropConnection(conn: EngineConnection): void {
  if (conn.transport.name === "websocket") conn.transport.socket?.terminate?.();
  conn.close(true);
}

export interface OutputLimits {
  maxBytes: number;
  stallMs: number;
  onDrop(conn: EngineConnection, reason: "buffer" | "stall", pendingBytes: number): void;
}

/**
 * Every OUTPUT_CHECK_INTERVAL_MS, drops each connection whose waiting output is over `maxBytes`, or has
 * waited `stallMs` without the transport taking any of it (engine.io's "drain" is emitted each time the
 * transport takes the queue). Its client reconnects with `after` and catches up in pages. Returns stop.
 */
export function limitSocketOutput(engine: EventEmitter, limits: OutputLimits): () => void {
  const progress = new Map<EngineConnection, number>();
  engine.on("connection", (conn: EngineConnection) => {
    progress.set(conn, Date.now());
    conn.once("close", () => progress.delete(conn));
  });
  engine.on("drain", (conn: EngineConnection) => {
    if (progress.has(conn)) progress.set(conn, Date.now());
  });
  const timer = setInterval(() => {
    const now = Date.now();
    for (const [conn, since] of progress) {
      const pending = pendingOutputBytes(conn);
      if (pending === 0) progress.set(conn, now);
      else if (pending > limits.maxBytes || now - since > limits.stallMs) {
        progress.delete(conn);
        limits.onDrop(conn, pending > limits.maxBytes ? "buffer" : "stall", pending);
        dropConnection(conn);
      }
    }
  }, OUTPUT_CHECK_INTERVAL_MS);
  timer.unref();
  return () => clearInterval(timer);
}
