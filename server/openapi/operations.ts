/**
 * Every operation under /api, as data: who may call it, what it takes (zod request schemas) and what it
 * answers (zod response schemas, by component name). server/openapi/document.ts turns this table into
 * the OpenAPI document; server/openapi/document.test.ts checks that every route file is in it.
 */
import { z } from "zod";
import { auditQuerySchema } from "../../lib/schemas/audit";
import { controlQuerySchema } from "../../lib/schemas/control";
import { atomQuerySchema } from "../../lib/schemas/atom";
import { snapshotImageQuerySchema, snapshotQuerySchema } from "../../lib/schemas/snapshot";
import { oembedQuerySchema } from "../../lib/schemas/oembed";
import { countsQuerySchema, eventsCsvQuerySchema, eventsExportQuerySchema, eventsQuerySchema, statsQuerySchema } from "../../lib/schemas/event-query";
import { feedQuerySchema } from "../../lib/schemas/feed";
import { importQuerySchema } from "../../lib/schemas/imports";
import { placesQuerySchema } from "../../lib/schemas/reference";
import { listReportsQuerySchema } from "../../lib/schemas/reports";
import { timelineQuerySchema } from "../../lib/schemas/timeline";
import type { Role } from "../../lib/schemas/users";
import type { RequestSchemaName, ResponseSchemaName } from "./components";

/**
 * - `none`: no credentials needed (a bad bearer token is still a 401).
 * - `optional`: credentials are used when sent (logout ends that session).
 * - `reader`: public reads of published data, unless PUBLIC_READ=false (then any signed-in user).
 * - a role: that role or a stronger one.
 */
/** The header that makes a write's retry safe (POST and PATCH of reports). */
const IDEMPOTENCY_HEADER = {
  name: "Idempotency-Key",
  description: "Makes a retry safe (1 to 255 characters)",
  schema: { type: "string", minLength: 1, maxLength: 255 },
};

export type Access = "none" | "optional" | "reader" | Role;

export interface Answer {
  status: number;
  description: string;
  /** A response component; absent for 204. */
  schema?: ResponseSchemaName;
  /** JSON by default. */
  contentType?: "application/json" | "application/geo+json" | "text/csv" | "application/atom+xml" | "text/plain" | "image/png" | "image/svg+xml";
  /** The X-Export-* headers of the exports. */
  exportHeaders?: boolean;
  /** A Retry-After header. */
  retryAfter?: boolean;
}

export interface Operation {
  method: "get" | "post" | "put" | "patch" | "delete";
  /** OpenAPI form: `/api/reports/{id}`. */
  path: string;
  operationId: string;
  tag: string;
  summary: string;
  description?: string;
  access: Access;
  query?: z.ZodObject;
  body?: RequestSchemaName;
  /** The body's media types: JSON by default. */
  bodyTypes?: ("application/json" | "text/csv" | "application/geo+json")[];
  headers?: { name: string; description: string; schema: object }[];
  answers: Answer[];
  /** Error statuses beyond those every operation of its kind can give (document.ts adds those). */
  errors?: number[];
}

/** GET /api/places's filter (the route's own schema). */

const json = (status: number, description: string, schema: ResponseSchemaName): Answer => ({ status, description, schema });
const geo = (description: string, schema: ResponseSchemaName = "FeatureCollection"): Answer => ({
  status: 200,
  description,
  schema,
  contentType: "application/geo+json",
});

/** What snapshot.png and snapshot.svg share (docs/decisions/0027-snapshot-images.md). */
const SNAPSHOT_IMAGE_DESCRIPTION =
  "view=map: the map at the situation's bounds (or the asked regions'), zones in their holders' colours (contested hatched), places by rank with the main ones named (and their Arabic names), the movements and strikes of the 3 days before (before the newest event when `at` is absent, as the dashboard), the legend with each holder's places. view=control and view=events: places held per faction and events per day by type over the 30 days to the moment (counted as recorded now; `known` applies to the map). Drawn on the server with bundled fonts; `at` absent means now (to the minute). Kept per query and feed position: Cache-Control max-age=60, a day for a past `at` as `known` at a past time; an ETag (If-None-Match → 304). Drawing is fair-shared per client address like the statistics (429, 503 busy).";

