/**
 * Database-backed sessions. A token is 32 random bytes (base64url); only its SHA-256 is stored, so a
 * database leak yields no usable token. The same token works as the session cookie and as a bearer
 * token. Deleting a user's rows ends every session at once (sockets are closed by the caller).
 */
import { createHash, randomBytes } from "node:crypto";
import type { Db, Tx } from "../db/client";
import { fetchRows, raw, sql, storedBoolean, storedDate } from "../db/sql";
import { sqliteFirstRow } from "../db/sqlite-direct";
import type { Role } from "../../lib/schemas/users";

export const SESSION_COOKIE = "sd_session";
export const SESSION_TTL_MS = 30 * 24 * 60 * 60 * 1000; // 30 days

export interface Actor {
  id: string;
  name: string;
  email: string;
  role: Role;
  /** How the request authenticated: cookie writes are CSRF-checked, bearer writes are not. */
  via: "cookie" | "bearer";
  /** The stored id of the session or token used (absent for the seed's built-in actor). */
  sessionId?: string;
  /** When that session or token stops working (open sockets are closed then). */
  expiresAt?: Date;
}

export type SessionKind = "session" | "token";

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export async function createSession(
  db: Db | Tx,
  userId: string,
  now: Date,
  token?: { label: string; ttlMs: number },
): Promise<{ token: string; expiresAt: Date; publicId?: string }> {
  const secret = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + (token?.ttlMs ?? SESSION_TTL_MS));
  const publicId = token ? randomBytes(9).toString("base64url") : undefined;
  await db.session.create({
    data: { id: hashToken(secret), userId, createdAt: now, expiresAt, kind: token ? "token" : "session", label: token?.label, publicId },
  });
  return { token: secret, expiresAt, publicId };
}

interface ActorRow {
  sessionId: string;
  expiresAt: string | number | bigint | Date;
  userId: string;
  name: string;
  email: string;
  role: string;
  disabled: boolean | number | bigint;
}

/** Its session and user, by the token's hash: one hand-written query. */
const ACTOR_SQL = `SELECT s."id" AS "sessionId", s."expiresAt" AS "expiresAt", u."id" AS "userId", u."name" AS "name", u."email" AS "email", u."role" AS "role", u."disabled" AS "disabled"
  FROM "Session" s JOIN "User" u ON u."id" = s."userId" WHERE s."id" = `;

/**
 * The actor behind a session or token, or null (unknown, expired, user disabled). Every authenticated
 * request and socket asks this: on SQLite a kept statement on Prisma's own connection
 * (server/db/sqlite-direct.ts, a few µs), elsewhere one raw query through Prisma (~0.6 ms of CPU; its
 * `findUnique` with `include` cost ~1.3 ms, docs/decisions/0012-group-commit.md).
 */
export async function findActor(db: Db, token: string, via: Actor["via"], now: Date): Promise<Actor | null> {
  if (token.length < 20 || token.length > 200) return null;
  const hash = hashToken(token);
  const direct = sqliteFirstRow<ActorRow>(db, `${ACTOR_SQL}?`, hash);
  const row = direct === null ? (await fetchRows<ActorRow>(db, sql`${raw(ACTOR_SQL)}${hash}`))[0] : direct;
  if (!row || storedDate(row.expiresAt) <= now || storedBoolean(row.disabled)) return null;
  return { id: row.userId, name: row.name, email: row.email, role: row.role as Role, via, sessionId: row.sessionId, expiresAt: storedDate(row.expiresAt) };
}

export async function deleteSession(db: Db, token: string): Promise<void> {
  await db.session.deleteMany({ where: { id: hashToken(token) } });
}

export async function deleteUserSessions(db: Db | Tx, userId: string): Promise<void> {
  await db.session.deleteMany({ where: { userId } });
}
