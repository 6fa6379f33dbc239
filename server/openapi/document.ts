/**
 * The OpenAPI 3.1 document served at /api/openapi.json, generated from the operations table
 * (server/openapi/operations.ts) and the zod schemas the server validates requests with and answers in
 * (server/openapi/components.ts), so it cannot drift from what the server accepts and sends.
 * `npm run lint:openapi` lints it with Redocly; tests/integration/openapi-responses.test.ts checks real
 * answers against it (docs/decisions/0017-openapi-from-zod.md).
 */
import { SESSION_COOKIE } from "../auth/sessions";
import { ERROR_STATUS, type ErrorCode } from "../errors";
import { componentSchemas, queryParameters } from "./components";
import { SITUATION_RESOURCES } from "../../lib/contract/situation-paths";
import { OPERATIONS, type Access, type Operation } from "./operations";

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/** The error answers, one per status, each naming the codes it carries. */
const ERROR_RESPONSES: Record<number, { name: string; description: string }> = {
  400: { name: "BadRequest", description: "invalid_request: the URL, query or body is not valid; one detail per problem" },
  401: {
    name: "Unauthorized",
    description: "unauthorized: sign in first, or the Authorization header or bearer token is not valid (expired, revoked, user disabled)",
  },
  403: { name: "Forbidden", description: "forbidden: the role is too weak, or a cookie-authenticated write came from another site" },
  404: { name: "NotFound", description: "not_found" },
  409: { name: "Conflict", description: "conflict: the state changed or does not allow this; nothing changed" },
  413: { name: "PayloadTooLarge", description: "payload_too_large: the body is over the size limit" },
  415: { name: "UnsupportedMediaType", description: "unsupported_media_type: send application/json" },
  429: { name: "TooManyRequests", description: "rate_limited: wait Retry-After seconds" },
  500: { name: "InternalError", description: "internal: a bug; nothing was changed and the error was logged" },
  503: { name: "Unavailable", description: "busy or unavailable: the database is busy or cannot store changes; retry after Retry-After seconds" },
};
const RETRY_AFTER = { "Retry-After": { description: "Seconds to wait before trying again", schema: { type: "integer", minimum: 0 } } };

/** Which codes each status carries, from the server's own mapping. */
function codesOf(status: number): ErrorCode[] {
  return (Object.keys(ERROR_STATUS) as ErrorCode[]).filter((code) => ERROR_STATUS[code] === status);
}

function errorResponse(status: number) {
  const { description } = ERROR_RESPONSES[status]!;
  return {
    description,
    ...(status === 429 || status === 503 ? { headers: RETRY_AFTER } : {}),
    content: {
      "application/json": {
        schema: { allOf: [ref("Error"), { type: "object", properties: { error: { type: "object", properties: { code: { enum: codesOf(status) } } } } }] },
      },
    },
  };
}

const EXPORT_HEADERS = {
  "X-Export-Filter": { description: "The filter as a canonical query string (empty for none)", schema: { type: "string" } },
  "X-Export-As-Of": { description: "When the export was made (ISO 8601, UTC)", schema: { type: "string", format: "date-time" } },
  "X-Export-Last-Seq": { description: "The feed seq the export reflects", schema: { type: "integer" } },
};

const SIGNED_IN = [{ bearer: [] }, { cookie: [] }];
/** `{}` first: no credentials is fine. */
const OPTIONAL = [{}, ...SIGNED_IN];

function security(access: Access) {
  if (access === "none") return [];
  if (access === "optional" || access === "reader") return OPTIONAL;
  return SIGNED_IN;
}

function accessNote(access: Access): string {
  switch (access) {
    case "none":
      return "No credentials needed.";
    case "optional":
      return "Credentials optional.";
    case "reader":
      return "Public unless the server runs with PUBLIC_READ=false (then any signed-in user).";
    default:
      return `Needs the ${access} role or stronger.`;
  }
}

/**
 * The error statuses an operation can answer: every request can be refused as malformed (400: the
 * request guard's URL checks, the query or body), for a bad Authorization header (401), and fail on
 * the server (500) or the database (503); role checks add 401/403, writes the CSRF rule (403) and the
 * write rate limit (429), JSON bodies 413 and 415; the operation's own (404, 409, …) are listed in the table.
 */
export function errorStatuses(operation: Operation): number[] {
  const statuses = new Set([400, 401, 500, 503, ...(operation.errors ?? [])]);
  if (operation.access !== "none" && operation.access !== "optional" && operation.access !== "reader") statuses.add(403);
  if (operation.method !== "get") [403, 429].forEach((status) => statuses.add(status));
  if (operation.body) [413, 415].forEach((status) => statuses.add(status));
  if (operation.path.includes("{")) statuses.add(404);
  return [...statuses].sort((a, b) => a - b);
}

function pathItem(operation: Operation) {
  const parameters = [
    ...[...operation.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({ name, in: "path", required: true, schema: { type: "string" } })),
    ...(operation.query ? queryParameters(operation.query) : []),
    ...(operation.headers ?? []).map(({ name, description, schema }) => ({ name, in: "header", required: false, description, schema })),
  ];
  const responses: Record<string, object> = {};
  for (const answer of operation.answers) {
    responses[String(answer.status)] = {
      description: answer.description,
      ...(answer.exportHeaders ? { headers: EXPORT_HEADERS } : answer.retryAfter ? { headers: RETRY_AFTER } : {}),
      ...(answer.schema ? { content: { [answer.contentType ?? "application/json"]: { schema: ref(answer.schema) } } } : {}),
    };
  }
  // An answer of the operation's own (health's 503 is a Health body) wins over the shared error answer.
  for (const status of errorStatuses(operation)) responses[String(status)] ??= { $ref: `#/components/responses/${ERROR_RESPONSES[status]!.name}` };
  return {
    operationId: operation.operationId,
    tags: [operation.tag],
    summary: operation.summary,
    description: [operation.description, accessNote(operation.access)].filter(Boolean).join(" "),
    security: security(operation.access),
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(operation.body
      ? {
          requestBody: {
            required: true,
            content: Object.fromEntries((operation.bodyTypes ?? ["application/json"]).map((type) => [type, { schema: ref(operation.body!) }])),
          },
        }
      : {}),
    responses,
  };
}

