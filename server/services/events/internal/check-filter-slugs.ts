import type { EventFilter } from "../../../../lib/schemas/event-query";
import type { Db } from "../../../db/client";
import { invalid } from "../../../errors";

/** Rejects filter slugs that name nothing (a typo is an error, not an empty result) and a window that ends before it starts. */
export async function checkFilterSlugs(db: Db, filter: EventFilter): Promise<void> {
  const [regions, factions] = await Promise.all([
    filter.region ? db.region.findMany({ where: { slug: { in: filter.region } }, select: { slug: true } }) : [],
    filter.faction ? db.faction.findMany({ where: { slug: { in: filter.faction } }, select: { slug: true } }) : [],
  ]);
  const details = [
    ...(filter.region ?? []).filter((slug) => !regions.some((r) => r.slug === slug)).map((slug) => ({ path: "region", message: `unknown region '${slug}'` })),
    ...(filter.faction ?? [])
      .filter((slug) => !factions.some((f) => f.slug === slug))
      .map((slug) => ({ path: "faction", message: `unknown faction '${slug}'` })),
  ];
  if (filter.from && filter.to && Date.parse(filter.from) > Date.parse(filter.to)) details.push({ path: "from", message: "must not be after to" });
  if (details.length > 0) throw invalid(`Invalid filter: ${details.map((d) => d.message).join(", ")}.`, details);
}
