/**
 * Webhooks (issue #17, contract v2 "Publishing out") against the real server and a receiver of our own
 * on 127.0.0.1 (allowed by WEBHOOK_ALLOW_HOSTS): refused targets and bad input, a delivery that fails
 * once and arrives on the retry with a valid signature, the filter, corrections and retractions that
 * follow what was sent, a receiver that never answers while posting goes on, and deliveries that wait
 * through a restart of the server and arrive in seq order.
 */
import { spawn } from "node:child_process";
import http from "node:http";
import readline from "node:readline";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifySignature } from "../../lib/webhooks/signature";
import { call, login, reportBody, tokenFor } from "./support/api";
import { startServer, type RunningServer } from "./support/server-process";

const SECRET = "test-secret-of-the-receiver";
const ENV = { WEBHOOK_ALLOW_HOSTS: "127.0.0.1", WEBHOOK_TIMEOUT_S: "2" };

interface Received {
  body: string;
  signature: string | undefined;
  delivery: string | undefined;
  payload: { id: string; situation: string; seq: number; kind: string; report: { id: string; title: string; version: number } };
}

/** A receiver that answers each request as `answer` says (a status, or "hang": never). */
class Receiver {
  readonly received: Received[] = [];
  answer: (n: number) => number | "hang" = () => 200;
  private server: http.Server | undefined;
  private readonly hanging = new Set<http.ServerResponse>();
  port = 0;

