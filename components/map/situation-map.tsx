"use client";

import { useQueryClient } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { useEffect } from "react";
import { preload } from "react-dom";
import { BASEMAP_URL, regionsShapeQuery, zonesQuery } from "@/lib/client/reference-queries";
import type { MapViewProps } from "./map-view";

const MAPBOX_TOKEN = process.env.NEXT_PUBLIC_MAPBOX_TOKEN;

const loading = () => <div className="map-loading" aria-busy="true" />;
// The map library loads after the page (it needs a browser and is the largest part of the bundle).
// MapLibre is the offline default; with a Mapbox token, Mapbox GL draws the same layers on a Mapbox style.
const MapLibreMap = dynamic(() => import("./map-maplibre"), { ssr: false, loading });
const MapboxMap = dynamic(() => import("./map-mapbox"), { ssr: false, loading });

/**
 * What the map asks for once its library has loaded, asked for now instead: the basemap (a preload link
 * in the server's HTML; the library's own request then comes from the HTTP cache) and the zone and
 * region shapes (into the query cache the map reads).
 */
function usePrefetchMapData() {
  preload(BASEMAP_URL, { as: "fetch", crossOrigin: "anonymous" });
  const client = useQueryClient();
  useEffect(() => {
    void client.prefetchQuery(zonesQuery());
    void client.prefetchQuery(regionsShapeQuery());
  }, [client]);
}

export function SituationMap(props: Omit<MapViewProps, "engine" | "mapboxToken">) {
  usePrefetchMapData();
  return MAPBOX_TOKEN ? <MapboxMap {...props} mapboxToken={MAPBOX_TOKEN} /> : <MapLibreMap {...props} />;
}
