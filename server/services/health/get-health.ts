import type { AppContext } from "../../context";
import { readLastSeq } from "../feed/read-feed";

/** Liveness and the feed position; reading the counter proves the database answers. */
export async function getHealth(ctx: AppContext): Promise<{ ok: true; lastSeq: number; db: "sqlite" | "postgresql" }> {
  return { ok: true, lastSeq: await readLastSeq(ctx.db), db: ctx.env.dbProvider };
}
