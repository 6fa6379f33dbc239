/**
 * The situation map as SVG, drawn without a browser (issue #17: snapshot.svg and .png): the same scene
 * the live map draws (lib/dashboard/map-features.ts `buildMapScene`: places coloured by holder, zones,
 * the movements of the days before, strikes, distance labels), projected with d3-geo's Mercator onto
 * the situation's bounds, in the live map's colours and sizes (components/map/map-style.ts). Capitals,
 * cities and places abroad are named as on the live map, with their Arabic names under the capital's
 * and cities' names; labels that would cover one another or the legend are left out
 * (lib/geo/declutter.ts), the capital's last. Pure: the data arrive as arguments.
 */
import { geoArea, geoMercator, geoPath, type GeoPermissibleObjects, type GeoProjection } from "d3-geo";
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon, Position } from "geojson";
import { placesHeld } from "../control/control-at";
import { buildMapScene, type MovementProps } from "../dashboard/map-features";
import { declutter, type LabelBox } from "../geo/declutter";
import type { Bounds, MapPadding } from "../geo/map-views";
import type { PlaceControl } from "../schemas/control";
import type { ListedEvent } from "../schemas/event-query";
import type { Place } from "../schemas/reference";
import { mapLegendSvg, type LegendFaction, type MapLegendInput } from "./map-legend-svg";
import type { Box } from "./snapshot-frame";
import type { SnapshotPalette } from "./snapshot-palette";
import { el, escapeXml, num, textEl, textWidth } from "./svg-markup";

export interface SnapshotMapData {
  /** `[[west, south], [east, north]]`: what the map is framed on (the situation's, or its regions'). */
  bounds: Bounds;
  /** The countries around (GET /api/map/basemap.geojson: `properties.focus` on the situation's own). */
  basemap?: FeatureCollection;
  /** One cell per place (GET /api/map/zones.geojson: `properties.place`). */
  zones?: FeatureCollection;
  /** The regions' outlines (GET /api/regions.geojson), drawn dashed. */
  regions?: FeatureCollection;
  places: readonly Place[];
  control: readonly PlaceControl[];
  /** The movements of the days before the moment, newest first (as the live map's). */
  recent: readonly ListedEvent[];
  factions: readonly { slug: string; name: string; color: string }[];
  /** A place's name in the snapshot's language. */
  placeName: (slug: string) => string;
  /** The legend's words; without them no legend is drawn. */
  legend?: MapLegendInput["labels"];
}

export interface MapBodyOptions {
  /**
   * Frame the bounds as the live map's first view does (MapLibre's `fitBounds` with this padding, in the
   * same Web Mercator), so the picture lines up with the map drawn over it; default: beside the legend.
   */
  padding?: MapPadding;
}

/** Places whose names are written on the map (components/map/map-view.tsx LABELLED_KINDS), by priority. */
const LABEL_PRIORITY: Record<string, number> = { capital: 0, city: 1, abroad: 2 };
const DISTANCE_PRIORITY = 3;
/** Whose Arabic name is written under the name. */
const ARABIC_KINDS = new Set(["capital", "city"]);
const LABEL_PX: Record<string, number> = { capital: 15, city: 13, abroad: 12 };
const LABEL_WEIGHT: Record<string, number> = { capital: 700, city: 600, abroad: 400 };
const ARABIC_SHARE = 0.85;
/** Dot and halo radii by rank (3 capital, 2 city, 1 other), as components/map/map-style.ts. */
const DOT_PX = { 3: 8, 2: 6.5, 1: 4.5 } as Record<number, number>;
const HALO_PX = { 3: 16, 2: 14, 1: 11 } as Record<number, number>;
/** Confirmed movements are solid, reported ones dashed, claimed ones dotted (in line widths, as map-style.ts). */
const DASHES: Record<string, [number, number] | undefined> = { confirmed: undefined, reported: [2.5, 1.5], claimed: [0.6, 1.6] };
const LEGEND_WIDTH_PX = 270;
/** A faction without a colour on record (lib/dashboard/map-features.ts draws it so). */
const NEUTRAL = "#8c8c8c";
/** Below this body width the legend covers the map's left edge rather than pushing the map aside. */
const NARROW_PX = 640;
const MARGIN_PX = 12;

export interface MapBody {
  defs: string;
  body: string;
}

