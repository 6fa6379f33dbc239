/**
 * Several WebSocket frames for one connection in one TCP write.
 *
 * When engine.io flushes more than one packet to a connection at once (entries committed together, or
 * queued while the previous frame was being written), the WebSocket transport writes each frame with a
 * system call of its own. Corking the connection's TCP socket for that flush makes them one `writev`:
 * a socket write costs ~11 µs in the kernel on the project's machines, most of a broadcast's time
 * (docs/BENCHMARKS.md). Bytes and order are unchanged; the socket is uncorked on the next tick, the way
 * Node's documentation batches writes (`socket.cork()` … `process.nextTick(() => socket.uncork())`).
 */
import type { EventEmitter } from "node:events";

/** What this needs of engine.io's connection: its transport and, for WebSocket, ws's TCP socket. */
interface EngineConnection {
  transport?: { name?: string; socket?: { _socket?: Corkable } };
}
export interface Corkable {
  destroyed: boolean;
  cork(): void;
  uncork(): void;
}

/** `engine`: Socket.IO's engine.io server (`io.engine`), which emits "flush" before each transport send. */
export function coalesceFlushedFrames(engine: EventEmitter): void {
  engine.on("flush", (connection: EngineConnection, packets: readonly unknown[]) => {
    if (packets.length < 2 || connection.transport?.name !== "websocket") return;
    // ws keeps the TCP socket as `_socket` (engine.io itself reaches into ws's `_sender` the same way).
    const tcp = connection.transport.socket?._socket;
    if (!tcp || tcp.destroyed) return;
    tcp.cork();
    process.nextTick(() => tcp.uncork());
  });
}
