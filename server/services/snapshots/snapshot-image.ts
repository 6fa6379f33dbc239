/**
 * `GET /api/situations/:slug/snapshot.svg` and `snapshot.png` (issue #17, contract "Publishing out"):
 * a view of the situation at a moment, drawn on the server without a browser (d3-geo to SVG, resvg to
 * PNG, bundled fonts), with the "as of" stamp, legend and attribution drawn in. Each picture is drawn
 * once per key (internal/snapshot-key.ts: the normalised query, the feed position, the factions) and kept
 * (internal/snapshot-cache.ts); a picture not kept is drawn in the client address's fair turn
 * (server/http/fair-share.ts, as the statistics are), so a loop of distinct sizes cannot take the
 * server. docs/decisions/0027-snapshot-images.md.
 */
import type { SnapshotImageQuery } from "../../../lib/schemas/snapshot";
import { SNAPSHOT_PNG_MAX_PX, SNAPSHOT_SIZE } from "../../../lib/snapshot/snapshot-size";
import { requireReader } from "../../auth/require-role";
import type { Actor } from "../../auth/sessions";
import type { AppContext } from "../../context";
import { invalid } from "../../errors";
import { readLastSeq } from "../feed/internal/read-feed";
import { listFactions } from "../reference/list-factions";
import { drawSnapshotSvg } from "./internal/draw-snapshot-svg";
import { rasteriseSvg } from "./internal/rasterise-svg";
import { SnapshotCache, type DrawnSnapshot } from "./internal/snapshot-cache";
import { snapshotCacheControl, snapshotEtag, snapshotKey, snapshotMoment, type SnapshotFormat } from "./internal/snapshot-key";

/** The pictures' formats (snapshot.txt shares the key, not the drawing). */
export type ImageFormat = Exclude<SnapshotFormat, "txt">;

export interface SnapshotImage extends DrawnSnapshot {
  cacheControl: string;
}

const CONTENT_TYPES: Record<ImageFormat, string> = { svg: "image/svg+xml; charset=utf-8", png: "image/png" };

// One cache per process, shared by every copy of this module (server/context.ts explains the copies).
const CACHE_KEY = Symbol.for("situation-desk.snapshot-images");
const snapshotCache = () => ((globalThis as typeof globalThis & { [CACHE_KEY]?: SnapshotCache })[CACHE_KEY] ??= new SnapshotCache());

export async function snapshotImage(
  ctx: AppContext,
  actor: Actor | null,
  query: SnapshotImageQuery,
  format: ImageFormat,
  address: string,
): Promise<SnapshotImage> {
  // Before the cache: a kept picture must not skip the reader rule.
  requireReader(actor, ctx.env.PUBLIC_READ);
  if (format === "png") {
    const over = (["width", "height"] as const).filter((side) => query[side] > SNAPSHOT_PNG_MAX_PX);
    if (over.length > 0)
      throw invalid(
        `Invalid query: a PNG is at most ${SNAPSHOT_PNG_MAX_PX} pixels on either side (SVG: ${SNAPSHOT_SIZE.width.max}).`,
        over.map((side) => ({ path: side, message: `must be at most ${SNAPSHOT_PNG_MAX_PX} for a PNG` })),
      );
  }
  if (query.frame === "full") {
    // Its heading, stamp and legend need the room; the map alone (frame=none) goes down to MAP_PICTURE_MIN_PX.
    const under = (["width", "height"] as const).filter((side) => query[side] < SNAPSHOT_SIZE[side].min);
    if (under.length > 0)
      throw invalid(
        `Invalid query: a framed picture is at least ${SNAPSHOT_SIZE.width.min} × ${SNAPSHOT_SIZE.height.min} pixels.`,
        under.map((side) => ({ path: side, message: `must be at least ${SNAPSHOT_SIZE[side].min} with frame=full` })),
      );
  }
  const now = ctx.now();
  const { moment, live } = snapshotMoment(query, now);
  const [lastSeq, factions] = await Promise.all([readLastSeq(ctx.db), listFactions(ctx, actor)]);
  const key = snapshotKey({ situation: `${ctx.situation.slug}@${ctx.situation.store}`, format, query, moment, lastSeq, factions });
  const cacheControl = snapshotCacheControl(query, now, ctx.env.PUBLIC_READ);
  const cache = snapshotCache();
  const kept = cache.get(key);
  if (kept) return { ...kept, cacheControl };
  const drawn = await ctx.fairShare.run(address, `snapshot|${key}`, async (): Promise<DrawnSnapshot> => {
    const svg = await drawSnapshotSvg(ctx, actor, query, moment, live, factions);
    return {
      body: format === "png" ? await rasteriseSvg(svg) : Buffer.from(svg, "utf8"),
      contentType: CONTENT_TYPES[format],
      etag: snapshotEtag(key),
    };
  });
  cache.set(key, drawn);
  return { ...drawn, cacheControl };
}
