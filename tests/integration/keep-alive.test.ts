/**
 * An idle keep-alive connection stays open longer than clients and proxies keep theirs (nginx: 60 s), so
 * the server never closes it first: a client sending on it after a pause must get an answer, not a reset
 * (Node's default of 5 s made a post after a pause fail with ECONNRESET in CI).
 */
import net from "node:net";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startServer, type RunningServer } from "./support/server-process";

let server: RunningServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => server?.stop());

it("answers on the same connection after 7 s idle", { timeout: 30_000 }, async () => {
  const socket = net.connect(server.port, "127.0.0.1");
  let received = "";
  let closed = false;
  socket.on("data", (chunk) => (received += chunk.toString()));
  socket.on("close", () => (closed = true));
  socket.on("error", () => (closed = true));
  const request = `GET /api/health HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nConnection: keep-alive\r\n\r\n`;
  const answers = () => received.split("HTTP/1.1 200").length - 1;
  socket.write(request);
  await expect.poll(answers).toBe(1);
  await new Promise((resolve) => setTimeout(resolve, 7_000));
  expect(closed).toBe(false);
  socket.write(request);
  await expect.poll(answers).toBe(2);
  socket.destroy();
});
