/**
 * The OpenAPI 3.1 document served at /api/openapi.json. Request schemas are generated from the same zod
 * schemas the handlers validate with, so the document cannot drift from what the server accepts.
 */
import { z } from "zod";
import { controlQuerySchema } from "../../lib/schemas/control";
import { eventInputSchema } from "../../lib/schemas/events";
import { feedQuerySchema } from "../../lib/schemas/feed";
import { countsQuerySchema, eventsCsvQuerySchema, eventsExportQuerySchema, eventsQuerySchema, statsQuerySchema } from "../../lib/schemas/event-query";
import { createPlaceSchema } from "../../lib/schemas/reference";
import { auditQuerySchema } from "../../lib/schemas/audit";
import { createReportSchema, listReportsQuerySchema, retractReportSchema, updateReportSchema } from "../../lib/schemas/reports";
import { createUserSchema, issueTokenSchema, loginSchema, updateUserSchema, changePasswordSchema } from "../../lib/schemas/users";
import { setupSchema } from "../../lib/schemas/setup";

const schema = (s: z.ZodType) => z.toJSONSchema(s, { io: "input", unrepresentable: "any" });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const body = (name: string) => ({ required: true, content: { "application/json": { schema: ref(name) } } });
const ok = (description: string, schemaRef?: object) => ({ description, ...(schemaRef ? { content: { "application/json": { schema: schemaRef } } } : {}) });
const errors = (...codes: number[]) => Object.fromEntries(codes.map((code) => [String(code), { $ref: "#/components/responses/Error" }]));
const queryParams = (s: z.ZodObject) =>
  Object.entries(schema(s).properties ?? {}).map(([name, property]) => ({ name, in: "query", required: false, schema: property }));
/** What each export was made for (docs/decisions/0015-exports.md). */
const EXPORT_HEADERS = {
  "X-Export-Filter": { description: "The filter as a canonical query string (empty for none)", schema: { type: "string" } },
  "X-Export-As-Of": { description: "When the export was made (ISO 8601, UTC)", schema: { type: "string", format: "date-time" } },
  "X-Export-Last-Seq": { description: "The feed seq the export reflects", schema: { type: "integer" } },
};
const idParam = { name: "id", in: "path", required: true, schema: { type: "string" } };

const reportSchema = {
  type: "object",
  required: ["id", "status", "title", "body", "sources", "key", "version", "createdAt", "updatedAt", "author", "lastChangedBy", "events"],
  properties: {
    id: { type: "string" },
    status: { enum: ["draft", "published", "retracted"] },
    title: { type: "string" },
    body: { type: "string" },
    sources: { type: "array", items: { type: "object", properties: { name: { type: "string" }, url: { type: "string" } } } },
    key: { type: "boolean" },
    version: { type: "integer" },
    createdAt: { type: "string", format: "date-time" },
    publishedAt: { type: "string", format: "date-time" },
    updatedAt: { type: "string", format: "date-time" },
    retractedAt: { type: "string", format: "date-time" },
    retractionReason: { type: "string" },
    correctionReason: { type: "string" },
    author: { type: "object", properties: { id: { type: "string" }, name: { type: "string" } } },
    lastChangedBy: { type: "object", description: "Who last created, corrected, published or retracted it.", properties: { id: { type: "string" }, name: { type: "string" } } },
    events: { type: "array", items: { allOf: [ref("EventInput"), { type: "object", properties: { id: { type: "string" } } }] } },
    revisions: { type: "array", items: { type: "object" } },
  },
};