/** The map's layers, clipped to `area`, with its legend (when `data.legend` gives its words) in the top left corner. */
export function mapSvgBody(data: SnapshotMapData, area: Box, scale: number, palette: SnapshotPalette, options: MapBodyOptions = {}): MapBody {
  const s = scale;
  const p = palette;
  const margin = MARGIN_PX * s;
  const colors = Object.fromEntries(data.factions.map((f) => [f.slug, f.color]));
  const scene = buildMapScene({
    places: data.places,
    control: data.control,
    zones: data.zones,
    recent: data.recent,
    colors,
    placeName: data.placeName,
  });

  // The legend first: the map is fitted beside it when there is room, and labels keep off it.
  const names = new Map(data.factions.map((f) => [f.slug, f]));
  const factions: LegendFaction[] = placesHeld(data.control).map(([slug, count]) => ({
    slug,
    name: names.get(slug)?.name ?? slug,
    color: colors[slug] ?? NEUTRAL,
    count,
  }));
  const legendWidth = Math.min(LEGEND_WIDTH_PX * s, area.width * 0.45);
  const legend = data.legend
    ? mapLegendSvg({
        x: area.x + margin,
        y: area.y + margin,
        width: legendWidth,
        maxHeight: area.height - 2 * margin,
        scale: s,
        palette: p,
        compact: area.width < NARROW_PX,
        factions,
        labels: data.legend,
      })
    : null;
  const legendBox: LabelBox | null = legend ? { x: area.x + margin, y: area.y + margin, width: legendWidth, height: legend.height, priority: -1 } : null;

  const pad = options.padding ?? {
    top: margin,
    bottom: margin,
    right: margin,
    left: (legend && area.width >= NARROW_PX ? legendWidth + margin : 0) + margin,
  };
  const { top, bottom, left, right } = typeof pad === "number" ? { top: pad, bottom: pad, left: pad, right: pad } : pad;
  const [[west, south], [east, north]] = data.bounds;
  const projection = geoMercator().fitExtent(
    [
      [area.x + left, area.y + top],
      [area.x + area.width - right, area.y + area.height - bottom],
    ],
    {
      type: "MultiPoint",
      coordinates: [
        [west, south],
        [east, north],
        [west, north],
        [east, south],
      ],
    },
  );
  // Anything further than this beyond the canvas is cut before it is written.
  const bleed = 40 * s;
  projection.clipExtent([
    [area.x - bleed, area.y - bleed],
    [area.x + area.width + bleed, area.y + area.height + bleed],
  ]);
  const path = geoPath(projection).digits(1);
  const d = (object: GeoPermissibleObjects) => path(object) ?? "";

  const layers: string[] = [el("rect", { x: area.x, y: area.y, width: area.width, height: area.height, fill: p.water })];

  // Countries: land, borders, the situation's own outlined.
  const countries = (data.basemap?.features ?? []).map((f) => ({ focus: Boolean(f.properties?.focus), d: d(rewound(f)) })).filter((c) => c.d);
  layers.push(
    `<g data-layer="countries" stroke="${p.border}" stroke-width="${num(0.7 * s)}" stroke-linejoin="round">`,
    ...countries.map((c) => el("path", { d: c.d, fill: c.focus ? p.focusLand : p.land })),
    `</g>`,
    ...countries.filter((c) => c.focus).map((c) => el("path", { d: c.d, fill: "none", stroke: p.focusBorder, "stroke-width": 1.6 * s })),
  );

  // Zones in their holders' colours; contested ones hatched and outlined.
  const zones = scene.zones.features.map((zone) => ({
    color: String(zone.properties?.color),
    contested: Boolean(zone.properties?.contested),
    d: d(rewound(zone)),
  }));
  layers.push(
    `<g data-layer="zones" fill-opacity="${p.zoneOpacity}">`,
    ...zones.filter((z) => z.d).map((z) => el("path", { d: z.d, fill: z.color })),
    `</g>`,
    ...zones
      .filter((z) => z.d && z.contested)
      .map(
        (z) =>
          el("path", { d: z.d, fill: "url(#contested-hatch)" }) +
          el("path", { d: z.d, fill: "none", stroke: p.focusBorder, "stroke-width": 1.4 * s, "stroke-dasharray": `${num(1.4 * s)} ${num(1.4 * s)}` }),
      ),
  );

  // Region outlines, dashed.
  const regionPaths = (data.regions?.features ?? []).map((f) => d(rewound(f))).filter(Boolean);
  if (regionPaths.length > 0) {
    layers.push(
      el("path", {
        d: regionPaths.join(""),
        fill: "none",
        stroke: p.regionLine,
        "stroke-width": 0.8 * s,
        "stroke-dasharray": `${num(2.4 * s)} ${num(1.6 * s)}`,
        "data-layer": "regions",
      }),
    );
  }

  // Movements: lines by confidence, heads, strikes.
  const lineWidth = (props: MovementProps) => (props.type === "advance" ? 4 : 2.5) * s;
  layers.push(`<g data-layer="movements" fill="none" stroke-linecap="round">`);
  for (const line of scene.lines.features) {
    const width = lineWidth(line.properties);
    const dash = DASHES[line.properties.confidence];
    layers.push(
      el("path", {
        d: d(line),
        stroke: line.properties.color,
        "stroke-width": width,
        "stroke-opacity": line.properties.type === "withdrawal" ? 0.75 : 0.95,
        "stroke-dasharray": dash ? `${num(dash[0] * width)} ${num(dash[1] * width)}` : undefined,
        "data-event": line.properties.eventId,
      }),
    );
  }
  layers.push(`</g>`);
  for (const head of scene.heads.features) {
    layers.push(el("path", { d: d(rewound(head)), fill: head.properties.color, stroke: p.dotStroke, "stroke-width": 0.6 * s }));
  }
  for (const strike of scene.strikes.features) {
    const at = projection(strike.geometry.coordinates as [number, number]);
    if (at) layers.push(el("circle", { cx: at[0], cy: at[1], r: 14 * s, fill: "none", stroke: strike.properties.color, "stroke-width": 3 * s }));
  }

  // Places: contested halos, then dots, capitals on top.
  const dots = [...scene.places.features].sort((a, b) => a.properties.rank - b.properties.rank);
  const projected = dots.map((f) => ({ f, at: projection(f.geometry.coordinates as [number, number]) }));
  for (const { f, at } of projected) {
    if (!at || !f.properties.contested) continue;
    const color = f.properties.attackerColor === "transparent" ? p.focusBorder : f.properties.attackerColor;
    layers.push(
      el("circle", {
        cx: at[0],
        cy: at[1],
        r: HALO_PX[f.properties.rank]! * s,
        fill: color,
        "fill-opacity": 0.45,
        stroke: color,
        "stroke-width": 2 * s,
        "data-contested": f.properties.slug,
      }),
    );
  }
  for (const { f, at } of projected) {
    if (!at) continue;
    layers.push(
      el("circle", {
        cx: at[0],
        cy: at[1],
        r: DOT_PX[f.properties.rank]! * s,
        fill: f.properties.color,
        stroke: p.dotStroke,
        "stroke-width": 1.5 * s,
        "data-place": f.properties.slug,
      }),
    );
  }

  const labels = placeLabels(data, scene.labels, projection, area, s, p, legendBox);
  const clip = `snapshot-map-clip`;
  const defs =
    el("clipPath", { id: clip }, el("rect", { x: area.x, y: area.y, width: area.width, height: area.height })) +
    el(
      "pattern",
      { id: "contested-hatch", width: 6 * s, height: 6 * s, patternUnits: "userSpaceOnUse", patternTransform: "rotate(45)" },
      el("line", { x1: 0, y1: 0, x2: 0, y2: 6 * s, stroke: p.focusBorder, "stroke-width": 1.2 * s, "stroke-opacity": 0.6 }),
    );
  return { defs, body: `<g clip-path="url(#${clip})" data-view="map">${layers.join("")}${labels}${legend?.svg ?? ""}</g>` };
}

