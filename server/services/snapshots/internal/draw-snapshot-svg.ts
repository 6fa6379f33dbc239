/**
 * One snapshot drawn as SVG: the data its view needs gathered (map-snapshot-data.ts,
 * chart-snapshot-data.ts), its text alternative written (snapshot-text.ts, the same words snapshot.txt
 * answers for the same query), and both handed to the pure drawing (lib/snapshot/snapshot-svg.ts).
 */
import { createTranslator } from "next-intl";
import en from "../../../../messages/en.json";
import nl from "../../../../messages/nl.json";
import type { Translate } from "../../../../lib/format/describe-event";
import type { SnapshotImageQuery } from "../../../../lib/schemas/snapshot";
import { areaPadding } from "../../../../lib/geo/map-views";
import { mapPictureSvg } from "../../../../lib/snapshot/map-picture";
import { snapshotSvg } from "../../../../lib/snapshot/snapshot-svg";
import type { Actor } from "../../../auth/sessions";
import type { AppContext } from "../../../context";
import { invalid } from "../../../errors";
import { checkFilterSlugs } from "../../events/internal/check-filter-slugs";
import { snapshotText } from "../snapshot-text";
import { CHART_WINDOW_DAYS, chartSnapshotData } from "./chart-snapshot-data";
import { mapSnapshotData } from "./map-snapshot-data";

export async function drawSnapshotSvg(
  ctx: AppContext,
  actor: Actor | null,
  query: SnapshotImageQuery,
  moment: Date,
  live: boolean,
  factions: readonly { slug: string; name: string; color: string }[],
): Promise<string> {
  await checkFilterSlugs(ctx.db, { region: query.region });
  if (query.frame === "none") {
    if (query.view !== "map") throw invalid("Invalid query: frame=none draws the map view only.", [{ path: "frame", message: "needs view=map" }]);
    const { map } = await mapSnapshotData(ctx, actor, query, moment, live, factions);
    return mapPictureSvg(map, {
      width: query.width,
      height: query.height,
      scale: query.scale,
      theme: query.theme,
      padding: query.padding ?? areaPadding(query.width),
    });
  }
  if (query.padding !== undefined) throw invalid("Invalid query: padding needs frame=none.", [{ path: "padding", message: "needs frame=none" }]);
  const translator = createTranslator({ locale: query.lang, messages: query.lang === "nl" ? nl : en });
  const t = ((key: string, values?: Record<string, string | number>) => translator(key as never, values as never)) as Translate;
  const situation = await ctx.situations.registry.find(ctx.situation.slug);
  const common = {
    width: query.width,
    height: query.height,
    theme: query.theme,
    lang: query.lang,
    situation: (query.lang === "nl" && situation?.names.nl) || situation?.name || ctx.situation.slug,
    at: moment.toISOString(),
    ...(query.known ? { known: new Date(query.known).toISOString() } : {}),
    t,
  };
  const { width: _width, height: _height, ...textQuery } = query;
  const descText = snapshotText(ctx, actor, { ...textQuery, at: moment.toISOString() });
  if (query.view === "map") {
    const [data, desc] = await Promise.all([mapSnapshotData(ctx, actor, query, moment, live, factions), descText]);
    return snapshotSvg({ ...common, desc: desc.trim(), view: "map", ...data });
  }
  const [chart, desc] = await Promise.all([chartSnapshotData(ctx, actor, { ...query, view: query.view }, moment, factions, t), descText]);
  return snapshotSvg({ ...common, desc: desc.trim(), view: query.view, chart, windowDays: CHART_WINDOW_DAYS });
}