export function openApiDocument() {
  return {
    openapi: "3.1.0",
    info: {
      title: "Situation Desk API",
      version: "1",
      description:
        "Public contract v1. Errors always answer {error:{code,message,details}}. Authenticate with the session cookie from /api/auth/login or `Authorization: Bearer <token>`. Live feed: Socket.IO at /socket.io, handshake auth {after: seq}, event `feed` with one FeedEntry.",
    },
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer" }, cookie: { type: "apiKey", in: "cookie", name: "sd_session" } },
      responses: {
        Error: {
          description: "Error",
          content: {
            "application/json": {
              schema: {
                type: "object",
                properties: {
                  error: {
                    type: "object",
                    required: ["code", "message", "details"],
                    properties: {
                      code: { type: "string" },
                      message: { type: "string" },
                      details: { type: "array", items: { type: "object", properties: { path: { type: "string" }, message: { type: "string" } } } },
                    },
                  },
                },
              },
            },
          },
        },
      },
      schemas: {
        Login: schema(loginSchema),
        Setup: schema(setupSchema),
        ChangePassword: schema(changePasswordSchema),
        CreateUser: schema(createUserSchema),
        UpdateUser: schema(updateUserSchema),
        CreatePlace: schema(createPlaceSchema),
        CreateReport: schema(createReportSchema),
        RetractReport: schema(retractReportSchema),
        UpdateReport: schema(updateReportSchema),
        IssueToken: schema(issueTokenSchema),
        EventInput: schema(eventInputSchema),
        Report: reportSchema,
        Health: {
          type: "object",
          required: ["ok", "db", "node", "checks"],
          properties: {
            ok: { type: "boolean" },
            lastSeq: { type: "integer", description: "Absent when the database could not be read" },
            db: { type: "string", enum: ["sqlite", "postgresql"] },
            node: { type: "string", description: "This node's name (NODE_NAME or <host>:<port>)" },
            nodes: {
              type: "array",
              description: "Nodes whose heartbeat was written within the last minute",
              items: { type: "object", required: ["id", "lastSeen", "ok"], properties: { id: { type: "string" }, lastSeen: { type: "string", format: "date-time" }, ok: { type: "boolean", description: "Seen within three heartbeats" } } },
            },
            checks: {
              type: "object",
              required: ["database", "redis"],
              properties: { database: { type: "string", enum: ["ok", "down", "read-only"] }, redis: { type: "string", enum: ["ok", "down", "not used"] } },
            },
            setup: { type: "string", enum: ["required"] },
          },
        },
        FeedEntry: {
          type: "object",
          required: ["seq", "kind", "at", "report"],
          properties: { seq: { type: "integer" }, kind: { enum: ["report.published", "report.corrected", "report.retracted"] }, at: { type: "string", format: "date-time" }, report: ref("Report") },
        },
      },
    },
    paths: {
      "/api/auth/login": { post: { summary: "Sign in; returns a token and sets the session cookie", requestBody: body("Login"), responses: { "200": ok("Signed in"), ...errors(400, 401) } } },
      "/api/setup": {
        post: {
          summary: "First run: create the first admin with the one-time code from the setup link in the server's log; signs them in (token and session cookie). Wrong or used code 403; once anyone can sign in 404",
          requestBody: body("Setup"),
          responses: { "201": ok("Admin created and signed in: {token, user}"), ...errors(400, 403, 404, 409, 429) },
        },
      },
      "/api/auth/password": {
        post: {
          summary: "Change your own password ({currentPassword, newPassword}); your other sessions and tokens end and their sockets close. New passwords: at least 10 characters, not only spaces, not commonly used",
          requestBody: body("ChangePassword"),
          responses: { "204": ok("Changed"), ...errors(400, 401, 429) },
        },
      },
      "/api/auth/logout": { post: { summary: "End this session", responses: { "204": ok("Signed out") } } },
      "/api/auth/me": { get: { summary: "The signed-in user", responses: { "200": ok("User"), ...errors(401) } } },
      "/api/users": {
        get: { summary: "List users (admin)", responses: { "200": ok("Users"), ...errors(401, 403) } },
        post: { summary: "Create a user (admin)", requestBody: body("CreateUser"), responses: { "201": ok("Created"), ...errors(400, 401, 403, 409) } },
      },
      "/api/users/{id}": { patch: { summary: "Change role, disable or set the password (admin); disabling or a new password ends the user's sessions and sockets at once", parameters: [idParam], requestBody: body("UpdateUser"), responses: { "200": ok("Updated"), ...errors(400, 401, 403, 404, 409) } } },
      "/api/users/{id}/tokens": {
        get: { summary: "Extension: a user's live API and display tokens, without secrets (admin)", parameters: [idParam], responses: { "200": ok("Tokens"), ...errors(401, 403) } },
        post: { summary: "Extension: issue an API or display token for a user (admin); the token is returned once", parameters: [idParam], requestBody: body("IssueToken"), responses: { "201": ok("Token"), ...errors(400, 401, 403, 404, 409) } },
      },
      "/api/tokens/{id}": { delete: { summary: "Extension: revoke a token (admin); its requests and sockets stop at once", parameters: [idParam], responses: { "204": ok("Revoked"), ...errors(401, 403, 404) } } },
      "/api/audit": { get: { summary: "Extension: the audit trail, newest first (admin)", parameters: queryParams(auditQuerySchema), responses: { "200": ok("{entries, next?}"), ...errors(400, 401, 403) } } },
      "/api/factions": { get: { summary: "Factions", responses: { "200": ok("Factions") } } },
      "/api/regions": { get: { summary: "Regions (governorates)", responses: { "200": ok("Regions") } } },
      "/api/places": {
        get: { summary: "Gazetteer", parameters: [{ name: "region", in: "query", schema: { type: "string" } }], responses: { "200": ok("Places"), ...errors(400) } },
        post: { summary: "Add a place (editor)", requestBody: body("CreatePlace"), responses: { "201": ok("Created"), ...errors(400, 401, 403, 409) } },
      },
      "/api/reports": {
        get: { summary: "Reports, newest first", parameters: queryParams(listReportsQuerySchema), responses: { "200": ok("Page of reports"), ...errors(400, 403) } },
        post: {
          summary: "Post a report (editor). Idempotency-Key header: a repeat returns the first response.",
          parameters: [{ name: "Idempotency-Key", in: "header", schema: { type: "string", maxLength: 255 } }],
          requestBody: body("CreateReport"),
          responses: { "201": ok("Created", ref("Report")), ...errors(400, 401, 403, 409, 413, 415) },
        },
      },
      "/api/reports/{id}": {
        get: { summary: "One report with revisions", parameters: [idParam], responses: { "200": ok("Report", ref("Report")), ...errors(404) } },
        patch: {
          summary: "Edit a draft or correct a published report (editor): version must be current (else 409, nothing changes); a correction needs a reason, keeps the earlier version in revisions and appends report.corrected",
          parameters: [idParam],
          requestBody: body("UpdateReport"),
          responses: { "200": ok("Updated", ref("Report")), ...errors(400, 401, 403, 404, 409, 413) },
        },
      },
      "/api/reports/{id}/publish": { post: { summary: "Publish a draft (editor): appends report.published once; anything not a draft (also the losers of concurrent publishes) → 409, nothing changes", parameters: [idParam], responses: { "200": ok("Published", ref("Report")), ...errors(401, 403, 404, 409) } } },
      "/api/reports/{id}/retract": { post: { summary: "Retract a published report (editor): appends report.retracted once; anything not published (also the losers of concurrent retractions) → 409, nothing changes", parameters: [idParam], requestBody: body("RetractReport"), responses: { "200": ok("Retracted", ref("Report")), ...errors(400, 401, 403, 404, 409) } } },
      "/api/feed": { get: { summary: "Feed entries after a seq", parameters: queryParams(feedQuerySchema), responses: { "200": ok("Entries and lastSeq"), ...errors(400) } } },
      "/api/control": { get: { summary: "Who holds each place at a time (known: as known then)", parameters: queryParams(controlQuerySchema), responses: { "200": ok("Control"), ...errors(400) } } },
      "/api/health": {
        get: {
          summary:
            'Health, answered within ~2 s whatever is down: {ok, lastSeq?, db, node, nodes?:[{id, lastSeen, ok}], checks:{database:"ok"|"down"|"read-only", redis:"ok"|"down"|"not used"}, setup?}. 200 while this node can read and write (Redis down is reported, not fatal); 503 with Retry-After while the database is down or read-only. setup is "required" while no one can sign in (first run)',
          responses: { "200": ok("Healthy", ref("Health")), "503": { description: "The database is unreachable or cannot store changes (Retry-After)", content: { "application/json": { schema: ref("Health") } } } },
        },
      },
      "/api/events": {
        get: {
          summary: "Events of published reports, filtered (comma-separated lists; region matches any place of the event), oldest first, paged by cursor; each with its report {id, title, status, key, publishedAt?, sources} and, as an extension, the report's version, updatedAt and correctionReason (once corrected)",
          parameters: queryParams(eventsQuerySchema),
          responses: { "200": ok("{events, next?}"), ...errors(400) },
        },
      },
      "/api/events.csv": {
        get: {
          summary:
            "Every event the same filters list, as RFC 4180 CSV: a first '#' comment line states the filter and as-of time (the contract's form), then the header row; with comment=false it starts with the header row (readable by csvkit, pandas and spreadsheets without options); names beside slugs (factionName, placeName, placeNameNl, placeNameAr, regionName); the filter, as-of time and feed seq also in the X-Export-Filter, X-Export-As-Of and X-Export-Last-Seq headers; cells starting with = + - @ tab or CR get a leading ' (docs/decisions/0015-exports.md)",
          parameters: queryParams(eventsCsvQuerySchema),
          responses: { "200": { description: "text/csv", headers: EXPORT_HEADERS }, ...errors(400) },
        },
      },
      "/api/events.geojson": {
        get: {
          summary:
            "Every event the same filters list, as a GeoJSON FeatureCollection of Points (one geometry type, one GIS layer): each at the event's main place, with the CSV's columns as properties and a movement's ends as fromLon/fromLat/toLon/toLat; top-level properties {filter, asOf, lastSeq}, also in the X-Export-* headers",
          parameters: queryParams(eventsExportQuerySchema),
          responses: { "200": { description: "application/geo+json", headers: EXPORT_HEADERS }, ...errors(400) },
        },
      },
      "/api/stats/control": {
        get: {
          summary: "Places held per faction at the end of each bucket; filters: region selects places, faction the factions reported, type/confidence/q the control changes that count",
          parameters: queryParams(statsQuerySchema),
          responses: { "200": ok("[{t, counts}]"), ...errors(400) },
        },
      },
      "/api/stats/events": { get: { summary: "Matching events per bucket by type (the list's filters)", parameters: queryParams(statsQuerySchema), responses: { "200": ok("[{t, counts}]"), ...errors(400) } } },
      "/api/stats/counts": { get: { summary: "Extension: matching events in total and per region (of the main place), faction, type and confidence", parameters: queryParams(countsQuerySchema), responses: { "200": ok("{total, byRegion, byFaction, byType, byConfidence}"), ...errors(400) } } },
      "/api/regions.geojson": { get: { summary: "Governorate shapes, derived from the gazetteer (Voronoi cells of places clipped to the border, merged per governorate)", responses: { "200": ok("FeatureCollection") } } },
      "/api/map/basemap.geojson": { get: { summary: "Extension: offline basemap (Natural Earth countries around Syria and the evacuation destinations)", responses: { "200": ok("FeatureCollection") } } },
      "/api/map/zones.geojson": { get: { summary: "Extension: one derived cell per place, for control zones", responses: { "200": ok("FeatureCollection") } } },
    },
  };
}