export const OPERATIONS: Operation[] = [
  // Accounts
  {
    method: "post",
    path: "/api/auth/login",
    operationId: "login",
    tag: "accounts",
    summary: "Sign in",
    description:
      "Returns a bearer token and sets the same as the session cookie (HttpOnly, SameSite=Lax). Failed attempts are rate-limited per account and address (429).",
    access: "none",
    body: "Login",
    answers: [json(200, "Signed in", "SignedIn")],
    errors: [429],
  },
  {
    method: "post",
    path: "/api/auth/logout",
    operationId: "logout",
    tag: "accounts",
    summary: "End this session (or revoke the bearer token sent)",
    access: "optional",
    answers: [{ status: 204, description: "Signed out; the session cookie is cleared" }],
  },
  {
    method: "get",
    path: "/api/auth/me",
    operationId: "me",
    tag: "accounts",
    summary: "The signed-in user",
    access: "viewer",
    answers: [json(200, "The signed-in user", "Me")],
  },
  {
    method: "post",
    path: "/api/auth/password",
    operationId: "changePassword",
    tag: "accounts",
    summary: "Change your own password",
    description:
      "Your other sessions and tokens end and their sockets close. New passwords: at least 10 characters, not only spaces, not commonly used. A wrong current password counts as a failed sign-in.",
    access: "viewer",
    body: "ChangePassword",
    answers: [{ status: 204, description: "Changed" }],
  },
  {
    method: "post",
    path: "/api/setup",
    operationId: "setup",
    tag: "accounts",
    summary: "First run: create the first admin",
    description:
      "With the one-time code from the setup link in the server's log; signs them in (token and session cookie). Wrong or used code 403; once anyone can sign in 404. Wrong codes count against the sign-in rate limit.",
    access: "none",
    body: "Setup",
    answers: [json(201, "Admin created and signed in", "SignedIn")],
    errors: [404, 409, 429],
  },
  {
    method: "get",
    path: "/api/users",
    operationId: "listUsers",
    tag: "users",
    summary: "List users (admin)",
    access: "admin",
    answers: [json(200, "Users", "Users")],
  },
  {
    method: "post",
    path: "/api/users",
    operationId: "createUser",
    tag: "users",
    summary: "Create a user (admin)",
    access: "admin",
    body: "CreateUser",
    answers: [json(201, "Created", "User")],
    errors: [409],
  },
  {
    method: "patch",
    path: "/api/users/{id}",
    operationId: "updateUser",
    tag: "users",
    summary: "Change role, disable or set the password (admin)",
    description: "Disabling or a new password ends the user's sessions and sockets at once. Admins cannot disable or demote themselves (409).",
    access: "admin",
    body: "UpdateUser",
    answers: [json(200, "Updated", "User")],
    errors: [404, 409],
  },
  {
    method: "get",
    path: "/api/users/{id}/tokens",
    operationId: "listTokens",
    tag: "users",
    summary: "Extension: a user's live API and display tokens, without secrets (admin)",
    access: "admin",
    answers: [json(200, "Tokens", "Tokens")],
    errors: [404],
  },
  {
    method: "post",
    path: "/api/users/{id}/tokens",
    operationId: "issueToken",
    tag: "users",
    summary: "Extension: issue an API or display token for a user (admin)",
    description: "The token is in this answer only. A disabled user gets none (409).",
    access: "admin",
    body: "IssueToken",
    answers: [json(201, "Issued", "IssuedToken")],
    errors: [404, 409],
  },
  {
    method: "delete",
    path: "/api/tokens/{id}",
    operationId: "revokeToken",
    tag: "users",
    summary: "Extension: revoke a token (admin); its requests and sockets stop at once",
    access: "admin",
    answers: [{ status: 204, description: "Revoked" }],
    errors: [404],
  },
  {
    method: "get",
    path: "/api/webhooks",
    operationId: "listWebhooks",
    tag: "webhooks",
    summary: "The webhooks (admin), never their secrets",
    access: "admin",
    answers: [json(200, "Every webhook, oldest first", "Webhooks")],
  },
  {
    method: "post",
    path: "/api/webhooks",
    operationId: "createWebhook",
    tag: "webhooks",
    summary: "Send a situation's feed entries matching a filter to a URL (admin)",
    description:
      "From the situation's last seq on, each matching entry (and every later entry of a report already sent: its corrections and retraction) is POSTed as a WebhookPayload with X-Situation-Signature: sha256=<hex HMAC-SHA256 of the body with `secret`>, one at a time in seq order, retried with backoff (2 s doubling to 10 min) until a 2xx. A target on a loopback, private, link-local or reserved address: 400 naming `url`, unless WEBHOOK_ALLOW_HOSTS lists its host. `situation` defaults to the default situation; a filter's region or faction it lacks: 400 naming it.",
    access: "admin",
    body: "CreateWebhook",
    answers: [json(201, "Created: `id` and the webhook as listed", "Webhook")],
  },
  {
    method: "delete",
    path: "/api/webhooks/{id}",
    operationId: "deleteWebhook",
    tag: "webhooks",
    summary: "Delete a webhook (admin): nothing more is sent, and its deliveries go with it",
    access: "admin",
    answers: [{ status: 204, description: "Deleted" }],
    errors: [404],
  },
  {
    method: "get",
    path: "/api/webhooks/{id}/deliveries",
    operationId: "listWebhookDeliveries",
    tag: "webhooks",
    summary: "A webhook's last 100 delivery attempts, newest first (admin)",
    access: "admin",
    answers: [json(200, "Each attempt: the entry, the receiver's status or why there was none, how long it took", "WebhookDeliveries")],
    errors: [404],
  },
  {
    method: "get",
    path: "/api/audit",
    operationId: "listAudit",
    tag: "users",
    summary: "Extension: the audit trail, newest first (admin)",
    access: "admin",
    query: auditQuerySchema,
    answers: [json(200, "A page of entries", "AuditPage")],
  },

  // Situations (contract v2)
  {
    method: "get",
    path: "/api/situations",
    operationId: "listSituations",
    tag: "situations",
    summary: "Every situation, archived ones included, oldest first; exactly one is the default",
    access: "reader",
    answers: [json(200, "Situations", "Situations")],
  },
  {
    method: "post",
    path: "/api/situations",
    operationId: "createSituation",
    tag: "situations",
    summary: 'Set up a situation (admin); with gazetteer "bundled" its regions and places come from the bundled gazetteer',
    description: "Unknown country code: 400; slug taken: 409.",
    access: "admin",
    body: "CreateSituation",
    answers: [json(201, "Created", "Situation")],
    errors: [409],
  },
  {
    method: "get",
    path: "/api/situations/{slug}",
    operationId: "getSituation",
    tag: "situations",
    summary: "Extension: one situation",
    access: "reader",
    answers: [json(200, "The situation", "Situation")],
  },
  {
    method: "patch",
    path: "/api/situations/{slug}",
    operationId: "updateSituation",
    tag: "situations",
    summary: "Rename, archive or reopen a situation, or make it the default (admin)",
    description: "The default situation cannot be archived (409): make another one the default first.",
    access: "admin",
    body: "UpdateSituation",
    answers: [json(200, "The situation as it is now", "Situation")],
    errors: [409],
  },

  // Reference data
  {
    method: "get",
    path: "/api/factions",
    operationId: "listFactions",
    tag: "reference",
    summary: "Factions",
    access: "reader",
    answers: [json(200, "Factions", "Factions")],
  },
  {
    method: "post",
    path: "/api/factions",
    operationId: "createFaction",
    tag: "reference",
    summary: "Add a faction (editor); slug taken 409",
    access: "editor",
    body: "CreateFaction",
    answers: [json(201, "Created", "Faction")],
    errors: [409],
  },
  {
    method: "patch",
    path: "/api/factions/{faction}",
    operationId: "updateFaction",
    tag: "reference",
    summary: "Change a faction's name, kind or colour (editor)",
    access: "editor",
    body: "UpdateFaction",
    answers: [json(200, "The faction as it is now", "Faction")],
  },
  {
    method: "get",
    path: "/api/regions",
    operationId: "listRegions",
    tag: "reference",
    summary: "Regions (governorates)",
    access: "reader",
    answers: [json(200, "Regions", "Regions")],
  },
  {
    method: "get",
    path: "/api/places",
    operationId: "listPlaces",
    tag: "reference",
    summary: "Gazetteer (unknown region: 400)",
    access: "reader",
    query: placesQuerySchema,
    answers: [json(200, "Places", "Places")],
  },
  {
    method: "post",
    path: "/api/places",
    operationId: "createPlace",
    tag: "reference",
    summary: "Add a place (editor); duplicate slug 409",
    access: "editor",
    body: "CreatePlace",
    answers: [json(201, "Created", "Place")],
    errors: [409],
  },
  {
    method: "get",
    path: "/api/baseline",
    operationId: "getBaseline",
    tag: "reference",
    summary: "Extension: who held each place when the coverage starts",
    access: "reader",
    answers: [json(200, "The baseline", "Baseline")],
  },
  {
    method: "put",
    path: "/api/baseline",
    operationId: "setBaseline",
    tag: "reference",
    summary: "Set who held what when the coverage starts (editor), replacing the baseline",
    description:
      "A region assignment applies to each of its places; a place assignment wins. A place, region or faction slug that is not this situation's: 400 naming the assignment.",
    access: "editor",
    body: "BaselineInput",
    answers: [json(200, "The baseline as it is now", "Baseline")],
  },
  {
    method: "get",
    path: "/api/actor-map",
    operationId: "getActorMap",
    tag: "imports",
    summary: "Which faction each actor name of imported files is (editor)",
    access: "editor",
    answers: [json(200, "The actor map: actor name → faction slug", "ActorMapping")],
  },
  {
    method: "put",
    path: "/api/actor-map",
    operationId: "setActorMap",
    tag: "imports",
    summary: "Replace the actor map (editor)",
    description:
      "A faction slug that is not this situation's: 400 naming each such actor (the detail's path is the actor name); nothing changes. Replaced by someone else at the same moment: 409.",
    access: "editor",
    body: "ActorMap",
    answers: [json(200, "The actor map as it is now", "ActorMapping")],
    errors: [409],
  },
  {
    method: "get",
    path: "/api/imports",
    operationId: "listImports",
    tag: "imports",
    summary: "Extension: this situation's imports, newest first (the latest 100): what each did and the attribution its reports credit",
    access: "editor",
    answers: [json(200, "The imports", "ImportRecords")],
  },
  {
    method: "get",
    path: "/api/imports/{id}",
    operationId: "getImport",
    tag: "imports",
    summary: "Extension: one import, with the rows it did not import and why (the first 1,000)",
    access: "editor",
    answers: [json(200, "The import", "ImportRecord")],
  },
  {
    method: "post",
    path: "/api/imports",
    operationId: "importEvents",
    tag: "imports",
    summary:
      "Import a file of events (editor): ACLED exports and events in our events.csv columns (text/csv), or our own events.geojson (application/geo+json); one report per row",
    description:
      "Read as it arrives (up to 200 MiB). Territory sub-events become control_change, air/drone strikes and shelling strike; other rows are listed in errors as not imported. The faction comes from the actor map (a side's actor or its associates; the sub-event decides which side acted, else the row is refused naming the actors); the place is a place of the row's location name within 25 km, else the nearest within the row's geo_precision (1: 5 km, 2: 15 km, 3: 50 km), else a new place. The source's id is the key: a row already imported creates nothing, and one whose timestamp is newer corrects its report (reason naming the import). dryRun=true reads and checks everything and writes nothing (200). Missing columns: 400 naming them; a bad row never stops the others. format=geojson: a FeatureCollection as GET /api/events.geojson writes it; the event's id is the key (event:<id>, shared with format=csv). format=csv: the columns of GET /api/events.csv (id, occurredAt, type, confidence, faction, place required), with optional lat/lon for places the situation lacks (docs/decisions/0025-imports.md).",
    access: "editor",
    query: importQuerySchema,
    body: "ImportFile",
    bodyTypes: ["text/csv", "application/geo+json"],
    answers: [json(200, "Dry run: what the import would do; nothing was written", "ImportResult"), json(201, "Imported", "ImportResult")],
  },
  {
    method: "get",
    path: "/api/regions.geojson",
    operationId: "regionShapes",
    tag: "reference",
    summary: "Governorate shapes, derived from the gazetteer (Voronoi cells of places clipped to the border, merged per governorate)",
    access: "reader",
    answers: [geo("A FeatureCollection of (Multi)Polygons")],
  },
  {
    method: "get",
    path: "/api/map/basemap.geojson",
    operationId: "basemap",
    tag: "reference",
    summary: "Extension: offline basemap (Natural Earth countries around Syria and the evacuation destinations)",
    access: "reader",
    answers: [geo("A FeatureCollection of country shapes")],
  },
  {
    method: "get",
    path: "/api/map/zones.geojson",
    operationId: "zones",
    tag: "reference",
    summary: "Extension: one derived cell per place, for control zones",
    access: "reader",
    answers: [geo("A FeatureCollection of cells")],
  },

  // Reports
  {
    method: "get",
    path: "/api/reports",
    operationId: "listReports",
    tag: "reports",
    summary: "Reports, newest first",
    description: "Drafts only for editors and admins (status=draft otherwise 403).",
    access: "reader",
    query: listReportsQuerySchema,
    answers: [json(200, "A page of reports", "ReportsPage")],
    errors: [403],
  },
  {
    method: "post",
    path: "/api/reports",
    operationId: "createReport",
    tag: "reports",
    summary: "Post a report (editor)",
    description:
      "Idempotency-Key header: a repeat with the same key and body returns the first response (Idempotent-Replayed: true) and creates nothing; the same key with another body 409.",
    access: "editor",
    body: "CreateReport",
    headers: [IDEMPOTENCY_HEADER],
    answers: [json(201, "Created", "Report")],
    errors: [409],
  },
  {
    method: "get",
    path: "/api/reports/{id}",
    operationId: "getReport",
    tag: "reports",
    summary: "One report with its revisions (drafts: editors and admins only, else 404)",
    access: "reader",
    answers: [json(200, "The report", "Report")],
    errors: [404],
  },
  {
    method: "patch",
    path: "/api/reports/{id}",
    operationId: "updateReport",
    tag: "reports",
    summary: "Edit a draft or correct a published report (editor)",
    description:
      "version must be current (else 409, nothing changes); a correction needs a reason, keeps the earlier version in revisions and appends report.corrected. A retracted report cannot change (409). Extension: `publish: true` publishes an edited draft in the same transaction (report.published; 409 on a report that is not a draft). Idempotency-Key header: a repeat with the same key and body returns the first response (Idempotent-Replayed: true) and changes nothing; the same key with another request 409.",
    access: "editor",
    body: "UpdateReport",
    headers: [IDEMPOTENCY_HEADER],
    answers: [json(200, "Updated", "Report")],
    errors: [404, 409],
  },
  {
    method: "post",
    path: "/api/reports/{id}/publish",
    operationId: "publishReport",
    tag: "reports",
    summary: "Publish a draft (editor)",
    description: "Appends report.published once; anything not a draft (also the losers of concurrent publishes) 409, nothing changes.",
    access: "editor",
    answers: [json(200, "Published", "Report")],
    errors: [404, 409],
  },
  {
    method: "post",
    path: "/api/reports/{id}/retract",
    operationId: "retractReport",
    tag: "reports",
    summary: "Retract a published report (editor)",
    description: "Appends report.retracted once; anything not published (also the losers of concurrent retractions) 409, nothing changes.",
    access: "editor",
    body: "RetractReport",
    answers: [json(200, "Retracted", "Report")],
    errors: [404, 409],
  },

  // The feed
  {
    method: "get",
    path: "/api/feed",
    operationId: "listFeed",
    tag: "feed",
    summary: "Feed entries after a seq (or the newest `tail`), and the last committed seq",
    description:
      "Live: Socket.IO at /socket.io, handshake auth {after: seq, token?}, event `feed` with one FeedEntry, then `feed:live` {lastSeq} once caught up.",
    access: "reader",
    query: feedQuerySchema,
    answers: [json(200, "Entries in seq order", "FeedPage")],
  },
  {
    method: "get",
    path: "/api/health",
    operationId: "health",
    tag: "feed",
    summary: "Health and the last seq",
    description:
      'Answered within ~2 s whatever is down: {ok, lastSeq?, db, node, nodes?:[{id, lastSeen, ok}], checks:{database:"ok"|"down"|"read-only", redis:"ok"|"down"|"not used"}, setup?}. 200 while this node can read and write (Redis down is reported, not fatal); 503 with Retry-After and ok:false while the database is down or read-only. setup is "required" while no one can sign in (first run). Further fields may be added.',
    access: "none",
    answers: [
      json(200, "Healthy", "Health"),
      { ...json(503, "The database is unreachable or cannot store changes (Retry-After)", "Health"), retryAfter: true },
    ],
  },
  {
    method: "get",
    path: "/api/openapi.json",
    operationId: "openapi",
    tag: "feed",
    summary: "This document",
    access: "none",
    answers: [json(200, "The OpenAPI 3.1 document", "OpenApiDocument")],
  },

  // Derived views
  {
    method: "get",
    path: "/api/control",
    operationId: "getControl",
    tag: "views",
    summary: "Who holds each place at a time (known: as known then)",
    access: "reader",
    query: controlQuerySchema,
    answers: [json(200, "Control", "ControlState")],
  },
  {
    method: "get",
    path: "/api/events",
    operationId: "listEvents",
    tag: "views",
    summary: "Events of published reports, filtered and paged",
    description:
      "Comma-separated lists; region matches any place of the event; oldest first (order=desc: newest first), paged by cursor; each with its report {id, title, status, key, publishedAt?, sources} and, as an extension, the report's version, updatedAt and correctionReason (once corrected).",
    access: "reader",
    query: eventsQuerySchema,
    answers: [json(200, "A page of events", "EventsPage")],
  },
  {
    method: "get",
    path: "/api/events.csv",
    operationId: "exportEventsCsv",
    tag: "views",
    summary: "Every event the same filters list, as RFC 4180 CSV",
    description:
      "A first '#' comment line states the filter and as-of time (the contract's form), then the header row; with comment=false it starts with the header row (readable by csvkit, pandas and spreadsheets without options); names beside slugs (factionName, placeName, placeNameNl, placeNameAr, regionName); cells starting with = + - @ tab or CR get a leading ' (docs/decisions/0015-exports.md).",
    access: "reader",
    query: eventsCsvQuerySchema,
    answers: [{ status: 200, description: "CSV", schema: "Csv", contentType: "text/csv", exportHeaders: true }],
  },
  {
    method: "get",
    path: "/api/feed.atom",
    operationId: "atomFeed",
    tag: "feed",
    summary: "Published reports, corrections and retractions matching the event filters, as an Atom 1.0 feed",
    description:
      "One entry per report in its newest state (atom:id urn:uuid:<report id>; a correction or retraction is an update: a later atom:updated, its title prefixed Corrected:/Retracted:), newest first, at most 50, found among the newest 5,000 feed entries. Entry content is HTML-escaped text: the body, each event as a sentence (in `lang`, en or nl), the sources, the reason for a correction or retraction.",
    access: "reader",
    query: atomQuerySchema,
    answers: [{ status: 200, description: "Atom 1.0 (RFC 4287)", schema: "Atom", contentType: "application/atom+xml" }],
  },
  {
    method: "get",
    path: "/api/oembed",
    operationId: "oembed",
    tag: "views",
    summary: "oEmbed 1.0 (rich) for a page or embed URL of this desk",
    description:
      'url: a dashboard (/, /s/:slug, its ?t= the moment), wall or analyst page, or an embed (/embed/s/:slug?view=map|control|events|feed&at=&region=&lang=&theme=) of this desk. Answers the iframe of the embed, at most maxwidth wide and maxheight high (800×600 for the map, 800×420 for a chart, 480×640 for the feed), and snapshot.png as its thumbnail. A URL of another site, a path that is not a page, or an unknown situation: 404. format: json only. Pages name their oEmbed URL in <link rel="alternate" type="application/json+oembed">. CORS: any origin may read it.',
    access: "reader",
    query: oembedQuerySchema,
    answers: [json(200, "The oEmbed answer", "Oembed")],
    errors: [404],
  },
  {
    method: "get",
    path: "/api/snapshot.txt",
    operationId: "snapshotText",
    tag: "views",
    summary: "The situation at a moment as text: the text alternative of its map and charts",
    description:
      "Who holds how many places at `at` (default now; as known at `known` when given), the most important of them by name, what is contested, and the events of the 24 hours before (the newest 8 listed, the rest counted), in `lang` (en or nl). One control state and at most 50 events are read, whatever the history.",
    access: "reader",
    query: snapshotQuerySchema,
    answers: [{ status: 200, description: "Plain text (UTF-8), one statement a line", schema: "Text", contentType: "text/plain" }],
  },
  {
    method: "get",
    path: "/api/snapshot.png",
    operationId: "snapshotPng",
    tag: "views",
    summary: "The situation at a moment as a PNG: its map or one of its charts, with the stamp, legend and attribution drawn in",
    description: SNAPSHOT_IMAGE_DESCRIPTION,
    access: "reader",
    query: snapshotImageQuerySchema,
    answers: [
      { status: 200, description: "A PNG of width × height pixels", schema: "Png", contentType: "image/png" },
      { status: 304, description: "Not modified: the ETag sent in If-None-Match is this picture's" },
    ],
    errors: [429],
  },
  {
    method: "get",
    path: "/api/snapshot.svg",
    operationId: "snapshotSvg",
    tag: "views",
    summary: "The same picture as an SVG document (every view can be drawn as SVG)",
    description: `${SNAPSHOT_IMAGE_DESCRIPTION} The SVG's text is real text in the families 'Noto Sans' and 'Noto Sans Arabic'; its <desc> is snapshot.txt's text for the same query.`,
    access: "reader",
    query: snapshotImageQuerySchema,
    answers: [
      { status: 200, description: "An SVG document of width × height", schema: "Svg", contentType: "image/svg+xml" },
      { status: 304, description: "Not modified: the ETag sent in If-None-Match is this picture's" },
    ],
    errors: [429],
  },
  {
    method: "get",
    path: "/api/events.geojson",
    operationId: "exportEventsGeoJson",
    tag: "views",
    summary: "Every event the same filters list, as GeoJSON Points",
    description:
      "One geometry type, one GIS layer: each event at its main place, with the CSV's columns as properties and a movement's ends as fromLon/fromLat/toLon/toLat; top-level properties {filter, asOf, lastSeq}.",
    access: "reader",
    query: eventsExportQuerySchema,
    answers: [{ ...geo("A FeatureCollection of Points", "EventsGeoJson"), exportHeaders: true }],
  },
  {
    method: "get",
    path: "/api/stats/control",
    operationId: "controlStats",
    tag: "views",
    summary: "Places held per faction at the end of each bucket",
    description:
      "region selects places, faction the factions reported, type/confidence/q the control changes that count. Expensive: fair turns per client address (429 past 8 waiting, 503 after a 10 s wait).",
    access: "reader",
    query: statsQuerySchema,
    answers: [json(200, "One row per bucket", "StatsSeries")],
    errors: [429],
  },
  {
    method: "get",
    path: "/api/timeline",
    operationId: "getTimeline",
    tag: "views",
    summary: "Extension: the whole history in a bounded size, for a page's time slider and charts",
    description:
      "One row per UTC day with published events (its first and last event, its events by type), the places held per faction on the time axis those days make (hourly up to 30 days shown, else daily), and the newest reported distances of advances. `region` scopes the counts, the control series and the distances. Fair turns per client address as for /api/stats/control.",
    access: "reader",
    query: timelineQuerySchema,
    answers: [json(200, "The timeline", "Timeline")],
    errors: [429],
  },
  {
    method: "get",
    path: "/api/stats/events",
    operationId: "eventStats",
    tag: "views",
    summary: "Matching events per bucket by type (the list's filters)",
    description: "Fair turns per client address as for /api/stats/control.",
    access: "reader",
    query: statsQuerySchema,
    answers: [json(200, "One row per bucket", "StatsSeries")],
    errors: [429],
  },
  {
    method: "get",
    path: "/api/stats/counts",
    operationId: "countEvents",
    tag: "views",
    summary: "Extension: matching events in total and per region (of the main place), faction, type and confidence",
    description: "Fair turns per client address as for /api/stats/control.",
    access: "reader",
    query: countsQuerySchema,
    answers: [json(200, "Counts", "EventCounts")],
    errors: [429],
  },
];
