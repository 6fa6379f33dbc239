"use client";

import "maplibre-gl/dist/maplibre-gl.css";
import * as engine from "react-map-gl/maplibre";
import { MapView, type MapViewProps } from "./map-view";

export default function MapLibreMap(props: Omit<MapViewProps, "engine">) {
  return <MapView {...props} engine={engine} />;
}
