"use client";

import "maplibre-gl/dist/maplibre-gl.css";
import maplibregl from "maplibre-gl";
import * as maplibre from "react-map-gl/maplibre";
import { MapView, type MapEngine, type MapViewProps } from "./map-view";

const engine: MapEngine = { ...maplibre, mapLib: maplibregl };

export default function MapLibreMap(props: Omit<MapViewProps, "engine">) {
  return <MapView {...props} engine={engine} />;
}
