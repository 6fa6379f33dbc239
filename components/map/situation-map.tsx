"use client";

import { useQueryClient } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { useCallback, useEffect, useState } from "react";
import { preload } from "react-dom";
import { BASEMAP_URL, REGION_SHAPES_URL, ZONES_URL, basemapQuery, regionsShapeQuery, zonesQuery } from "@/lib/client/reference-queries";
import { situationApiPath } from "@/lib/contract/situation-paths";
import { useSituation } from "@/components/ui/situation";
import { useMapSettled } from "@/components/charts/plots-after-map";
import { MAPLIBRE_SCRIPT_URL } from "./map-library-boot";
import { MapPicture } from "./map-picture";
import type { MapViewProps } from "./map-view";

const MAPBOX_TOKEN = process.env.NEXT_PUBLIC_MAPBOX_TOKEN;

const loading = () => <div className="map-loading" aria-busy="true" />;
// The map library loads after the page (it needs a browser and is the largest part of the bundle).
// MapLibre is the offline default; with a Mapbox token, Mapbox GL draws the same layers on a Mapbox style.
const loadMapLibre = () => import("./map-maplibre");
const loadMapbox = () => import("./map-mapbox");
// Asked for as soon as this module runs in a browser, not when React first renders the map after hydrating.
if (typeof window !== "undefined") void (MAPBOX_TOKEN && !window.location.pathname.startsWith("/embed/") ? loadMapbox() : loadMapLibre());
const MapLibreMap = dynamic(loadMapLibre, { ssr: false, loading });
const MapboxMap = dynamic(loadMapbox, { ssr: false, loading });

/**
 * What the map asks for once its library has loaded, asked for now instead: the basemap and the zone
 * and region shapes, as preload links in the server's HTML (the later requests are answered from the
 * preload), and the shapes into the query cache the map reads.
 */
function usePrefetchMapData(mapbox: boolean) {
  const { slug } = useSituation();
  for (const url of [...(mapbox ? [] : [BASEMAP_URL]), ZONES_URL, REGION_SHAPES_URL])
    preload(situationApiPath(url, slug), { as: "fetch", crossOrigin: "anonymous" });
  const client = useQueryClient();
  useEffect(() => {
    if (!mapbox) void client.prefetchQuery(basemapQuery());
    void client.prefetchQuery(zonesQuery());
    void client.prefetchQuery(regionsShapeQuery());
  }, [client, mapbox]);
}

/** How long the first picture takes to fade once the live map has drawn (app/globals.css `.map-picture`). */
const PICTURE_FADE_MS = 600;

export type SituationMapProps = Omit<MapViewProps, "engine" | "mapboxToken" | "onDrawn" | "onFailed"> & {
  /** MapLibre on the bundled basemap even with a Mapbox token (the embeds: no request leaves the origin). */
  offline?: boolean;
  /**
   * The server's picture of the map, shown until the live map has drawn (decision 0029): given on the
   * pages whose map shows the whole situation at a moment (`at`; absent: now), left out where the map
   * shows a filtered selection the picture would not (the analyst's, the desk's preview).
   */
  firstPicture?: { at?: number | null; fontBase?: number };
};

export function SituationMap({ offline = false, firstPicture, ...props }: SituationMapProps) {
  const mapbox = Boolean(MAPBOX_TOKEN) && !offline;
  usePrefetchMapData(mapbox);
  const [drawn, setDrawn] = useState(false);
  const [pictureGone, setPictureGone] = useState(false);
  useEffect(() => {
    if (!drawn) return;
    const timer = setTimeout(() => setPictureGone(true), PICTURE_FADE_MS);
    return () => clearTimeout(timer);
  }, [drawn]);
  // The page's charts draw their plots once the map has drawn, or cannot (plots-after-map.tsx).
  const settled = useMapSettled();
  const onDrawn = useCallback(() => {
    setDrawn(true);
    settled();
  }, [settled]);
  return (
    // While the picture stands in, it names the places: the live map's labels wait (app/globals.css).
    <div className="map-stage" data-picture={firstPicture && !drawn ? "shown" : undefined} data-map-library={mapbox ? undefined : MAPLIBRE_SCRIPT_URL}>
      {mapbox ? (
        <MapboxMap {...props} mapboxToken={MAPBOX_TOKEN} onDrawn={onDrawn} onFailed={settled} />
      ) : (
        <MapLibreMap {...props} onDrawn={onDrawn} onFailed={settled} />
      )}
      {firstPicture && !pictureGone && <MapPicture at={firstPicture.at} fit={props.fit} fontBase={firstPicture.fontBase} hidden={drawn} />}
    </div>
  );
}