  async start(port = 0): Promise<void> {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (chunk: Buffer) => chunks.push(chunk));
      req.on("end", () => {
        const body = Buffer.concat(chunks).toString("utf8");
        this.received.push({
          body,
          signature: req.headers["x-situation-signature"] as string | undefined,
          delivery: req.headers["x-situation-delivery"] as string | undefined,
          payload: JSON.parse(body) as Received["payload"],
        });
        const answer = this.answer(this.received.length);
        if (answer === "hang") return void this.hanging.add(res);
        res.writeHead(answer).end();
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(port, "127.0.0.1", resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}/hook`;
  }

  async stop(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    this.hanging.clear();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.server = undefined;
  }
}

async function waitFor<T>(what: string, read: () => T | Promise<T>, done: (value: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value).slice(0, 500)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

let server: RunningServer;
let admin: string;
let editor: string;
const receivers: Receiver[] = [];

const newReceiver = async () => {
  const receiver = new Receiver();
  await receiver.start();
  receivers.push(receiver);
  return receiver;
};
const createHook = (body: Record<string, unknown>, token = admin) => call(server.url, "POST", "/api/webhooks", { token, body });
const post = async (overrides: Record<string, unknown>) => {
  const created = await call(server.url, "POST", "/api/reports", { token: editor, body: reportBody(1, overrides) });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body as { id: string; version: number };
};
const strike = (faction: string, place: string) => ({ type: "strike", occurredAt: "2024-12-07T12:00:00Z", confidence: "reported", faction, place });

beforeAll(async () => {
  server = await startServer({ env: ENV });
  admin = await login(server.url);
  editor = (await tokenFor(server.url, admin, "editor")).token;
});
afterAll(async () => {
  await server?.stop();
  for (const receiver of receivers) await receiver.stop();
});

describe("registering a webhook", () => {
  it("refuses loopback, private and metadata targets, bad filters and short secrets, naming the field, and creates nothing", async () => {
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ url: "http://10.0.0.7/hook", secret: SECRET }, "url", /^10\.0\.0\.7 is a loopback, private or reserved address: list the host in WEBHOOK_ALLOW_HOSTS/],
      [{ url: "http://169.254.169.254/latest/meta-data", secret: SECRET }, "url", /reserved address/],
      [{ url: "http://[::1]:8080/hook", secret: SECRET }, "url", /^::1 is a loopback/],
      [{ url: "http://localhost:8080/hook", secret: SECRET }, "url", /^localhost is resolved to .*, a loopback/],
      [{ url: "ftp://example.org/hook", secret: SECRET }, "url", /http or https/],
      [{ url: "http://127.0.0.1:9/hook", secret: "short" }, "secret", /at least 16/],
      [{ url: "http://127.0.0.1:9/hook", secret: SECRET, situation: "atlantis" }, "situation", /not a situation/],
      [{ url: "http://127.0.0.1:9/hook", secret: SECRET, filter: { faction: ["hts", "wagner"] } }, "filter.faction.1", /not a faction of syria/],
      [{ url: "http://127.0.0.1:9/hook", secret: SECRET, filter: { type: "parade" } }, "filter.type", /must be one of/],
      [{ url: "http://127.0.0.1:9/hook", secret: SECRET, filter: { type: ["strike", "parade"] } }, "filter.type.1", /must be one of/],
      [{ url: "http://127.0.0.1:9/hook", secret: SECRET, filter: { region: 7 } }, "filter.region", /a value or a list of values/],
      [{ url: "http://127.0.0.1:9/hook", secret: SECRET, filter: { colour: "red" } }, "filter", /unrecognized|colour/i],
    ];
    for (const [body, path, message] of cases) {
      const refused = await createHook(body);
      expect(refused.status, JSON.stringify(body)).toBe(400);
      const detail = (refused.body.error.details as { path: string; message: string }[]).find((d) => d.path === path);
      expect(detail?.message ?? JSON.stringify(refused.body.error), JSON.stringify(body)).toMatch(message);
    }
    expect((await createHook({ url: "http://127.0.0.1:9/hook", secret: SECRET }, editor)).status).toBe(403);
    expect((await call(server.url, "POST", "/api/webhooks", { body: { url: "http://127.0.0.1:9/hook", secret: SECRET } })).status).toBe(401);
    expect((await call(server.url, "GET", "/api/webhooks", { token: admin })).body).toEqual([]);
  });
});

describe("deliveries", () => {
  it("retries a failed delivery with backoff; the retry carries the same body and a valid signature", async () => {
    const receiver = await newReceiver();
    receiver.answer = (n) => (n === 1 ? 500 : 200);
    const hook = await createHook({ url: receiver.url, secret: SECRET, filter: { faction: "hts" } });
    expect(hook.status, JSON.stringify(hook.body)).toBe(201);
    expect(hook.body).toMatchObject({ url: receiver.url, situation: "syria", filter: { faction: ["hts"] }, failures: 0 });
    expect(hook.body).not.toHaveProperty("secret");

    const report = await post({ title: "HTS takes Homs", events: [{ ...strike("hts", "homs"), type: "control_change" }] });
    await waitFor(
      "the retry",
      () => receiver.received.length,
      (n) => n >= 2,
    );
    const [first, retry] = receiver.received;
    expect(retry!.body).toBe(first!.body);
    expect(retry!.payload).toMatchObject({ situation: "syria", kind: "report.published", report: { id: report.id, title: "HTS takes Homs" } });
    expect(retry!.payload.id).toBe(`syria:${retry!.payload.seq}`);
    expect(verifySignature(SECRET, retry!.body, retry!.signature)).toBe(true);
    expect(verifySignature("another-secret-entirely", retry!.body, retry!.signature)).toBe(false);

    const deliveries = await waitFor(
      "both attempts listed",
      async () => (await call(server.url, "GET", `/api/webhooks/${hook.body.id}/deliveries`, { token: admin })).body as { attempt: number; status: number }[],
      (list) => list.length >= 2,
    );
    expect(deliveries.slice(0, 2)).toMatchObject([
      { attempt: 2, status: 200, error: null, kind: "report.published", reportId: report.id },
      { attempt: 1, status: 500, error: "the receiver answered 500" },
    ]);
    const listed = (await call(server.url, "GET", "/api/webhooks", { token: admin })).body as { id: string; failures: number; cursor: number }[];
    expect(listed.find((w) => w.id === hook.body.id)).toMatchObject({ failures: 0, cursor: retry!.payload.seq });
  });

  it("sends what the filter wants, and a sent report's correction and retraction though they no longer match", async () => {
    const receiver = await newReceiver();
    const hook = await createHook({ url: receiver.url, secret: SECRET, filter: { faction: ["russia"], type: "strike" } });
    expect(hook.status).toBe(201);
    const sent = await post({ title: "Russian strike on Idlib", events: [strike("russia", "idlib")] });
    await post({ title: "Government strike on Hama", events: [strike("government", "hama")] }); // not wanted
    const corrected = await call(server.url, "PATCH", `/api/reports/${sent.id}`, {
      token: editor,
      body: { version: sent.version, reason: "It was the government's aircraft.", events: [strike("government", "idlib")] },
    });
    expect(corrected.status, JSON.stringify(corrected.body)).toBe(200);
    expect((await call(server.url, "POST", `/api/reports/${sent.id}/retract`, { token: editor, body: { reason: "Not confirmed." } })).status).toBe(200);
    await post({ title: "Another Russian strike", events: [strike("russia", "aleppo")] });

    const received = await waitFor(
      "four deliveries",
      () => receiver.received,
      (list) => list.length >= 4,
    );
    expect(received.map((r) => `${r.payload.kind} ${r.payload.report.title}`)).toEqual([
      "report.published Russian strike on Idlib",
      "report.corrected Russian strike on Idlib",
      "report.retracted Russian strike on Idlib",
      "report.published Another Russian strike",
    ]);
    const seqs = received.map((r) => r.payload.seq);
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
    for (const r of received) expect(verifySignature(SECRET, r.body, r.signature)).toBe(true);
  });

  it("a receiver that never answers does not hold up posting, and is tried again after its timeout", async () => {
    const receiver = await newReceiver();
    receiver.answer = (n) => (n === 1 ? "hang" : 200);
    const hook = await createHook({ url: receiver.url, secret: SECRET, filter: { faction: "government" } });
    await post({ title: "Government strike 1", events: [strike("government", "hama")] });
    await waitFor(
      "the first request",
      () => receiver.received.length,
      (n) => n >= 1,
    );
    // The receiver holds the first delivery open; posts go on and are acknowledged meanwhile.
    for (let i = 2; i <= 6; i++) await post({ title: `Government strike ${i}`, events: [strike("government", "hama")] });
    expect(receiver.received).toHaveLength(1);
    const received = await waitFor(
      "every strike after the timeout",
      () => receiver.received,
      (list) => new Set(list.map((r) => r.payload.seq)).size >= 6,
    );
    const titles = [...new Map(received.map((r) => [r.payload.seq, r.payload.report.title])).values()];
    expect(titles).toEqual([1, 2, 3, 4, 5, 6].map((i) => `Government strike ${i}`));
    const deliveries = (await call(server.url, "GET", `/api/webhooks/${hook.body.id}/deliveries`, { token: admin })).body as {
      status: number | null;
      error: string;
    }[];
    expect(deliveries.at(-1)).toMatchObject({ status: null, error: "no answer within 2 s" });
  });

  it("a receiver in Python checks the signature with its standard hmac module", async () => {
    // An outside judge: Python's http.server and hmac, not our own verifySignature.
    const script = `
import hashlib, hmac, json, sys
from http.server import BaseHTTPRequestHandler, HTTPServer
SECRET = sys.argv[1].encode()
class Hook(BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        expected = "sha256=" + hmac.new(SECRET, body, hashlib.sha256).hexdigest()
        valid = hmac.compare_digest(expected, self.headers.get("X-Situation-Signature", ""))
        print(json.dumps({"valid": valid, "title": json.loads(body)["report"]["title"]}), flush=True)
        self.send_response(200 if valid else 401)
        self.end_headers()
    def log_message(self, *args):
        pass
server = HTTPServer(("127.0.0.1", 0), Hook)
print(server.server_address[1], flush=True)
server.serve_forever()
`;
    const python = spawn("python3", ["-c", script, SECRET], { stdio: ["ignore", "pipe", "inherit"] });
    try {
      const lines = readline.createInterface({ input: python.stdout })[Symbol.asyncIterator]();
      const port = Number((await lines.next()).value);
      const hook = await createHook({ url: `http://127.0.0.1:${port}/hook`, secret: SECRET, filter: { faction: "isis" } });
      expect(hook.status).toBe(201);
      await post({ title: "IS strike near Palmyra: ünïcödé ✓", events: [strike("isis", "palmyra")] });
      expect(JSON.parse((await lines.next()).value as string)).toEqual({ valid: true, title: "IS strike near Palmyra: ünïcödé ✓" });
    } finally {
      python.kill();
    }
  });

