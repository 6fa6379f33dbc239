/**
 * A baseline read region by region, as the admin sets it in bulk: one holder for a whole region, nobody,
 * or "mixed" when its places start with different holders (or some with none), kept place by place.
 */
import type { Baseline } from "../schemas/reference";

/** A region whose places start with different holders, or some with none (not a slug: slugs have no brackets). */
export const MIXED = "(mixed)";

export interface RegionHolder {
  region: { slug: string; name: string };
  /** The faction holding every place of the region; null: none of them; MIXED: some other split. */
  holder: string | null;
  /** The region's places that have a holder, as PUT /api/baseline takes them. */
  places: { place: string; faction: string }[];
}

export function regionHolders(
  regions: readonly { slug: string; name: string }[],
  places: readonly { slug: string; region?: string | null }[],
  baseline: Baseline,
): RegionHolder[] {
  const holderOf = new Map(baseline.places.map((p) => [p.place, p.faction]));
  return regions.map((region) => {
    const inRegion = places.filter((p) => p.region === region.slug);
    const held = inRegion.flatMap((p) => (holderOf.has(p.slug) ? [{ place: p.slug, faction: holderOf.get(p.slug)! }] : []));
    const factions = new Set(held.map((h) => h.faction));
    const holder = held.length === 0 ? null : factions.size === 1 && held.length === inRegion.length ? [...factions][0]! : MIXED;
    return { region, holder, places: held };
  });
}

export interface BaselineChanges {
  /** A region's new holder for all its places ("" = nobody; MIXED = keep its places as they are). */
  regions: Record<string, string>;
  /** A place's own new holder ("" = nobody), over its region's. */
  places: Record<string, string>;
}

/** Who holds `place` at the start once `changes` apply ("" = nobody): its own change, its region's, else what is stored. */
export function startingHolder(place: { slug: string; region?: string | null }, stored: ReadonlyMap<string, string>, changes: BaselineChanges): string {
  if (place.slug in changes.places) return changes.places[place.slug]!;
  const region = place.region ? changes.regions[place.region] : undefined;
  return region !== undefined && region !== MIXED ? region : (stored.get(place.slug) ?? "");
}

type Assignment = { region: string; faction: string } | { place: string; faction: string };

/**
 * The PUT /api/baseline assignments for what is stored with the editor's changes over it: a region set
 * to one faction (or nobody) sets each of its places, a place set on its own wins over its region, and a
 * region left "mixed" keeps its places' holders. Written compactly: one assignment for a region whose
 * places all start with the same faction, one per place otherwise.
 */
export function baselineAssignments(
  regions: readonly { slug: string }[],
  places: readonly { slug: string; region?: string | null }[],
  stored: Baseline,
  changes: BaselineChanges,
): Assignment[] {
  const storedHolder = new Map(stored.places.map((p) => [p.place, p.faction]));
  const holderOf = (place: { slug: string; region?: string | null }) => startingHolder(place, storedHolder, changes);
  const known = new Set(regions.map((r) => r.slug));
  const byRegion = new Map<string, { slug: string; faction: string }[]>();
  const loose: { place: string; faction: string }[] = [];
  for (const place of places) {
    const faction = holderOf(place);
    if (place.region && known.has(place.region)) {
      const list = byRegion.get(place.region) ?? [];
      list.push({ slug: place.slug, faction });
      byRegion.set(place.region, list);
    } else if (faction) loose.push({ place: place.slug, faction });
  }
  return [
    ...regions.flatMap((region): Assignment[] => {
      const list = byRegion.get(region.slug) ?? [];
      const factions = new Set(list.map((p) => p.faction));
      if (factions.size === 1 && !factions.has("")) return [{ region: region.slug, faction: list[0]!.faction }];
      return list.filter((p) => p.faction).map((p) => ({ place: p.slug, faction: p.faction }));
    }),
    ...loose,
  ];
}
