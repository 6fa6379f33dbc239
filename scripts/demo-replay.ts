/**
 * npm run demo:replay — posts the demo's held-back last day (7 December 2024) to a running server as
 * new reports, one every few seconds, through the public API like any newsroom script, so that `/` and
 * `/wall` visibly move. Reports already on the desk (same title) are skipped, so it is safe to run twice.
 *
 *   SD_EMAIL=you@example.org SD_PASSWORD='…' npm run demo:replay
 *   SD_TOKEN=<API token> npm run demo:replay -- --url http://localhost:3000 --every 5
 */
import { parseArgs } from "node:util";
import { splitDemoReports } from "../server/seed/demo-scenario";

const { values } = parseArgs({
  options: {
    url: { type: "string", default: process.env.SD_URL ?? `http://localhost:${process.env.PORT ?? 3000}` },
    every: { type: "string", default: "5" },
    help: { type: "boolean", default: false },
  },
});

function fail(message: string): never {
  process.stderr.write(`demo:replay: ${message}\n`);
  process.exit(1);
}

if (values.help) {
  process.stdout.write("Usage: SD_EMAIL=… SD_PASSWORD=… (or SD_TOKEN=…) npm run demo:replay -- [--url http://localhost:3000] [--every 5]\n");
  process.exit(0);
}
const base = values.url.replace(/\/+$/, "");
const everyMs = Number(values.every) * 1000;
if (!Number.isFinite(everyMs) || everyMs < 0 || everyMs > 3_600_000) fail(`--every must be a number of seconds from 0 to 3600, not '${values.every}'.`);

async function call<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`${base}${path}`, {
      method,
      headers: { "content-type": "application/json", ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    fail(`no answer from ${base}: is the server running (npm start)? Give another address with --url.`);
  }
  const text = await response.text();
  const parsed = text ? (JSON.parse(text) as T & { error?: { message: string } }) : ({} as T & { error?: { message: string } });
  if (!response.ok) fail(`${method} ${path} → ${response.status}: ${parsed.error?.message ?? text.slice(0, 200)}`);
  return parsed;
}

async function token(): Promise<string> {
  if (process.env.SD_TOKEN) return process.env.SD_TOKEN;
  const { SD_EMAIL: email, SD_PASSWORD: password } = process.env;
  if (!email || !password) fail("sign in as an editor: set SD_EMAIL and SD_PASSWORD, or SD_TOKEN (an API token from Desk › Admin).");
  return (await call<{ token: string }>("POST", "/api/auth/login", { email, password })).token;
}

async function main(): Promise<void> {
  const auth = { authorization: `Bearer ${await token()}` };
  const { reports: present } = await call<{ reports: { title: string }[] }>("GET", "/api/reports?limit=200", undefined, auth);
  const titles = new Set(present.map((report) => report.title));
  const { heldBack } = splitDemoReports();
  const todo = heldBack.filter((report) => !titles.has(report.title));
  if (todo.length === 0) {
    process.stdout.write(`The demo's last day is already on this desk (${heldBack.length} reports): nothing to replay.\n`);
    return;
  }
  process.stdout.write(
    `Replaying ${todo.length} reports of ${heldBack[0]!.publishedAt.slice(0, 10)} to ${base}, one every ${everyMs / 1000} s. Watch ${base}/ and ${base}/wall.\n`,
  );
  for (const [index, { publishedAt: _publishedAt, ...report }] of todo.entries()) {
    if (index > 0) await new Promise((resolve) => setTimeout(resolve, everyMs));
    // A fixed key per report: a run cut off mid-post and started again cannot post it twice.
    const key = `demo-replay-${heldBack.findIndex((held) => held.title === report.title)}`;
    const posted = await call<{ id: string; title: string }>("POST", "/api/reports", report, { ...auth, "idempotency-key": key });
    process.stdout.write(`  posted ${posted.title} (${posted.id})\n`);
  }
  process.stdout.write("Done.\n");
}

void main();
