/**
 * `npm run bench:import` (issue #18): a year of ACLED-format rows for one war (100,000 by default;
 * `-- --rows=N`) imported through `POST /api/imports` into a fresh server: the dry run, the import
 * (published), the same file again. Writes its section of docs/BENCHMARKS.md. The rows are invented
 * (seeded, spread over Syria, seven sub-event types of which four are mapped), not ACLED's data.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { call, login, tokenFor } from "../tests/integration/support/api";
import { startServer, tempDbFile } from "../tests/integration/support/server-process";
import { codeVersion } from "./code-version";
import { sectionBlock, withNamedSection } from "./page-sections";
import { wholeNumberOption } from "./figures";

const OUT = path.join(__dirname, "..", "docs", "BENCHMARKS.md");
const COLUMNS =
  "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp";
const SUB_EVENTS = [
  "Armed clash",
  "Government regains territory",
  "Non-state actor overtakes territory",
  "Air/drone strike",
  "Shelling/artillery/missile attack",
  "Peaceful protest",
  "Attack",
];
const ACTORS = ["HTS: Hayat Tahrir al-Sham", "Military Forces of Syria (2000-2024)", "Military Forces of Russia (2000-)"];
const ACTOR_MAP = { [ACTORS[0]!]: "hts", [ACTORS[1]!]: "government", [ACTORS[2]!]: "russia" };

/** A small seeded generator (mulberry32): the same file on every run. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function writeFile(file: string, rows: number) {
  const next = random(7);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const out = fs.openSync(file, "w");
  fs.writeSync(out, `${COLUMNS}\n`);
  let chunk = "";
  for (let i = 0; i < rows; i++) {
    const month = 1 + Math.floor((i * 12) / rows);
    const date = `2024-${String(month).padStart(2, "0")}-${String(1 + Math.floor(next() * 28)).padStart(2, "0")}`;
    const lat = (32.5 + next() * 4.5).toFixed(4);
    const lon = (36 + next() * 5.5).toFixed(4);
    chunk += `BENCH${i},${date},2024,1,Political violence,x,${pick(SUB_EVENTS)},${pick(ACTORS)},,1,Civilians (Syria),,7,17,,760,Middle East,Syria,Hama,,,Location ${i % 3000},${lat},${lon},${pick([1, 1, 2, 3])},Test Wire; Other Wire,National,"Invented benchmark row ${i}, not a real event.",0,,${1_700_000_000 + i}\n`;
    if (chunk.length > 1 << 20) {
      fs.writeSync(out, chunk);
      chunk = "";
    }
  }
  fs.writeSync(out, chunk);
  fs.closeSync(out);
}

const peakRssMb = (pid: number) => Math.round(Number(/VmHWM:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) / 1024);

async function main() {
  const rows = wholeNumberOption("rows", 100_000, 1);
  const dbFile = tempDbFile("bench-import");
  const file = path.join(path.dirname(dbFile), "acled.csv");
  writeFile(file, rows);
  const megabytes = Math.round(fs.statSync(file).size / 2 ** 20);
  const server = await startServer({ dbFile });
  try {
    const admin = await login(server.url);
    const editor = (await tokenFor(server.url, admin, "editor")).token;
    await call(server.url, "PUT", "/api/actor-map", { token: editor, body: ACTOR_MAP });
    const send = async (query: string) => {
      const started = performance.now();
      const response = await fetch(`${server.url}/api/imports?format=acled&${query}`, {
        method: "POST",
        headers: { authorization: `Bearer ${editor}`, "content-type": "text/csv" },
        body: fs.createReadStream(file) as unknown as BodyInit,
        duplex: "half",
      } as RequestInit);
      const body = (await response.json()) as { import: { rows: number; created: number; updated: number; skipped: number; newPlaces: unknown[] } };
      if (response.status >= 300 && response.status !== 200) throw new Error(`import answered ${response.status}: ${JSON.stringify(body)}`);
      const seconds = Math.round((performance.now() - started) / 100) / 10;
      const { created, skipped, newPlaces } = body.import;
      console.error(`  ${query || "import"}: ${seconds} s, created ${created}, skipped ${skipped}, new places ${newPlaces.length}`);
      return { seconds, created, skipped, newPlaces: newPlaces.length };
    };
    const dryRun = await send("dryRun=true");
    const imported = await send("publish=true");
    const again = await send("publish=true");
    const peak = peakRssMb(server.child.pid!);
    const feed = (await call(server.url, "GET", "/api/feed?after=0&limit=1")).body as { lastSeq: number };
    const cpu = os.cpus()[0]?.model ?? "unknown CPU";
    const text = `## Importing a year of ACLED (\`bench/import-run.ts\`)

\`npm run build && npm run bench:import\` on ${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}; ${new Date().toISOString().slice(0, 10)}, ${codeVersion()}.
${rows.toLocaleString("en-GB")} invented ACLED-format rows (${megabytes} MB of CSV; seeded, spread over Syria; 4 of the 7 sub-event types
are mapped) sent to \`POST /api/imports?format=acled\` of a fresh SQLite server, streamed from disk.

| step | time | stored | skipped | new places |
|---|---|---|---|---|
| dry run (\`dryRun=true\`) | ${dryRun.seconds} s | ${dryRun.created.toLocaleString("en-GB")} (would be) | ${dryRun.skipped.toLocaleString("en-GB")} | ${dryRun.newPlaces.toLocaleString("en-GB")} (would be) |
| import (\`publish=true\`) | ${imported.seconds} s | ${imported.created.toLocaleString("en-GB")} | ${imported.skipped.toLocaleString("en-GB")} | ${imported.newPlaces.toLocaleString("en-GB")} |
| the same file again | ${again.seconds} s | ${again.created.toLocaleString("en-GB")} | ${again.skipped.toLocaleString("en-GB")} | ${again.newPlaces.toLocaleString("en-GB")} |

Target (issue #18): ≤ 60 s for ~100,000 rows: ${imported.seconds <= 60 ? "met" : "**missed**"}. The feed's last seq afterwards: ${feed.lastSeq.toLocaleString("en-GB")}
(one \`report.published\` per stored row). The server's peak resident memory over the whole run (VmHWM): ${peak} MB.
The rows are placed at random, so thousands of new places are added (a real export's rows repeat their
locations); the same-name and nearest-place lookups are what that costs.`;
    fs.writeFileSync(
      OUT,
      withNamedSection(fs.existsSync(OUT) ? fs.readFileSync(OUT, "utf8") : "# Benchmarks\n", "import-run", sectionBlock("import-run", text)),
    );
    console.log(JSON.stringify({ rows, megabytes, dryRun, imported, again, peakRssMb: peak }));
  } finally {
    await server.stop();
    fs.rmSync(path.dirname(dbFile), { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