  it("keeps what a dead receiver missed through a server restart, and delivers it in seq order once it is back", async () => {
    const receiver = await newReceiver();
    const port = receiver.port;
    const hook = await createHook({ url: receiver.url, secret: SECRET, filter: { faction: "sdf" } });
    await receiver.stop(); // dead: connections refused
    for (const n of [1, 2, 3]) await post({ title: `SDF report ${n}`, events: [strike("sdf", "raqqa")] });
    await waitFor(
      "a failed attempt",
      async () => (await call(server.url, "GET", `/api/webhooks/${hook.body.id}/deliveries`, { token: admin })).body as { error: string | null }[],
      (list) => list.some((d) => d.error !== null),
    );
    await server.stop();
    await receiver.start(port);
    server = await startServer({ dbFile: server.dbFile, env: ENV });
    admin = await login(server.url);
    const received = await waitFor(
      "the three reports",
      () => receiver.received,
      (list) => new Set(list.map((r) => r.payload.seq)).size >= 3,
    );
    const order = [...new Map(received.map((r) => [r.payload.seq, r.payload.report.title])).entries()];
    expect(order.map(([, title]) => title)).toEqual(["SDF report 1", "SDF report 2", "SDF report 3"]);
    expect(order.map(([seq]) => seq)).toEqual([...order.map(([seq]) => seq)].sort((a, b) => a - b));

    // Deleted: nothing more is sent, and its history goes with it.
    expect((await call(server.url, "DELETE", `/api/webhooks/${hook.body.id}`, { token: admin })).status).toBe(204);
    expect((await call(server.url, "GET", `/api/webhooks/${hook.body.id}/deliveries`, { token: admin })).status).toBe(404);
    expect((await call(server.url, "DELETE", `/api/webhooks/${hook.body.id}`, { token: admin })).status).toBe(404);
  });
});
