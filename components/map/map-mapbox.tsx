"use client";

import "mapbox-gl/dist/mapbox-gl.css";
import mapboxgl from "mapbox-gl";
import * as mapbox from "react-map-gl/mapbox";
import { MapView, type MapEngine, type MapViewProps } from "./map-view";

// The two react-map-gl entry points share one component API; only their prop types differ in detail.
const engine = { ...(mapbox as unknown as MapEngine), mapLib: mapboxgl };

export default function MapboxMap(props: Omit<MapViewProps, "engine">) {
  return <MapView {...props} engine={engine} />;
}
