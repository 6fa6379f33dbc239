/**
 * Which place of a situation an imported row's position is (issue #18): a place of the same name
 * nearby, else the nearest place within the row's precision, else none (the import adds one). Built
 * once per import over the situation's places (a Delaunay triangulation: each lookup is a walk of a
 * few triangles, not a scan of thousands of places); the places the import adds join it in groups.
 */
import distance from "@turf/distance";
import { Delaunay } from "d3-delaunay";
import { normalizeName } from "../desk/place-match";
import type { Place } from "../schemas/reference";
import type { Precision } from "./import-draft";

export type FinderPlace = Pick<Place, "slug" | "name" | "names" | "lat" | "lon" | "region">;

/**
 * How far from the row's position the place may be, by ACLED's geo_precision: 1 the place itself (its
 * coordinates and the gazetteer's differ by a town's size), 2 near it, 3 somewhere in its region (the
 * region's middle). Unknown: as 1.
 */
export const MATCH_RADIUS_KM: Record<Precision, number> = { 1: 5, 2: 15, 3: 50 };
/** A place of the row's very name is taken up to this far (a town's point in two gazetteers). */
export const SAME_NAME_RADIUS_KM = 25;

export interface Located {
  name: string;
  lat: number;
  lon: number;
  precision: Precision | null;
}

/** Kilometres between two positions on the ground (great circle). */
export const distanceKm = (a: { lat: number; lon: number }, b: { lat: number; lon: number }) =>
  distance([a.lon, a.lat], [b.lon, b.lat], { units: "kilometers" });
const km = distanceKm;
const namesOf = (place: FinderPlace) => [place.name, place.slug, ...Object.values(place.names)].filter((n): n is string => Boolean(n)).map(normalizeName);

/** Places added are looked at one by one until there are this many; then the triangulation takes them in. */
const ADDED_UNINDEXED_MAX = 64;

export class PlaceFinder {
  private places: FinderPlace[];
  private delaunay: Delaunay<FinderPlace> | null = null;
  private readonly byName = new Map<string, FinderPlace[]>();
  /** Places added since the triangulation was built. */
  private added: FinderPlace[] = [];
  /** Longitude scale at the places' middle latitude: nearest in the plane ≈ nearest on the ground, in one country. */
  private readonly xScale: number;

  constructor(places: readonly FinderPlace[]) {
    this.places = [...places];
    const midLat = this.places.length ? this.places.reduce((sum, p) => sum + p.lat, 0) / this.places.length : 0;
    this.xScale = Math.cos((midLat * Math.PI) / 180);
    this.triangulate();
    for (const place of this.places) this.index(place);
  }

  private triangulate() {
    this.delaunay = this.places.length
      ? Delaunay.from(
          this.places,
          (p) => p.lon * this.xScale,
          (p) => p.lat,
        )
      : null;
  }

  private index(place: FinderPlace) {
    for (const name of new Set(namesOf(place))) {
      const same = this.byName.get(name);
      if (same) same.push(place);
      else this.byName.set(name, [place]);
    }
  }

  /** A place of `at`'s very name within SAME_NAME_RADIUS_KM, the nearest such, or null. */
  findNamed(at: Located): FinderPlace | null {
    return (
      (this.byName.get(normalizeName(at.name)) ?? [])
        .map((place) => ({ place, km: km(place, at) }))
        .filter((c) => c.km <= SAME_NAME_RADIUS_KM)
        .sort((a, b) => a.km - b.km)[0]?.place ?? null
    );
  }

  /** The place a row at `at` is (of its name nearby, else the nearest within its precision), or null. */
  find(at: Located): FinderPlace | null {
    const sameName = this.findNamed(at);
    if (sameName) return sameName;
    const nearest = this.closest(at);
    return nearest && nearest.km <= MATCH_RADIUS_KM[at.precision ?? 1] ? nearest.place : null;
  }

  /** A place the import added: later rows find it. */
  add(place: FinderPlace): void {
    this.added.push(place);
    this.index(place);
    if (this.added.length >= ADDED_UNINDEXED_MAX) {
      this.places = [...this.places, ...this.added];
      this.added = [];
      this.triangulate();
    }
  }

  /** The nearest known place at all and how far it is (for a new place's region). */
  nearest(at: { lat: number; lon: number }): { place: FinderPlace; km: number } | null {
    return this.closest(at) ?? null;
  }

  private closest(at: { lat: number; lon: number }): { place: FinderPlace; km: number } | undefined {
    const candidates = [...this.added];
    if (this.delaunay) candidates.push(this.places[this.delaunay.find(at.lon * this.xScale, at.lat)]!);
    return candidates.map((place) => ({ place, km: km(place, at) })).sort((a, b) => a.km - b.km)[0];
  }
}
