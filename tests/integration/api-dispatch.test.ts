/**
 * The custom server answers /api/* itself (server/http/serve-api.ts). These are the HTTP details Next.js
 * used to handle for us: methods, HEAD, unknown paths, bad percent-encoding, gzip, and a keep-alive
 * connection that stays usable when a handler answers without reading the body.
 */
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, login, reportBody } from "./support/api";
import { startServer, type RunningServer } from "./support/server-process";

let server: RunningServer;
let token: string;

beforeAll(async () => {
  server = await startServer();
  token = await login(server.url);
});
afterAll(async () => {
  await server?.stop();
});

/** A raw request on a given agent, so tests control the connection and the Accept-Encoding header. */
function raw(method: string, path: string, options: { headers?: Record<string, string>; body?: string; agent?: http.Agent } = {}) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const request = http.request(server.url + path, { method, headers: options.headers, agent: options.agent }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks).toString("utf8") }));
    });
    request.on("error", reject);
    request.end(options.body);
  });
}

describe("API dispatch in the custom server", () => {
  it("answers an unsupported method with 405, the Allow header and the contract's error shape", async () => {
    const response = await raw("DELETE", "/api/health");
    expect(response.status).toBe(405);
    expect(response.headers.allow).toBe("GET, HEAD, OPTIONS");
    expect(JSON.parse(response.body).error.code).toBe("invalid_request");
    const options = await raw("OPTIONS", "/api/reports");
    expect(options.status).toBe(204);
    expect(options.headers.allow).toBe("GET, HEAD, POST, OPTIONS");
  });

  it("answers HEAD like GET without a body", async () => {
    const response = await raw("HEAD", "/api/health");
    expect(response.status).toBe(200);
    expect(response.headers["content-type"]).toMatch(/^application\/json/);
    expect(response.body).toBe("");
  });

  it("answers unknown paths and malformed percent-encoding in the contract's shape", async () => {
    const unknown = await call(server.url, "GET", "/api/no/such/thing");
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe("not_found");
    const malformed = await raw("GET", "/api/reports/%E0%A4%A");
    expect(malformed.status).toBe(400);
    expect(JSON.parse(malformed.body).error.code).toBe("invalid_request");
    const missing = await call(server.url, "GET", `/api/reports/${encodeURIComponent("no such report")}`, { token });
    expect(missing.status).toBe(404);
  });

  it("gzips GET answers and leaves answers to writes uncompressed", async () => {
    const read = await raw("GET", "/api/places", { headers: { "accept-encoding": "gzip" } });
    expect(read.headers["content-encoding"]).toBe("gzip");
    const write = await raw("POST", "/api/reports", {
      headers: { "accept-encoding": "gzip", "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify(reportBody(1)),
    });
    expect(write.status).toBe(201);
    expect(write.headers["content-encoding"]).toBeUndefined();
    expect(JSON.parse(write.body).title).toBe("Test report 1");
  });

  it("keeps a keep-alive connection usable after answers that did not read the body (401, 413)", async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const body = JSON.stringify(reportBody(2, { body: "x".repeat(200_000) }));
      const anonymous = await raw("POST", "/api/reports", { agent, headers: { "content-type": "application/json" }, body });
      expect(anonymous.status).toBe(401);
      const tooLarge = await raw("POST", "/api/reports", {
        agent,
        headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
        body: "x".repeat(300_000),
      });
      expect(tooLarge.status).toBe(413);
      const after = await raw("GET", "/api/health", { agent });
      expect(after.status).toBe(200);
    } finally {
      agent.destroy();
    }
  });
});
