/**
 * The OpenAPI document tells the truth about answers: one server, every operation called at least once
 * with success and with a representative error, and each answer's status, content type and body checked
 * against the schema the served /api/openapi.json gives for that operation and status (Ajv, JSON Schema
 * 2020-12, the dialect of OpenAPI 3.1). An undocumented status fails as well as a body that does not fit.
 */
import Ajv2020, { type ValidateFunction } from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, reportBody, type ApiResponse } from "./support/api";
import { startServer, type RunningServer } from "./support/server-process";

const PASSWORD = "a long enough password for the openapi test";
const DOC_ID = "https://situation-desk.invalid/openapi.json";

type Json = Record<string, unknown>;
interface ResponseObject {
  description: string;
  content?: Record<string, { schema: Json }>;
  $ref?: string;
}
interface OperationObject {
  responses: Record<string, ResponseObject>;
}

let server: RunningServer;
let document: { paths: Record<string, Record<string, OperationObject>>; components: { responses: Record<string, ResponseObject> } };
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
const validators = new Map<string, ValidateFunction>();
/** `METHOD /path status` of every checked answer. */
const seen = new Set<string>();

/** The documented path template a concrete path matches, e.g. /api/reports/{id}. */
function templateOf(path: string): string {
  const pathname = path.split("?")[0]!;
  const match = Object.keys(document.paths).find((template) => new RegExp(`^${template.replace(/\./g, "\\.").replace(/\{\w+\}/g, "[^/]+")}$`).test(pathname));
  if (!match) throw new Error(`${pathname} is not in the document`);
  return match;
}

function validatorFor(key: string, schema: Json): ValidateFunction {
  let validate = validators.get(key);
  if (!validate) {
    // The document's own references (#/components/...) resolved against the document added below.
    const absolute = JSON.parse(JSON.stringify(schema).replaceAll('"$ref":"#/', `"$ref":"${DOC_ID}#/`)) as Json;
    validate = ajv.compile(absolute);
    validators.set(key, validate);
  }
  return validate;
}

/** Checks one answer against the document and records it; returns the body for the next step. */
function check<T>(method: string, path: string, response: ApiResponse<T>): T {
  const template = templateOf(path);
  const operation = document.paths[template]?.[method.toLowerCase()];
  const where = `${method} ${template} → ${response.status}`;
  expect(operation, `${method} ${template} is documented`).toBeDefined();
  let answer = operation!.responses[String(response.status)];
  expect(answer, `${where}: this status is documented`).toBeDefined();
  if (answer!.$ref) answer = document.components.responses[answer!.$ref.split("/").at(-1)!];
  const contentType = (response.headers.get("content-type") ?? "").split(";")[0]!.trim();
  if (!answer!.content) {
    expect(response.body, `${where}: no body`).toBeFalsy();
  } else {
    const media = answer!.content[contentType];
    expect(media, `${where}: content type ${contentType} is documented (${Object.keys(answer!.content).join(", ")})`).toBeDefined();
    const validate = validatorFor(`${where} ${contentType}`, media!.schema);
    const valid = validate(response.body);
    expect(valid ? [] : validate.errors!.map((e) => `${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`), `${where}: body fits the schema`).toEqual(
      [],
    );
  }
  seen.add(`${method} ${template} ${response.status}`);
  return response.body;
}

async function send<T = any>(method: string, path: string, options: Parameters<typeof call>[3] = {}): Promise<ApiResponse<T>> {
  const response = await call<T>(server.url, method, path, options);
  check(method, path, response);
  return response;
}

/** The code from the server's setup log line. */
async function setupCode(): Promise<string> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const line = server.logs.find((l) => l.includes("/setup?code="));
    if (line) return new URL((JSON.parse(line) as { setupUrl: string }).setupUrl).searchParams.get("code")!;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("no setup link in the log");
}

beforeAll(async () => {
  server = await startServer({ env: { ADMIN_EMAIL: "", ADMIN_PASSWORD: "", WEBHOOK_ALLOW_HOSTS: "127.0.0.1" } });
  const served = await call(server.url, "GET", "/api/openapi.json");
  expect(served.status).toBe(200);
  document = served.body as typeof document;
  ajv.addSchema({ ...(document as unknown as Json), $id: DOC_ID });
});
afterAll(async () => {
  await server?.stop();
});

