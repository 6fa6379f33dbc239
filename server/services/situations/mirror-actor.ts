/**
 * A situation stored in a database of its own (docs/decisions/0024-situation-per-database.md) keeps a
 * copy of each user who writes to it: its reports, revisions, audit entries and idempotency keys refer
 * to their author by id, with foreign keys, as in the main database. The copy carries what those
 * records show (id, name, role), cannot sign in (no password; accounts and sessions are the main
 * database's) and is refreshed when the name or role differs from the last one written.
 */
import type { Actor } from "../../auth/sessions";
import type { AppContext } from "../../context";
import type { Db } from "../../db/client";
import { perDatabase } from "../../db/per-database";

const written = perDatabase("mirrored-actors", () => new Map<string, string>());

export async function mirrorActor(ctx: AppContext, actor: Pick<Actor, "id" | "name" | "role">): Promise<void> {
  if (ctx.db === ctx.accounts) return;
  await mirrorUser(ctx.db, actor);
}

export async function mirrorUser(db: Db, user: Pick<Actor, "id" | "name" | "role">): Promise<void> {
  const seen = written(db);
  const stamp = `${user.name}\u0000${user.role}`;
  if (seen.get(user.id) === stamp) return;
  const copy = { name: user.name, role: user.role, passwordHash: null, disabled: true };
  // The e-mail is unique in the schema and never read here: a placeholder that cannot collide.
  await db.user.upsert({ where: { id: user.id }, create: { id: user.id, email: `${user.id}@copy.invalid`, ...copy }, update: copy });
  seen.set(user.id, stamp);
}
