/**
 * Which of a situation's places an imported file's place is, or the new place to add for it (issue #18).
 * Pure: the import (server/services/imports/run-import.ts) adds the place, then tells the resolver, so the
 * rows after it find it.
 *
 * A file's place is its slug where the situation has that place (no farther than a town's size from the
 * file's position), else a place of its name nearby, else (a place without a slug: ACLED's) the nearest
 * place within its precision, else a new place under the file's slug where that is free. A file's slugged
 * place is never merged into a nearby place of another name (Tartus and its naval base are 2 km apart).
 */
import { normalizeName, skeleton, slugFromName } from "../desk/place-match";
import { slugSchema } from "../schemas/common";
import { createPlaceSchema, type CreatePlaceInput, type Place, type Region } from "../schemas/reference";
import { zodDetails } from "../schemas/zod-details";
import type { PlaceRef } from "./import-draft";
import { distanceKm, PlaceFinder, SAME_NAME_RADIUS_KM } from "./place-finder";

/** A new place takes the region of the nearest place up to this far, when the file names none of the situation's regions. */
const REGION_NEIGHBOUR_KM = 50;

export type Resolution = { slug: string } | { add: CreatePlaceInput } | { missing: string };

export class PlaceResolver {
  private readonly finder: PlaceFinder;
  private readonly positions: Map<string, { lat: number; lon: number }>;
  private readonly taken: Set<string>;
  private readonly regionByName: Map<string, string>;
  private readonly regionBySkeleton: Map<string, string>;

  constructor(places: readonly Pick<Place, "slug" | "name" | "names" | "lat" | "lon" | "region">[], regions: readonly Region[]) {
    this.finder = new PlaceFinder(places);
    this.positions = new Map(places.map((p) => [p.slug, { lat: p.lat, lon: p.lon }]));
    this.taken = new Set(places.map((p) => p.slug));
    // ACLED spells admin1 its own way ("Idleb"; the gazetteer: "Idlib"): the same name, else the same consonants.
    this.regionByName = new Map(regions.map((r) => [normalizeName(r.name), r.slug]));
    this.regionBySkeleton = new Map(regions.map((r) => [skeleton(normalizeName(r.name)), r.slug]));
  }

  private regionNamed(name: string): string | undefined {
    if (!name.trim()) return undefined;
    return this.regionByName.get(normalizeName(name)) ?? this.regionBySkeleton.get(skeleton(normalizeName(name)));
  }

  resolve(ref: PlaceRef): Resolution {
    const known = ref.slug ? this.positions.get(ref.slug) : undefined;
    const { lat, lon } = ref;
    if (known && (lat === undefined || lon === undefined || distanceKm(known, { lat, lon }) <= SAME_NAME_RADIUS_KM)) return { slug: ref.slug! };
    if (lat === undefined || lon === undefined) return { missing: "is not this situation's, and the file gives no position for it" };
    const at = { name: ref.name, lat, lon, precision: ref.precision };
    const found = ref.slug ? this.finder.findNamed(at) : this.finder.find(at);
    if (found) return { slug: found.slug };
    const neighbour = this.finder.nearest({ lat, lon });
    const region =
      (ref.region ? this.regionNamed(ref.region) : undefined) ?? (neighbour && neighbour.km <= REGION_NEIGHBOUR_KM ? neighbour.place.region : null);
    const base = ((ref.slug && slugSchema.safeParse(ref.slug).success ? ref.slug : "") || slugFromName(ref.name) || "place").slice(0, 60).replace(/-+$/, "");
    let slug = base;
    for (let n = 2; this.taken.has(slug); n++) slug = `${base}-${n}`;
    const checked = createPlaceSchema.safeParse({
      slug,
      name: ref.name,
      lat,
      lon,
      kind: ref.precision === 3 ? "other" : "town",
      ...(region ? { region } : {}),
    });
    if (!checked.success) {
      const first = zodDetails(checked.error)[0]!;
      return { missing: `cannot be added: its ${first.path} ${first.message}` };
    }
    return { add: checked.data };
  }

  /** A slug someone else took meanwhile: the next resolution picks another. */
  take(slug: string): void {
    this.taken.add(slug);
  }

  /** A place added (a dry run: planned) for a file's place: later rows find it. */
  added(place: CreatePlaceInput): void {
    this.taken.add(place.slug);
    this.positions.set(place.slug, { lat: place.lat, lon: place.lon });
    this.finder.add({ slug: place.slug, name: place.name, names: {}, lat: place.lat, lon: place.lon, region: place.region ?? null });
  }
}
