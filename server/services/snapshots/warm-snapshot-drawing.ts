/**
 * The first drawing of a map after a start paid for loading and compiling the drawing code and for the
 * first reads behind it: ~275 ms over 1,000,000 events on this machine, where the next size took ~100 ms.
 * The first page's map picture (decision 0029) is its largest paint, so the server draws the default
 * situation's live map once right after it starts listening, and throws the drawing away (a page asks
 * for its own box's size, another key).
 */
import { snapshotImageQuerySchema } from "../../../lib/schemas/snapshot";
import type { AppContext } from "../../context";
import { listFactions } from "../reference/list-factions";
import { situationContext } from "../situations/situation-context";
import { drawSnapshotSvg } from "./internal/draw-snapshot-svg";
import { snapshotMoment } from "./internal/snapshot-key";

export async function warmSnapshotDrawing(root: AppContext): Promise<void> {
  const ctx = await situationContext(root);
  const query = snapshotImageQuerySchema.parse({ view: "map", frame: "none", width: "960", height: "540", theme: "dark" });
  const { moment, live } = snapshotMoment(query, ctx.now());
  // As a reader would see it; a private desk (PUBLIC_READ=false) refuses here, and nothing is warmed.
  await drawSnapshotSvg(ctx, null, query, moment, live, await listFactions(ctx, null));
}
