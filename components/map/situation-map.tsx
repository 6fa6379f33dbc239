"use client";

import dynamic from "next/dynamic";
import type { MapViewProps } from "./map-view";

const MAPBOX_TOKEN = process.env.NEXT_PUBLIC_MAPBOX_TOKEN;

const loading = () => <div className="map-loading" aria-busy="true" />;
// The map library loads after the page (it needs a browser and is the largest part of the bundle).
// MapLibre is the offline default; with a Mapbox token, Mapbox GL draws the same layers on a Mapbox style.
const MapLibreMap = dynamic(() => import("./map-maplibre"), { ssr: false, loading });
const MapboxMap = dynamic(() => import("./map-mapbox"), { ssr: false, loading });

export function SituationMap(props: Omit<MapViewProps, "engine" | "mapboxToken">) {
  return MAPBOX_TOKEN ? <MapboxMap {...props} mapboxToken={MAPBOX_TOKEN} /> : <MapLibreMap {...props} />;
}
