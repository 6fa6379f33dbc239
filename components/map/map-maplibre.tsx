"use client";

import "maplibre-gl/dist/maplibre-gl.css";
import * as maplibre from "react-map-gl/maplibre";
import { MapView, type MapEngine, type MapViewProps } from "./map-view";

/**
 * The library the page's boot script started loading as its own script (map-library-boot.ts), or, where
 * there was none or it failed, the bundle's copy. Asked for once, when this module first runs in a browser.
 */
const mapLib = typeof window === "undefined" ? undefined : (window.__mapLibrary ?? Promise.resolve(null)).then((library) => library ?? import("maplibre-gl"));

const engine: MapEngine = { ...maplibre, mapLib };

export default function MapLibreMap(props: Omit<MapViewProps, "engine">) {
  return <MapView {...props} engine={engine} />;
}
