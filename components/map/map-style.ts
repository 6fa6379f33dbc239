/** Layer definitions of the situation map. Colours of factions come from the data; the rest from the theme. */
import type { LayerProps } from "react-map-gl/maplibre";
import type { MapPalette } from "@/lib/geo/map-palette";

export { mapPalette, type MapPalette } from "@/lib/geo/map-palette";

/*
 * `scale`: sizes in pixels are multiplied by it. The desk draws at 1; the wall passes its type scale
 * (2 on a 3840-pixel-wide screen), so dots, rings, lines and arrows grow with its text.
 */

export function basemapLayers(p: MapPalette, scale = 1): LayerProps[] {
  return [
    { id: "countries-fill", type: "fill", paint: { "fill-color": ["case", ["get", "focus"], p.focusLand, p.land] } },
    { id: "countries-line", type: "line", paint: { "line-color": p.border, "line-width": 0.7 * scale } },
    { id: "focus-outline", type: "line", filter: ["==", ["get", "focus"], true], paint: { "line-color": p.focusBorder, "line-width": 1.6 * scale } },
  ];
}

export function zoneLayers(p: MapPalette, scale = 1): LayerProps[] {
  return [
    { id: "zones-fill", type: "fill", paint: { "fill-color": ["get", "color"], "fill-opacity": p.zoneOpacity } },
    {
      id: "zones-contested",
      type: "line",
      filter: ["==", ["get", "contested"], true],
      paint: { "line-color": p.focusBorder, "line-width": 1.4 * scale, "line-dasharray": [1, 1] },
    },
  ];
}

/** Radius (px) of a place's dot by rank (3: capital, 2: city, else town), and of its contested ring. */
const byRank = (capital: number, city: number, other: number, scale: number) =>
  ["match", ["get", "rank"], 3, capital * scale, 2, city * scale, other * scale] as unknown as number;

export function placeLayers(p: MapPalette, scale = 1): LayerProps[] {
  return [
    {
      id: "places-contested-halo",
      type: "circle",
      filter: ["==", ["get", "contested"], true],
      paint: {
        "circle-radius": byRank(16, 14, 11, scale),
        "circle-color": ["get", "attackerColor"],
        "circle-opacity": 0.45,
        "circle-stroke-color": ["get", "attackerColor"],
        "circle-stroke-width": 2 * scale,
      },
    },
    {
      id: "places-dot",
      type: "circle",
      paint: {
        "circle-radius": byRank(8, 6.5, 4.5, scale),
        "circle-color": ["get", "color"],
        "circle-stroke-color": p.dotStroke,
        "circle-stroke-width": 1.5 * scale,
      },
    },
  ];
}

/** Confirmed movements are solid, reported ones dashed, claimed ones dotted. */
const DASHES = { confirmed: undefined, reported: [2.5, 1.5], claimed: [0.6, 1.6] } as const;
const lineWidth = (scale: number) => ["match", ["get", "type"], "advance", 4 * scale, "evacuation", 2.5 * scale, 2.5 * scale] as unknown as number;

export function movementLayers(p: MapPalette, scale = 1) {
  const lines: LayerProps[] = (Object.keys(DASHES) as (keyof typeof DASHES)[]).map((confidence) => ({
    id: `movement-line-${confidence}`,
    type: "line",
    filter: ["==", ["get", "confidence"], confidence],
    layout: { "line-cap": "round" },
    paint: {
      "line-color": ["get", "color"],
      "line-width": lineWidth(scale),
      "line-opacity": ["match", ["get", "type"], "withdrawal", 0.75, 0.95],
      ...(DASHES[confidence] ? { "line-dasharray": [...DASHES[confidence]] } : {}),
    },
  }));
  // The interactive layer: an invisible wide line, so thin and dashed lines are easy to click.
  lines.push({ id: "movement-line", type: "line", paint: { "line-color": "#000", "line-opacity": 0, "line-width": 14 * scale } });
  const head: LayerProps = { id: "movement-head", type: "fill", paint: { "fill-color": ["get", "color"], "fill-outline-color": p.dotStroke } };
  const strike: LayerProps = {
    id: "strike-point",
    type: "circle",
    paint: { "circle-radius": 14 * scale, "circle-color": "rgba(0,0,0,0)", "circle-stroke-color": ["get", "color"], "circle-stroke-width": 3 * scale },
  };
  return { lines, head, strike };
}
