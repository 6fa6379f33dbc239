import type { Db } from "../../db/client";

/**
 * Whether the install still needs its first admin: no user who can sign in exists. Users are never
 * deleted, so once this is false it stays false; the answer is then kept in memory and health stops
 * asking the database.
 */
let setUp = false;

export async function isSetupRequired(db: Db): Promise<boolean> {
  if (setUp) return false;
  const users = await db.user.count({ where: { passwordHash: { not: null } } });
  if (users > 0) setUp = true;
  return !setUp;
}