const TAGS = [
  { name: "accounts", description: "Signing in and out, the first run, your own password" },
  { name: "users", description: "Users, API and display tokens, the audit trail (admin)" },
  { name: "situations", description: "The conflicts this desk covers (contract v2); each one's data is also under /api/situations/{slug}/" },
  { name: "reference", description: "Factions, regions, the gazetteer and map shapes" },
  { name: "reports", description: "Reports and their typed events: post, edit, correct, publish, retract" },
  { name: "feed", description: "The feed of published changes, health, this document" },
  { name: "webhooks", description: "Feed entries POSTed to other systems as they happen, signed, in order, at least once (admin)" },
  { name: "imports", description: "Files of other trackers' events (ACLED) as this situation's reports, and the actor map they are read with" },
  { name: "views", description: "Derived views of published, non-retracted data: control, events, exports, statistics" },
];

/**
 * Contract v2: every operation on a situation's data also exists under /api/situations/{slug}/ (the
 * dispatcher answers it with the same handler: server/http/situation-scope.ts); the v1 path means the
 * default situation. Unknown situation: 404; a write to an archived one: 409.
 */
export function situationCopies(operations: readonly Operation[]): Operation[] {
  return operations.flatMap((operation) => {
    const resource = /^\/api\/([^/]+)/.exec(operation.path)?.[1];
    if (!resource || !SITUATION_RESOURCES.has(resource)) return [];
    return [
      {
        ...operation,
        path: operation.path.replace(/^\/api\//, "/api/situations/{slug}/"),
        operationId: `situation${operation.operationId[0]!.toUpperCase()}${operation.operationId.slice(1)}`,
        description: [`${operation.summary}, in the situation {slug} (the v1 path ${operation.path} is the default situation's).`, operation.description]
          .filter(Boolean)
          .join(" "),
        errors: [...(operation.errors ?? []), 404, ...(operation.method === "get" ? [] : [409])],
      },
    ];
  });
}

function build() {
  const paths: Record<string, Record<string, object>> = {};
  for (const operation of [...OPERATIONS, ...situationCopies(OPERATIONS)]) (paths[operation.path] ??= {})[operation.method] = pathItem(operation);
  return {
    openapi: "3.1.0",
    info: {
      title: "Situation Desk API",
      version: "1",
      license: { name: "MIT", identifier: "MIT" },
      description:
        "Public contract v1 (docs/API.md). Errors always answer {error:{code,message,details}}. Authenticate with the session cookie from /api/auth/login or `Authorization: Bearer <token>`; cookie-authenticated writes must come from this site's pages. Live feed: Socket.IO at /socket.io, handshake auth {after: seq, situation?: slug}, event `feed` with one FeedEntry. Contract v2: situations, each with its data under /api/situations/{slug}/ and its own feed; the v1 paths are the default situation's.",
    },
    servers: [{ url: "/", description: "The server that serves this document" }],
    tags: TAGS,
    components: {
      securitySchemes: {
        bearer: {
          type: "http",
          scheme: "bearer",
          description: "A session token from /api/auth/login or /api/setup, or an API or display token an admin issued",
        },
        cookie: { type: "apiKey", in: "cookie", name: SESSION_COOKIE, description: "The session cookie /api/auth/login sets" },
      },
      responses: Object.fromEntries(Object.entries(ERROR_RESPONSES).map(([status, { name }]) => [name, errorResponse(Number(status))])),
      schemas: componentSchemas(),
    },
    paths,
    // OpenAPI 3.1's webhooks: what this server POSTs to the URLs admins register (POST /api/webhooks).
    webhooks: {
      feedEntry: {
        post: {
          operationId: "receiveFeedEntry",
          // The receiver's own endpoint: it authenticates us by the signature, not by a scheme of ours.
          security: [],
          summary: "One feed entry of a webhook's situation, as it was committed",
          description:
            "Signed: X-Situation-Signature: sha256=<hex HMAC-SHA256 of the raw body with the webhook's secret>; X-Situation-Delivery names the attempt, X-Situation-Seq the entry. Answer 2xx within WEBHOOK_TIMEOUT_S to have the next entry sent; anything else is retried (2 s doubling to 10 min). At least once: deduplicate on `id`.",
          parameters: [
            { name: "X-Situation-Signature", in: "header", required: true, schema: { type: "string", pattern: "^sha256=[0-9a-f]{64}$" } },
            { name: "X-Situation-Delivery", in: "header", required: true, schema: { type: "string" } },
            { name: "X-Situation-Seq", in: "header", required: true, schema: { type: "string" } },
          ],
          requestBody: { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/WebhookPayload" } } } },
          responses: { "2XX": { description: "Received: the next entry follows" } },
        },
      },
    },
  };
}

let document: ReturnType<typeof build> | undefined;

/** Built once per process (the schemas do not change while it runs). */
export function openApiDocument() {
  return (document ??= build());
}
