import type { FeedPage } from "../../../lib/schemas/feed";
import { requireReader } from "../../auth/require-role";
import type { Actor } from "../../auth/sessions";
import type { AppContext } from "../../context";
import { readFeedAfter, readLastSeq } from "./internal/read-feed";

export interface FeedQuery {
  after: number;
  limit: number;
  tail?: number;
}

/** GET /api/feed: entries after a seq, and the last committed seq (to resume from when none are left). */
export async function listFeed(ctx: AppContext, actor: Actor | null, query: FeedQuery): Promise<FeedPage> {
  requireReader(actor, ctx.env.PUBLIC_READ);
  const lastSeq = await readLastSeq(ctx.db);
  const entries = query.tail
    ? await readFeedAfter(ctx.db, ctx.situation.slug, Math.max(0, lastSeq - query.tail), query.tail)
    : await readFeedAfter(ctx.db, ctx.situation.slug, query.after, query.limit);
  return { entries, lastSeq: Math.max(lastSeq, entries.at(-1)?.seq ?? 0) };
}