describe("every operation's answers fit the served OpenAPI document", () => {
  let admin: string;
  let editor: { id: string; token: string };
  let published: { id: string; version: number };
  let draftId: string;

  it("first run, accounts, users and tokens", async () => {
    expect((await send("GET", "/api/health")).body.setup).toBe("required");
    const code = await setupCode();
    expect((await send("POST", "/api/setup", { body: { code: "x".repeat(43), email: "first@test.invalid", name: "First", password: PASSWORD } })).status).toBe(
      403,
    );
    expect((await send("POST", "/api/setup", { body: { code, email: "not an email", name: "", password: "short" } })).status).toBe(400);
    const setUp = await send<{ token: string }>("POST", "/api/setup", { body: { code, email: "first@test.invalid", name: "First Admin", password: PASSWORD } });
    expect(setUp.status).toBe(201);
    admin = setUp.body.token;
    expect((await send("POST", "/api/setup", { body: { code, email: "second@test.invalid", name: "Second", password: PASSWORD } })).status).toBe(404);
    expect((await send("GET", "/api/health")).status).toBe(200);

    expect((await send("POST", "/api/auth/login", { body: { email: "first@test.invalid", password: PASSWORD } })).status).toBe(200);
    expect((await send("POST", "/api/auth/login", { body: { email: "first@test.invalid", password: "wrong password here" } })).status).toBe(401);
    expect((await send("POST", "/api/auth/login", { raw: "{", headers: { "content-type": "application/json" } })).status).toBe(400);
    expect((await send("GET", "/api/auth/me", { token: admin })).status).toBe(200);
    expect((await send("GET", "/api/auth/me")).status).toBe(401);

    const created = await send<{ id: string }>("POST", "/api/users", {
      token: admin,
      body: { email: "ed@test.invalid", name: "Ed Itor", password: PASSWORD, role: "editor" },
    });
    expect(created.status).toBe(201);
    expect(
      (await send("POST", "/api/users", { token: admin, body: { email: "ed@test.invalid", name: "Ed", password: PASSWORD, role: "editor" } })).status,
    ).toBe(409);
    expect((await send("POST", "/api/users", { token: admin, body: "text", headers: { "content-type": "text/plain" } })).status).toBe(415);
    expect((await send("GET", "/api/users", { token: admin })).status).toBe(200);
    expect((await send("GET", "/api/users")).status).toBe(401);
    const login = await send<{ token: string }>("POST", "/api/auth/login", { body: { email: "ed@test.invalid", password: PASSWORD } });
    editor = { id: created.body.id, token: login.body.token };
    expect((await send("GET", "/api/users", { token: editor.token })).status).toBe(403);
    expect((await send("PATCH", `/api/users/${editor.id}`, { token: admin, body: { role: "editor" } })).status).toBe(200);
    expect((await send("PATCH", "/api/users/no-such-user", { token: admin, body: { disabled: true } })).status).toBe(404);

    const issued = await send<{ id: string }>("POST", `/api/users/${editor.id}/tokens`, { token: admin, body: { label: "Wire ingester", expiresInDays: 30 } });
    expect(issued.status).toBe(201);
    expect((await send("POST", `/api/users/${editor.id}/tokens`, { token: admin, body: { label: "" } })).status).toBe(400);
    expect((await send("GET", `/api/users/${editor.id}/tokens`, { token: admin })).status).toBe(200);
    expect((await send("GET", "/api/users/no-such-user/tokens", { token: admin })).status).toBe(404);
    expect((await send("DELETE", `/api/tokens/${issued.body.id}`, { token: admin })).status).toBe(204);
    expect((await send("DELETE", `/api/tokens/${issued.body.id}`, { token: admin })).status).toBe(404);

    // A user of their own for the password change (it ends their other sessions).
    await send("POST", "/api/users", { token: admin, body: { email: "vi@test.invalid", name: "Vi", password: PASSWORD, role: "viewer" } });
    const viewer = (await send<{ token: string }>("POST", "/api/auth/login", { body: { email: "vi@test.invalid", password: PASSWORD } })).body.token;
    expect(
      (await send("POST", "/api/auth/password", { token: viewer, body: { currentPassword: "not the password", newPassword: `${PASSWORD} 2` } })).status,
    ).toBe(400);
    expect((await send("POST", "/api/auth/password", { token: viewer, body: { currentPassword: PASSWORD, newPassword: `${PASSWORD} 2` } })).status).toBe(204);
    expect((await send("POST", "/api/auth/logout", { token: viewer })).status).toBe(204);
    expect((await send("POST", "/api/auth/logout", { token: "not-a-token" })).status).toBe(401);
  });

  it("reference data and map shapes", async () => {
    expect((await send("GET", "/api/factions")).status).toBe(200);
    expect((await send("GET", "/api/factions", { token: "not-a-token" })).status).toBe(401);
    expect((await send("GET", "/api/regions")).status).toBe(200);
    expect((await send("GET", "/api/regions", { headers: { authorization: "Basic abc" } })).status).toBe(401);
    expect((await send("GET", "/api/places")).status).toBe(200);
    expect((await send("GET", "/api/places?region=atlantis")).status).toBe(400);
    const place = { slug: "openapi-village", name: "OpenAPI Village", lat: 35.1, lon: 36.7, kind: "village", region: "hama", names: { nl: "OpenAPI-dorp" } };
    expect((await send("POST", "/api/places", { token: editor.token, body: place })).status).toBe(201);
    expect((await send("POST", "/api/places", { token: editor.token, body: place })).status).toBe(409);
    expect((await send("POST", "/api/places", { body: place })).status).toBe(401);
    for (const path of ["/api/regions.geojson", "/api/map/basemap.geojson", "/api/map/zones.geojson"]) {
      expect((await send("GET", path)).status, path).toBe(200);
      expect((await send("GET", path, { token: "not-a-token" })).status, path).toBe(401);
    }
  });

  it("reports: post, list, read, correct, publish, retract", async () => {
    const posted = await send<{ id: string; version: number }>("POST", "/api/reports", {
      token: editor.token,
      body: reportBody(1, { key: true, sources: [{ name: "Wire", url: "https://example.org/a" }] }),
      headers: { "idempotency-key": "openapi-1" },
    });
    expect(posted.status).toBe(201);
    published = posted.body;
    expect((await send("POST", "/api/reports", { token: editor.token, body: reportBody(2), headers: { "idempotency-key": "openapi-1" } })).status).toBe(409);
    expect((await send("POST", "/api/reports", { token: editor.token, body: { ...reportBody(3), events: [] } })).status).toBe(400);
    expect(
      (
        await send("POST", "/api/reports", {
          token: editor.token,
          raw: JSON.stringify({ ...reportBody(4), body: "x".repeat(2_000_000) }),
          headers: { "content-type": "application/json" },
        })
      ).status,
    ).toBe(413);
    const movements = [
      { type: "advance", occurredAt: "2024-12-07T10:00:00Z", confidence: "claimed", faction: "hts", toward: "hama", from: "aleppo", distanceKm: 12 },
      { type: "withdrawal", occurredAt: "2024-12-07T11:00:00Z", confidence: "reported", faction: "government", from: ["aleppo"], to: "homs" },
      {
        type: "evacuation",
        occurredAt: "2024-12-07T11:30:00Z",
        confidence: "confirmed",
        faction: "russia",
        personnel: "diplomats",
        from: "damascus",
        to: "moscow",
        mode: "air",
      },
      { type: "strike", occurredAt: "2024-12-07T12:30:00Z", confidence: "reported", faction: "government", place: "idlib" },
    ];
    const draft = await send<{ id: string }>("POST", "/api/reports", { token: editor.token, body: reportBody(5, { status: "draft", events: movements }) });
    expect(draft.status).toBe(201);
    draftId = draft.body.id;

    expect((await send("GET", "/api/reports?limit=1", { token: editor.token })).status).toBe(200);
    expect((await send("GET", "/api/reports?status=draft")).status).toBe(403);
    expect((await send("GET", "/api/reports?limit=0")).status).toBe(400);

    const corrected = await send<{ version: number }>("PATCH", `/api/reports/${published.id}`, {
      token: editor.token,
      body: { version: published.version, reason: "Fixed the title", title: "Corrected title" },
    });
    expect(corrected.status).toBe(200);
    expect(
      (await send("PATCH", `/api/reports/${published.id}`, { token: editor.token, body: { version: published.version, reason: "Stale", title: "Stale" } }))
        .status,
    ).toBe(409);
    expect((await send("PATCH", "/api/reports/no-such-report", { token: editor.token, body: { version: 1, title: "x" } })).status).toBe(404);
    const read = await send<{ revisions?: unknown[] }>("GET", `/api/reports/${published.id}`);
    expect(read.status).toBe(200);
    expect(read.body.revisions).toHaveLength(1);
    expect((await send("GET", `/api/reports/${draftId}`)).status).toBe(404);

    expect((await send("POST", `/api/reports/${draftId}/publish`, { token: editor.token })).status).toBe(200);
    expect((await send("POST", `/api/reports/${draftId}/publish`, { token: editor.token })).status).toBe(409);
    expect((await send("POST", `/api/reports/${published.id}/retract`, { token: editor.token, body: { reason: "Wrong town" } })).status).toBe(200);
    expect((await send("POST", `/api/reports/${published.id}/retract`, { token: editor.token, body: { reason: "Again" } })).status).toBe(409);
    expect((await send("POST", `/api/reports/${published.id}/retract`, { token: editor.token, body: {} })).status).toBe(400);
  });

  it("a cookie-authenticated write from another site is refused", async () => {
    const login = await call(server.url, "POST", "/api/auth/login", { body: { email: "ed@test.invalid", password: PASSWORD } });
    const cookie = login.headers.get("set-cookie")!.split(";")[0]!;
    expect((await send("POST", `/api/reports/${draftId}/publish`, { headers: { cookie, origin: "https://evil.example" } })).status).toBe(403);
  });

  it("the feed, health, derived views, exports and statistics", async () => {
    const feed = await send<{ entries: unknown[] }>("GET", "/api/feed?after=0");
    expect(feed.status).toBe(200);
    expect(feed.body.entries.length).toBeGreaterThanOrEqual(4);
    expect((await send("GET", "/api/feed?after=-1")).status).toBe(400);
    expect((await send("GET", "/api/health", { token: "not-a-token" })).status).toBe(401);
    expect((await send("GET", "/api/openapi.json")).status).toBe(200);
    expect((await send("GET", "/api/openapi.json", { token: "not-a-token" })).status).toBe(401);

    expect((await send("GET", "/api/control?known=2024-12-08T00:00:00Z")).status).toBe(200);
    expect((await send("GET", "/api/control?at=yesterday")).status).toBe(400);
    const events = await send<{ events: unknown[] }>("GET", "/api/events?limit=2");
    expect(events.status).toBe(200);
    expect(events.body.events.length).toBeGreaterThan(0);
    expect((await send("GET", "/api/events?order=desc&limit=1000")).status).toBe(200);
    expect((await send("GET", "/api/events?type=parade")).status).toBe(400);
    expect((await send("GET", "/api/events.csv?comment=false")).status).toBe(200);
    expect((await send("GET", "/api/events.csv?confidence=rumour")).status).toBe(400);
    expect((await send("GET", "/api/events.geojson?region=hama")).status).toBe(200);
    expect((await send("GET", "/api/events.geojson?from=soon")).status).toBe(400);
    for (const path of ["/api/stats/control", "/api/stats/events"]) {
      expect((await send("GET", `${path}?from=2024-12-06T00:00:00Z&to=2024-12-09T00:00:00Z&bucket=day`)).status, path).toBe(200);
      expect((await send("GET", `${path}?bucket=week`)).status, path).toBe(400);
    }
    expect((await send("GET", "/api/stats/counts")).status).toBe(200);
    expect((await send("GET", "/api/stats/counts?faction=martians")).status).toBe(400);
    expect((await send("GET", "/api/timeline?region=homs")).status).toBe(200);
    expect((await send("GET", "/api/timeline?region=atlantis")).status).toBe(400);
    expect((await send("GET", "/api/audit?limit=5", { token: admin })).status).toBe(200);
    expect((await send("GET", "/api/audit?limit=5000", { token: admin })).status).toBe(400);
  });

  it("situations, their factions and baseline, and every situation resource under /api/situations/{slug}/", async () => {
    expect((await send("GET", "/api/situations")).status).toBe(200);
    expect((await send("GET", "/api/situations", { token: "not-a-token" })).status).toBe(401);
    const lebanon = { slug: "lebanon", name: "Lebanon", names: { nl: "Libanon" }, countries: ["LB"] };
    expect((await send("POST", "/api/situations", { token: admin, body: lebanon })).status).toBe(201);
    expect((await send("POST", "/api/situations", { token: admin, body: lebanon })).status).toBe(409);
    expect((await send("POST", "/api/situations", { token: admin, body: { ...lebanon, slug: "x", countries: ["XX"] } })).status).toBe(400);
    expect((await send("GET", "/api/situations/lebanon")).status).toBe(200);
    expect((await send("GET", "/api/situations/atlantis")).status).toBe(404);
    expect((await send("PATCH", "/api/situations/lebanon", { token: admin, body: { names: { ar: "لبنان" } } })).status).toBe(200);
    expect((await send("PATCH", "/api/situations/lebanon", { token: admin, body: {} })).status).toBe(400);

    const faction = { slug: "test-militia", name: "Test militia", kind: "militia", color: "#009E73" };
    expect((await send("POST", "/api/factions", { token: editor.token, body: faction })).status).toBe(201);
    expect((await send("POST", "/api/factions", { token: editor.token, body: faction })).status).toBe(409);
    expect((await send("PATCH", "/api/factions/test-militia", { token: editor.token, body: { color: "#CC79A7" } })).status).toBe(200);
    expect((await send("PATCH", "/api/factions/no-such-faction", { token: editor.token, body: { color: "#CC79A7" } })).status).toBe(404);
    expect((await send("GET", "/api/baseline")).status).toBe(200);
    expect((await send("GET", "/api/baseline", { token: "not-a-token" })).status).toBe(401);
    const beirut = { at: "2024-01-01T00:00:00Z", assignments: [{ place: "beirut", faction: "test-militia" }] };
    expect((await send("POST", "/api/situations/lebanon/factions", { token: editor.token, body: faction })).status).toBe(201);
    expect((await send("PUT", "/api/situations/lebanon/baseline", { token: editor.token, body: beirut })).status).toBe(200);
    // The default's baseline put back as it is (each place to its holder).
    const current = (await send<{ at: string; places: { place: string; faction: string }[] }>("GET", "/api/baseline")).body;
    expect((await send("PUT", "/api/baseline", { token: editor.token, body: { at: current.at, assignments: current.places } })).status).toBe(200);
    expect((await send("GET", "/api/baseline")).body).toEqual(current);
    const elsewhere = { at: beirut.at, assignments: [{ region: "beqaa", faction: "test-militia" }] };
    expect((await send("PUT", "/api/baseline", { token: editor.token, body: elsewhere })).status).toBe(400);

    // Every resource of a situation under its slug (here Syria's, which the tests above filled), and 404 for a slug no situation has.
    const range = "from=2024-12-06T00:00:00Z&to=2024-12-09T00:00:00Z&bucket=day";
    const reads: [string, string?][] = [
      ["factions"],
      ["regions"],
      ["regions.geojson"],
      ["places?q=hama"],
      ["baseline"],
      ["feed?after=0"],
      ["control"],
      ["events?limit=2"],
      ["events.csv"],
      ["events.geojson"],
      [`stats/control?${range}`],
      [`stats/events?${range}`],
      ["stats/counts"],
      ["timeline"],
      ["map/zones.geojson"],
      ["map/basemap.geojson"],
      ["audit?limit=2", admin],
      ["reports?limit=1", editor.token],
      [`reports/${published.id}`],
    ];
    for (const [path, token] of reads) {
      expect((await send("GET", `/api/situations/syria/${path}`, { token })).status, path).toBe(200);
      expect((await send("GET", `/api/situations/atlantis/${path}`, { token })).status, path).toBe(404);
    }
    const writes: [string, string, unknown, number][] = [
      ["POST", "places", { slug: "scoped-village", name: "Scoped Village", lat: 35.2, lon: 36.8, kind: "village" }, 201],
      ["POST", "factions", { ...faction, slug: "scoped-militia" }, 201],
      ["PATCH", "factions/scoped-militia", { name: "Scoped militia" }, 200],
      ["PUT", "baseline", { at: "2024-01-01T00:00:00Z", assignments: [{ region: "hama", faction: "government" }] }, 200],
    ];
    for (const [method, path, body, status] of writes) {
      expect((await send(method, `/api/situations/syria/${path}`, { token: editor.token, body })).status, path).toBe(status);
      expect((await send(method, `/api/situations/atlantis/${path}`, { token: editor.token, body })).status, path).toBe(404);
    }
    const posted = await send<{ id: string; version: number }>("POST", "/api/situations/syria/reports", { token: editor.token, body: reportBody(40) });
    expect(posted.status).toBe(201);
    expect((await send("POST", "/api/situations/atlantis/reports", { token: editor.token, body: reportBody(41) })).status).toBe(404);
    const corrected = await send("PATCH", `/api/situations/syria/reports/${posted.body.id}`, {
      token: editor.token,
      body: { version: posted.body.version, reason: "Scoped fix", title: "Scoped" },
    });
    expect(corrected.status).toBe(200);
    expect((await send("PATCH", `/api/situations/atlantis/reports/${posted.body.id}`, { token: editor.token, body: { version: 2, title: "x" } })).status).toBe(
      404,
    );
    const draft = await send<{ id: string }>("POST", "/api/situations/syria/reports", { token: editor.token, body: reportBody(42, { status: "draft" }) });
    expect((await send("POST", `/api/situations/syria/reports/${draft.body.id}/publish`, { token: editor.token })).status).toBe(200);
    expect((await send("POST", `/api/situations/atlantis/reports/${draft.body.id}/publish`, { token: editor.token })).status).toBe(404);
    expect((await send("POST", `/api/situations/syria/reports/${draft.body.id}/retract`, { token: editor.token, body: { reason: "Scoped" } })).status).toBe(
      200,
    );
    expect((await send("POST", `/api/situations/atlantis/reports/${draft.body.id}/retract`, { token: editor.token, body: { reason: "x" } })).status).toBe(404);
    // An archived situation takes no writes (409).
    expect((await send("PATCH", "/api/situations/lebanon", { token: admin, body: { archived: true } })).status).toBe(200);
    expect((await send("PATCH", "/api/situations/syria", { token: admin, body: { archived: true } })).status).toBe(409);
    expect((await send("POST", "/api/situations/lebanon/factions", { token: editor.token, body: { ...faction, slug: "late" } })).status).toBe(409);
  });

  it("imports and the actor map, as v1 paths and under /api/situations/{slug}/", async () => {
    const acled = [
      "event_id_cnty,event_date,sub_event_type,actor1,actor2,admin1,location,latitude,longitude,geo_precision,source,notes,fatalities,timestamp",
      "OAS1,2024-12-05,Government regains territory,Military Forces of Syria (2000-2024),,Hama,Hama,35.1318,36.7578,1,Test Wire,Invented row.,0,1733000000",
      "OAS2,2024-12-05,Armed clash,Military Forces of Syria (2000-2024),,Hama,Hama,35.1318,36.7578,1,Test Wire,Invented row.,0,1733000000",
    ].join("\n");
    const csv = { "content-type": "text/csv" };
    for (const base of ["/api", "/api/situations/syria"]) {
      expect((await send("PUT", `${base}/actor-map`, { token: editor.token, body: { "Military Forces of Syria (2000-2024)": "government" } })).status).toBe(
        200,
      );
      expect((await send("PUT", `${base}/actor-map`, { token: editor.token, body: { Someone: "no-such-faction" } })).status).toBe(400);
      expect((await send("GET", `${base}/actor-map`, { token: editor.token })).status).toBe(200);
      expect((await send("GET", `${base}/actor-map`)).status).toBe(401);
      expect((await send("POST", `${base}/imports?format=acled&dryRun=true`, { token: editor.token, raw: acled, headers: csv })).status).toBe(200);
      expect((await send("POST", `${base}/imports?format=acled`, { token: editor.token, raw: acled, headers: csv })).status).toBe(201);
      expect((await send("POST", `${base}/imports?format=acled`, { token: editor.token, raw: "a,b\n1,2\n", headers: csv })).status).toBe(400);
      const imports = await send<{ id: string }[]>("GET", `${base}/imports`, { token: editor.token });
      expect(imports.status).toBe(200);
      expect((await send("GET", `${base}/imports`)).status).toBe(401);
      expect((await send("GET", `${base}/imports/${imports.body[0]!.id}`, { token: editor.token })).status).toBe(200);
      expect((await send("GET", `${base}/imports/no-such-import`, { token: editor.token })).status).toBe(404);
    }
  });

  it("the Atom feed and the text, PNG and SVG snapshots, as a v1 path and under /api/situations/{slug}/", async () => {
    for (const base of ["/api", "/api/situations/syria"]) {
      expect((await send("GET", `${base}/feed.atom?type=strike&lang=nl`)).status).toBe(200);
      expect((await send("GET", `${base}/feed.atom?type=parade`)).status).toBe(400);
      expect((await send("GET", `${base}/snapshot.txt?at=2024-12-07T12:00:00Z&lang=nl`)).status).toBe(200);
      expect((await send("GET", `${base}/snapshot.txt?view=globe`)).status).toBe(400);
      expect((await send("GET", `${base}/snapshot.png?at=2024-12-07T12:00:00Z&width=400&height=300`)).status).toBe(200);
      expect((await send("GET", `${base}/snapshot.png?width=5000`)).status).toBe(400);
      expect((await send("GET", `${base}/snapshot.svg?view=events&at=2024-12-07T12:00:00Z&lang=nl`)).status).toBe(200);
      expect((await send("GET", `${base}/snapshot.svg?view=globe`)).status).toBe(400);
    }
  });

  it("oEmbed for a dashboard and an embed; 404 for another site's page", async () => {
    const origin = new URL(server.url).origin;
    expect((await send("GET", `/api/oembed?url=${encodeURIComponent(`${origin}/s/syria?t=2024-12-07T12:00:00Z`)}&maxwidth=600`)).status).toBe(200);
    expect((await send("GET", `/api/oembed?url=${encodeURIComponent(`${origin}/embed/s/syria?view=feed`)}`)).status).toBe(200);
    expect((await send("GET", `/api/oembed?url=${encodeURIComponent("https://elsewhere.example/s/syria")}`)).status).toBe(404);
    expect((await send("GET", "/api/oembed?url=nonsense")).status).toBe(400);
  });

  it("webhooks: register, list, their deliveries, delete", async () => {
    // Port 9 (discard) refuses: deliveries fail, which is what the deliveries list then shows.
    const made = await send<{ id: string }>("POST", "/api/webhooks", {
      token: admin,
      body: { url: "http://127.0.0.1:9/hook", secret: "0123456789abcdef0123" },
    });
    expect(made.status).toBe(201);
    expect((await send("POST", "/api/webhooks", { token: admin, body: { url: "http://10.0.0.1/hook", secret: "0123456789abcdef0123" } })).status).toBe(400);
    expect((await send("GET", "/api/webhooks", { token: admin })).status).toBe(200);
    expect((await send("GET", "/api/webhooks")).status).toBe(401);
    expect((await send("GET", `/api/webhooks/${made.body.id}/deliveries`, { token: admin })).status).toBe(200);
    expect((await send("GET", "/api/webhooks/no-such-webhook/deliveries", { token: admin })).status).toBe(404);
    expect((await send("DELETE", `/api/webhooks/${made.body.id}`, { token: admin })).status).toBe(204);
    expect((await send("DELETE", `/api/webhooks/${made.body.id}`, { token: admin })).status).toBe(404);
  });

  it("called every operation with a success and an error", () => {
    const missing: string[] = [];
    for (const [template, item] of Object.entries(document.paths)) {
      for (const method of Object.keys(item)) {
        const statuses = [...seen].filter((key) => key.startsWith(`${method.toUpperCase()} ${template} `)).map((key) => Number(key.split(" ").at(-1)));
        if (!statuses.some((s) => s < 300)) missing.push(`${method.toUpperCase()} ${template}: no success`);
        if (!statuses.some((s) => s >= 400)) missing.push(`${method.toUpperCase()} ${template}: no error`);
      }
    }
    expect(missing).toEqual([]);
  });
});
