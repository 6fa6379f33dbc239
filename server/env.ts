/** The validated environment: the only module that reads process.env. */
import path from "node:path";
import { z } from "zod";

const booleanFlag = (fallback: boolean) =>
  z
    .enum(["true", "false", "1", "0", ""], { error: "must be true or false" })
    .optional()
    .transform((value) => (value === undefined || value === "" ? fallback : value === "true" || value === "1"));

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  HOST: z.string().default("0.0.0.0"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATABASE_URL: z
    .string()
    .default("file:./data/situation.db")
    .refine((url) => url.startsWith("file:") || /^postgres(ql)?:\/\//.test(url), { error: "must be file:<path> or postgresql://…" }),
  /**
   * The demo scenario on an empty database: `true` holds back its last day for `npm run demo:replay`,
   * `full` loads all of it, `false` none (server/seed/demo-scenario.ts).
   */
  DEMO_DATA: z
    .enum(["true", "full", "false", "1", "0", ""], { error: "must be true, full or false" })
    .optional()
    .transform((value): "held-back" | "full" | false => (value === "full" ? "full" : value === "false" || value === "0" ? false : "held-back")),
  PUBLIC_READ: booleanFlag(true),
  ADMIN_EMAIL: z
    .email()
    .optional()
    .or(z.literal("").transform(() => undefined)),
  ADMIN_PASSWORD: z.string().optional(),
  /** The address people use to reach this server (e.g. https://desk.example.org), for links it writes in its log. */
  PUBLIC_URL: z
    .url({ protocol: /^https?$/, error: "must be an http(s) URL, e.g. https://desk.example.org" })
    .optional()
    .or(z.literal("").transform(() => undefined))
    .transform((url) => url?.replace(/\/+$/, "")),
  REDIS_URL: z.string().optional(),
  /** Origins (besides the server's own) allowed to open sockets and make cookie writes, comma-separated. */
  ALLOWED_ORIGINS: z.string().default(""),
  /** The Mapbox renderer's token (inlined into the browser bundle at build); the CSP then allows Mapbox's hosts. */
  NEXT_PUBLIC_MAPBOX_TOKEN: z.string().optional(),
  /** frame-ancestors for /wall only (e.g. "https://intranet.example"); by default no page may be framed. */
  WALL_FRAME_ANCESTORS: z.string().default(""),
  /** frame-ancestors for the embeds (/embed/…): any site by default ("*"); e.g. "https://news.example https://*.news.example". */
  EMBED_FRAME_ANCESTORS: z
    .string()
    .default("*")
    .transform((value) => value.trim() || "*"),
  /** Behind a reverse proxy: take the client address from the last X-Forwarded-For entry (for rate limits). */
  TRUST_PROXY: booleanFlag(false),
  /** Failed sign-ins allowed per account and client address within LOGIN_RATE_WINDOW_S; then 429. */
  LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).default(10),
  /** Failed sign-ins allowed per client address over all accounts within LOGIN_RATE_WINDOW_S (a password spray); then 429. */
  LOGIN_ADDRESS_RATE_LIMIT: z.coerce.number().int().min(1).default(50),
  LOGIN_RATE_WINDOW_S: z.coerce
    .number()
    .int()
    .min(1)
    .default(15 * 60),
  /** Writes (POST, PATCH, DELETE) allowed per user within WRITE_RATE_WINDOW_S; then 429. 0 turns the limit off. */
  WRITE_RATE_LIMIT: z.coerce.number().int().min(0).default(3000),
  WRITE_RATE_WINDOW_S: z.coerce.number().int().min(1).default(60),
  /** How long a post's Idempotency-Key (and the response it replays) is kept: a retry within it creates nothing new. */
  IDEMPOTENCY_RETENTION_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .default(7 * 24),
  /** Days the audit trail is kept; 0 keeps it forever. */
  AUDIT_RETENTION_DAYS: z.coerce.number().int().min(0).default(0),
  /** Open sockets allowed per client address (the rate limits' address rule) on each node; more are refused. 0 turns the limit off. */
  SOCKET_ADDRESS_LIMIT: z.coerce.number().int().min(0).default(100),
  /** Output a socket may have waiting to be sent (bytes, about); past it the socket is dropped and its client resumes with `after`. */
  SOCKET_BUFFER_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(4 * 1024 * 1024),
  /** Seconds a socket's output may wait without any of it being taken by the client; then it is dropped the same way. */
  SOCKET_STALL_TIMEOUT_S: z.coerce.number().int().min(1).default(15),
  /**
   * PostgreSQL deadlines: a statement running longer is cancelled by the server (statement_timeout), and
   * the client gives up on an answer one second after that (a partition holds packets; nothing else would
   * end the wait). Either way the request gets a 503 with Retry-After.
   */
  DATABASE_QUERY_TIMEOUT_S: z.coerce.number().int().min(1).default(5),
  /** PostgreSQL: longest wait for a new connection or a free one in the pool, then 503. */
  DATABASE_CONNECT_TIMEOUT_S: z.coerce.number().int().min(1).default(3),
  /** This node's name in health's `nodes` list; by default `<host name>:<port>`. */
  NODE_NAME: z
    .string()
    .max(200)
    .optional()
    .or(z.literal("").transform(() => undefined)),
  /** How often each node writes its heartbeat row (listed in health; the write also probes that the database takes writes). */
  NODE_HEARTBEAT_S: z.coerce.number().int().min(1).max(300).default(5),
  LOG_LEVEL: z.enum(["silent", "error", "info", "debug"]).default("info"),
  /**
   * Hosts a webhook may target although they resolve to a loopback or private address (comma-separated
   * host names or addresses, e.g. "127.0.0.1,hooks.internal"); every other such target is refused (SSRF).
   */
  WEBHOOK_ALLOW_HOSTS: z
    .string()
    .default("")
    .transform((list) =>
      list
        .split(",")
        .map((host) =>
          host
            .trim()
            .toLowerCase()
            .replace(/^\[|\]$/g, ""),
        )
        .filter(Boolean),
    ),
  /** Seconds a webhook's receiver has to answer one delivery before it counts as failed (and is retried). */
  WEBHOOK_TIMEOUT_S: z.coerce.number().int().min(1).max(120).default(10),
});

export type Env = z.infer<typeof envSchema> & { databaseFile: string | null; dbProvider: "sqlite" | "postgresql" };

export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`).join("\n");
    throw new Error(`Invalid environment:\n${problems}`);
  }
  const env = parsed.data;
  const isSqlite = env.DATABASE_URL.startsWith("file:");
  return {
    ...env,
    dbProvider: isSqlite ? "sqlite" : "postgresql",
    databaseFile: isSqlite ? path.resolve(env.DATABASE_URL.slice("file:".length)) : null,
  };
}
