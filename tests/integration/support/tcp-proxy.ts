/**
 * A TCP proxy for fault tests: forwards to a real service (Redis, PostgreSQL) and can `pause` (hold
 * every byte both ways while connections stay open, as a network partition does), `resume`, or `cut`
 * (reset every connection and refuse new ones until `restore`).
 */
import net from "node:net";

export interface TcpProxy {
  port: number;
  url(scheme: string, path?: string): string;
  pause(): void;
  resume(): void;
  cut(): void;
  restore(): void;
  close(): Promise<void>;
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const pairs = new Set<[net.Socket, net.Socket]>();
  let paused = false;
  let refusing = false;
  const server = net.createServer((client) => {
    if (refusing) return client.resetAndDestroy();
    const upstream = net.connect(target);
    const pair: [net.Socket, net.Socket] = [client, upstream];
    pairs.add(pair);
    // Bytes are buffered, not dropped, while paused; pipe's flow control holds the rest. A connection
    // accepted during a pause is piped by `resume` only (piped twice, every byte would be sent twice).
    if (paused) for (const socket of pair) socket.pause();
    else {
      client.pipe(upstream);
      upstream.pipe(client);
    }
    const end = () => {
      pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on("error", end).on("close", end);
    upstream.on("error", end).on("close", end);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as net.AddressInfo).port;
  const each = (fn: (socket: net.Socket) => void) => pairs.forEach((pair) => pair.forEach(fn));
  return {
    port,
    url: (scheme, path = "") => `${scheme}://127.0.0.1:${port}${path}`,
    pause() {
      paused = true;
      // Stop reading on both sides: nothing crosses, nothing is refused.
      each((socket) => {
        socket.unpipe();
        socket.pause();
      });
    },
    resume() {
      paused = false;
      pairs.forEach(([client, upstream]) => {
        client.pipe(upstream);
        upstream.pipe(client);
        client.resume();
        upstream.resume();
      });
    },
    cut() {
      refusing = true;
      each((socket) => socket.resetAndDestroy());
    },
    restore() {
      refusing = false;
    },
    async close() {
      each((socket) => socket.destroy());
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
