import type { AppContext } from "../../context";
import { readLastSeq } from "../feed/read-feed";
import { isSetupRequired } from "../setup/setup-state";

export interface Health {
  ok: true;
  lastSeq: number;
  db: "sqlite" | "postgresql";
  /** Present while the install has no user who can sign in: open the setup link from the server's log. */
  setup?: "required";
}

/** Liveness and the feed position; reading the counter proves the database answers. */
export async function getHealth(ctx: AppContext): Promise<Health> {
  const [lastSeq, setupRequired] = await Promise.all([readLastSeq(ctx.db), isSetupRequired(ctx.db)]);
  return { ok: true, lastSeq, db: ctx.env.dbProvider, ...(setupRequired ? { setup: "required" as const } : {}) };
}