interface DrawnLabel {
  box: LabelBox;
  svg: string;
}

/** Place names and movement labels that fit: none covering another, the legend, or the canvas's edge. */
function placeLabels(
  data: SnapshotMapData,
  movementLabels: { position: Position; text: string; eventId: string }[],
  projection: GeoProjection,
  area: Box,
  s: number,
  p: SnapshotPalette,
  legend: LabelBox | null,
): string {
  const candidates: DrawnLabel[] = [];
  const halo = { stroke: p.bg, "stroke-width": 3 * s, "stroke-linejoin": "round", "paint-order": "stroke" };
  const labelled = data.places.filter((place) => place.kind in LABEL_PRIORITY);
  for (const place of labelled) {
    const at = projection([place.lon, place.lat]);
    if (!at) continue;
    const size = LABEL_PX[place.kind]! * s;
    const weight = LABEL_WEIGHT[place.kind]!;
    const name = data.placeName(place.slug);
    const arabic = ARABIC_KINDS.has(place.kind) && place.names.ar && place.names.ar !== name ? place.names.ar : undefined;
    const x = at[0] + 8 * s;
    const baseline = at[1] + size * 0.35;
    const arabicSize = size * ARABIC_SHARE;
    const arabicBaseline = baseline + arabicSize * 1.2;
    const width = Math.max(textWidth(name, size, weight), arabic ? textWidth(arabic, arabicSize) : 0);
    const top = baseline - size * 0.8;
    const bottom = arabic ? arabicBaseline + arabicSize * 0.3 : baseline + size * 0.25;
    const fill = place.kind === "abroad" ? p.muted : p.text;
    candidates.push({
      box: { x, y: top, width, height: bottom - top, priority: LABEL_PRIORITY[place.kind]! },
      svg:
        el(
          "text",
          {
            x,
            y: baseline,
            "font-size": size,
            "font-weight": weight,
            "font-style": place.kind === "abroad" ? "italic" : undefined,
            fill,
            ...halo,
            "data-label": place.slug,
          },
          escapeXml(name),
        ) + (arabic ? textEl({ x, y: arabicBaseline, "font-size": arabicSize, fill, ...halo, "data-label-ar": place.slug }, arabic) : ""),
    });
  }
  // Movement labels (distances; an evacuation's destination unless it is named already), right of nothing: they end left of the place.
  const named = new Set(labelled.map((place) => `${place.lon},${place.lat}`));
  for (const label of movementLabels) {
    if (/[A-Za-z]{3}/.test(label.text) && named.has(label.position.join(","))) continue;
    const at = projection(label.position as [number, number]);
    if (!at) continue;
    const size = 12 * s;
    const width = textWidth(label.text, size, 700) + 8 * s;
    const height = size * 1.4;
    const x = at[0] - 8 * s - width;
    const y = at[1] - height / 2;
    candidates.push({
      box: { x, y, width, height, priority: DISTANCE_PRIORITY },
      svg:
        el("rect", { x, y, width, height, rx: 4 * s, fill: p.panel, stroke: p.line, "stroke-width": s }) +
        textEl({ x: x + 4 * s, y: y + height * 0.72, "font-size": size, "font-weight": 700, fill: p.text, "data-distance": label.eventId }, label.text),
    });
  }
  const inside = (box: LabelBox) =>
    box.x >= area.x && box.y >= area.y && box.x + box.width <= area.x + area.width && box.y + box.height <= area.y + area.height;
  const kept = candidates.filter((c) => inside(c.box));
  const fixed = legend ? [legend] : [];
  const visible = declutter([...fixed, ...kept.map((c) => c.box)], 2 * s);
  return `<g data-layer="labels">${kept
    .filter((_, i) => visible[i + fixed.length])
    .map((c) => c.svg)
    .join("")}</g>`;
}

/**
 * d3-geo reads polygons on the sphere: a ring's winding says which side is inside. GeoJSON written
 * the other way round (RFC 7946's counter-clockwise outer rings, as turf writes them) would fill the
 * whole world but the polygon; such polygons are turned round (an area over a hemisphere means that).
 */
function rewound<F extends Feature<Geometry | null>>(feature: F): F {
  const geometry = feature.geometry;
  if (!geometry || (geometry.type !== "Polygon" && geometry.type !== "MultiPolygon")) return feature;
  const turn = (rings: Position[][]) => (geoArea({ type: "Polygon", coordinates: rings }) > 2 * Math.PI ? rings.map((ring) => [...ring].reverse()) : rings);
  const fixed: Polygon | MultiPolygon =
    geometry.type === "Polygon"
      ? { type: "Polygon", coordinates: turn(geometry.coordinates) }
      : { type: "MultiPolygon", coordinates: geometry.coordinates.map(turn) };
  return { ...feature, geometry: fixed };
}
