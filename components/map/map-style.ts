/** Layer definitions of the situation map. Colours of factions come from the data; the rest from the theme. */
import type { LayerProps } from "react-map-gl/maplibre";
import type { ThemeMode } from "@/components/ui/theme";

export interface MapPalette {
  water: string;
  land: string;
  focusLand: string;
  border: string;
  focusBorder: string;
  regionLine: string;
  dotStroke: string;
  zoneOpacity: number;
}

export function mapPalette(theme: ThemeMode): MapPalette {
  return theme === "dark"
    ? { water: "#0a121b", land: "#1a212b", focusLand: "#222b37", border: "#3b4654", focusBorder: "#9aa6b2", regionLine: "#56606e", dotStroke: "#0e1116", zoneOpacity: 0.34 }
    : { water: "#d9e3ec", land: "#efede8", focusLand: "#fbfaf7", border: "#b7bdc5", focusBorder: "#4b5563", regionLine: "#9aa3ad", dotStroke: "#ffffff", zoneOpacity: 0.3 };
}

export function basemapLayers(p: MapPalette): LayerProps[] {
  return [
    { id: "countries-fill", type: "fill", paint: { "fill-color": ["case", ["get", "focus"], p.focusLand, p.land] } },
    { id: "countries-line", type: "line", paint: { "line-color": p.border, "line-width": 0.7 } },
    { id: "focus-outline", type: "line", filter: ["==", ["get", "focus"], true], paint: { "line-color": p.focusBorder, "line-width": 1.6 } },
  ];
}

export function zoneLayers(p: MapPalette): LayerProps[] {
  return [
    { id: "zones-fill", type: "fill", paint: { "fill-color": ["get", "color"], "fill-opacity": p.zoneOpacity } },
    {
      id: "zones-contested",
      type: "line",
      filter: ["==", ["get", "contested"], true],
      paint: { "line-color": p.focusBorder, "line-width": 1.4, "line-dasharray": [1, 1] },
    },
  ];
}

const DOT_RADIUS = { "circle-radius": ["match", ["get", "rank"], 3, 8, 2, 6.5, 4.5] as unknown as number };

export function placeLayers(p: MapPalette): LayerProps[] {
  return [
    {
      id: "places-contested-halo",
      type: "circle",
      filter: ["==", ["get", "contested"], true],
      paint: { "circle-radius": ["match", ["get", "rank"], 3, 16, 2, 14, 11], "circle-color": ["get", "attackerColor"], "circle-opacity": 0.45, "circle-stroke-color": ["get", "attackerColor"], "circle-stroke-width": 2 },
    },
    { id: "places-dot", type: "circle", paint: { ...DOT_RADIUS, "circle-color": ["get", "color"], "circle-stroke-color": p.dotStroke, "circle-stroke-width": 1.5 } },
  ];
}

/** Confirmed movements are solid, reported ones dashed, claimed ones dotted. */
const DASHES = { confirmed: undefined, reported: [2.5, 1.5], claimed: [0.6, 1.6] } as const;
const LINE_WIDTH = ["match", ["get", "type"], "advance", 4, "evacuation", 2.5, 2.5] as const;

export function movementLayers(p: MapPalette) {
  const lines: LayerProps[] = (Object.keys(DASHES) as (keyof typeof DASHES)[]).map((confidence) => ({
    id: `movement-line-${confidence}`,
    type: "line",
    filter: ["==", ["get", "confidence"], confidence],
    layout: { "line-cap": "round" },
    paint: {
      "line-color": ["get", "color"],
      "line-width": LINE_WIDTH as unknown as number,
      "line-opacity": ["match", ["get", "type"], "withdrawal", 0.75, 0.95],
      ...(DASHES[confidence] ? { "line-dasharray": [...DASHES[confidence]] } : {}),
    },
  }));
  // The interactive layer: an invisible wide line, so thin and dashed lines are easy to click.
  lines.push({ id: "movement-line", type: "line", paint: { "line-color": "#000", "line-opacity": 0, "line-width": 14 } });
  const head: LayerProps = { id: "movement-head", type: "fill", paint: { "fill-color": ["get", "color"], "fill-outline-color": p.dotStroke } };
  const strike: LayerProps = {
    id: "strike-point",
    type: "circle",
    paint: { "circle-radius": 14, "circle-color": "rgba(0,0,0,0)", "circle-stroke-color": ["get", "color"], "circle-stroke-width": 3 },
  };
  return { lines, head, strike };
}
