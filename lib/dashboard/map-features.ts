/**
 * What the map draws at one time, as GeoJSON: places coloured by their holder, zones, and the
 * movements of the preceding days (advances, withdrawals, evacuations abroad, strikes). Pure: the map
 * component only hands these to the map library.
 */
import type { Feature, FeatureCollection, LineString, Point, Polygon, Position } from "geojson";
import { arc, arrow } from "../geo/arrows";
import type { PlaceControl } from "../schemas/control";
import type { Confidence, EventType } from "../schemas/events";
import type { ListedEvent } from "../schemas/event-query";
import type { Place } from "../schemas/reference";

export interface PlaceProps {
  slug: string;
  faction: string;
  color: string;
  contested: boolean;
  attackerColor: string;
  /** 3 capital, 2 city, 1 everything else: drives the dot size. */
  rank: number;
}
export interface MovementProps {
  eventId: string;
  type: EventType;
  confidence: Confidence;
  color: string;
  faction: string;
}
export interface MovementLabel {
  eventId: string;
  position: Position;
  text: string;
}
export interface MapScene {
  places: FeatureCollection<Point, PlaceProps>;
  zones: FeatureCollection;
  lines: FeatureCollection<LineString, MovementProps>;
  heads: FeatureCollection<Polygon, MovementProps>;
  strikes: FeatureCollection<Point, MovementProps>;
  labels: MovementLabel[];
}

const NEUTRAL = "#8c8c8c";
const RANK: Record<string, number> = { capital: 3, city: 2 };

export function buildMapScene(input: {
  places: readonly Place[];
  control: readonly PlaceControl[];
  zones: FeatureCollection | undefined;
  recent: readonly ListedEvent[];
  colors: Record<string, string>;
  placeName: (slug: string) => string;
}): MapScene {
  const { places, control, zones, recent, colors, placeName } = input;
  const color = (faction: string) => colors[faction] ?? NEUTRAL;
  const holders = new Map(control.map((c) => [c.place, c]));
  const position = new Map(places.map((p) => [p.slug, [p.lon, p.lat] as Position]));

  const placeFeatures: Feature<Point, PlaceProps>[] = [];
  for (const place of places) {
    const holding = holders.get(place.slug);
    if (!holding) continue; // abroad destinations and unheld places are not dots
    placeFeatures.push({
      type: "Feature",
      id: place.slug,
      geometry: { type: "Point", coordinates: [place.lon, place.lat] },
      properties: {
        slug: place.slug,
        faction: holding.faction,
        color: color(holding.faction),
        contested: holding.contested,
        attackerColor: holding.attacker ? color(holding.attacker) : "transparent",
        rank: RANK[place.kind] ?? 1,
      },
    });
  }

  const zoneFeatures = (zones?.features ?? []).flatMap((zone) => {
    const holding = holders.get(String(zone.properties?.place));
    return holding ? [{ ...zone, properties: { ...zone.properties, color: color(holding.faction), contested: holding.contested } }] : [];
  });

  const lines: Feature<LineString, MovementProps>[] = [];
  const heads: Feature<Polygon, MovementProps>[] = [];
  const strikes: Feature<Point, MovementProps>[] = [];
  const labels: MovementLabel[] = [];
  const addArrow = (props: MovementProps, from: Position | undefined, to: Position | undefined, curved: boolean) => {
    if (!from || !to) return;
    if (curved) {
      const route = arc(from, to);
      const last = route.length - 1;
      const tip = arrow(route[last - 2]!, route[last]!, { inset: 0, headLength: 0.35, headWidth: 0.28 });
      lines.push({ type: "Feature", geometry: { type: "LineString", coordinates: route }, properties: props });
      if (tip) heads.push({ type: "Feature", geometry: { type: "Polygon", coordinates: [tip.head] }, properties: props });
      return;
    }
    const shape = arrow(from, to);
    if (!shape) return;
    lines.push({ type: "Feature", geometry: { type: "LineString", coordinates: shape.shaft }, properties: props });
    heads.push({ type: "Feature", geometry: { type: "Polygon", coordinates: [shape.head] }, properties: props });
  };

  for (const event of recent) {
    const props: MovementProps = { eventId: event.id, type: event.type, confidence: event.confidence, color: color(event.faction), faction: event.faction };
    switch (event.type) {
      case "advance": {
        const target = position.get(event.toward);
        const origin = event.from ? position.get(event.from) : nearestHeldBy(event.faction, target, control, position);
        addArrow(props, origin, target, false);
        if (event.distanceKm !== undefined && target) labels.push({ eventId: event.id, position: target, text: `${event.distanceKm} km` });
        break;
      }
      case "withdrawal":
        for (const from of event.from) addArrow(props, position.get(from), event.to ? position.get(event.to) : undefined, false);
        break;
      case "evacuation": {
        const to = position.get(event.to);
        addArrow(props, position.get(event.from), to, true);
        if (to) labels.push({ eventId: event.id, position: to, text: placeName(event.to) });
        break;
      }
      case "strike": {
        const at = position.get(event.place.slug);
        if (at) strikes.push({ type: "Feature", geometry: { type: "Point", coordinates: at }, properties: props });
        break;
      }
      case "control_change":
        break; // shown through the places and zones
    }
  }

  return {
    places: { type: "FeatureCollection", features: placeFeatures },
    zones: { type: "FeatureCollection", features: zoneFeatures },
    lines: { type: "FeatureCollection", features: lines },
    heads: { type: "FeatureCollection", features: heads },
    strikes: { type: "FeatureCollection", features: strikes },
    labels: dedupeLabels(labels),
  };
}

/** An advance without `from` starts at the advancing faction's nearest held place. */
function nearestHeldBy(faction: string, target: Position | undefined, control: readonly PlaceControl[], position: Map<string, Position>): Position | undefined {
  if (!target) return undefined;
  let best: Position | undefined;
  let bestDistance = Infinity;
  for (const holding of control) {
    if (holding.faction !== faction) continue;
    const at = position.get(holding.place);
    if (!at) continue;
    const distance = Math.hypot(at[0]! - target[0]!, at[1]! - target[1]!);
    if (distance > 0 && distance < bestDistance) [best, bestDistance] = [at, distance];
  }
  return best;
}

function dedupeLabels(labels: MovementLabel[]): MovementLabel[] {
  const seen = new Set<string>();
  return labels.filter((label) => {
    const key = `${label.position.join(",")}|${label.text}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
