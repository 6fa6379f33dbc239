"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useId, useMemo, useRef, useState } from "react";
import type * as maplibre from "react-map-gl/maplibre";
import { buildMapScene } from "@/lib/dashboard/map-features";
import { AREA_PADDING, areaPadding, NARROW_MAP_PX, routesBounds, type Bounds, type MapPadding } from "@/lib/geo/map-views";
import { basemapQuery, regionsShapeQuery, zonesQuery } from "@/lib/client/reference-queries";
import { useThemeMode } from "@/components/ui/theme";
import { useSituation, useSituationNaming } from "@/components/ui/situation";
import type { PlaceControl } from "@/lib/schemas/control";
import type { ListedEvent } from "@/lib/schemas/event-query";
import type { ReferenceModel } from "@/components/dashboard/use-dashboard-model";
import { MapLegend } from "./map-legend";
import { MapPopup, type Selection } from "./map-popup";
import { declutterMapLabels } from "./declutter-labels";
import { plainMarker } from "./plain-marker";
import { useLabelKeys } from "./use-label-keys";
import { basemapLayers, mapPalette, movementLayers, placeLayers, zoneLayers } from "./map-style";

/**
 * react-map-gl's components, and the map library itself: given, the library loads in the same chunk as
 * the page's map code; left out, react-map-gl imports it only once its map mounts (a second round trip).
 */
export type MapEngine = typeof maplibre & { mapLib?: unknown };

export interface MapViewProps {
  engine: MapEngine;
  mapboxToken?: string;
  model: ReferenceModel;
  control: PlaceControl[];
  recent: ListedEvent[];
  /** A view chosen by the page (the wall's region focus and rotation); the map flies there when it changes. */
  fit?: { bounds: Bounds; padding: MapPadding };
  /** false: no view buttons and zoom control (a screen nobody touches). */
  chrome?: boolean;
  /** false: the page draws its own legend. */
  legend?: boolean;
  /** When given, clicking a governorate calls it (the analyst filters by region). */
  onRegionClick?: (region: string) => void;
  /** Governorates drawn highlighted. */
  selectedRegions?: readonly string[];
  /** Dots, lines and rings drawn this many times their desk size (the wall's, scaled with the screen). */
  scale?: number;
  /** true: labels that would cover another are hidden (the wall's evacuation-routes view piles them up). */
  declutterLabels?: boolean;
  /** Called when the map has first drawn its land and places (its first picture can go). */
  onDrawn?: () => void;
  /** Called when the map could not be made (no WebGL on this screen): it will never draw. */
  onFailed?: () => void;
}

/** How long the map takes to fly to a view the page chose. */
const FIT_DURATION_MS = 1500;
const INTERACTIVE_LAYERS = ["places-dot", "movement-line", "movement-head", "strike-point"];
const NO_FEATURES: GeoJSON.FeatureCollection = { type: "FeatureCollection", features: [] };
/** Places whose names are always written on the map. */
const LABELLED_KINDS = new Set(["capital", "city", "abroad"]);

export function MapView({
  engine,
  mapboxToken,
  model,
  control,
  recent,
  fit,
  chrome = true,
  legend = true,
  onRegionClick,
  selectedRegions,
  scale = 1,
  declutterLabels = false,
  onDrawn,
  onFailed,
}: MapViewProps) {
  const { Map, Source, Layer, NavigationControl, AttributionControl } = engine;
  const Marker = plainMarker(engine.Marker);
  const t = useTranslations("map");
  const theme = useThemeMode();
  const palette = mapPalette(theme);
  const mapRef = useRef<maplibre.MapRef>(null);
  const [selection, setSelection] = useState<Selection | null>(null);
  const [cursor, setCursor] = useState<string>("");
  /** A narrow map (the analyst's, the desk's preview) starts with its legend folded, so it covers nothing. */
  const [narrow, setNarrow] = useState(false);
  /**
   * The map could not be made (no WebGL on this screen): its first picture stays as the map (decision
   * 0029), so the page credits the map's sources itself and offers no views to fly to.
   */
  const [failed, setFailed] = useState(false);
  const basemap = useQuery({ ...basemapQuery(), enabled: !mapboxToken }).data;
  const zones = useQuery(zonesQuery()).data;
  const regions = useQuery(regionsShapeQuery()).data;
  const firstFit = useRef(fit);
  const containerRef = useRef<HTMLDivElement>(null);
  const declutter = () => {
    if (declutterLabels) declutterMapLabels(containerRef.current);
  };
  const labelHintId = useId();
  // The situation's own frame and name (issue #15); the routes view also reaches its places abroad.
  const { bounds: area, gazetteerPlaces } = useSituation();
  const attribution = t(gazetteerPlaces ? "attributionGazetteer" : "attribution");
  const areaName = useSituationNaming().name;

  useEffect(() => {
    if (!fit || fit === firstFit.current) return; // the first view is the initial one
    mapRef.current?.fitBounds(fit.bounds, { padding: fit.padding, duration: FIT_DURATION_MS });
  }, [fit]);

  const scene = useMemo(
    () => buildMapScene({ places: model.places, control, zones, recent, colors: model.colors, placeName: model.names.place }),
    [model.places, model.colors, model.names, control, zones, recent],
  );
  const labelled = model.places.filter((p) => LABELLED_KINDS.has(p.kind));
  // Labels changed (a new distance, another language or size): place them again once drawn.
  useEffect(() => {
    if (!declutterLabels) return;
    const frame = requestAnimationFrame(() => declutterMapLabels(containerRef.current));
    return () => cancelAnimationFrame(frame);
  }, [declutterLabels, scene.labels, labelled.length, model.names, scale]);
  // The keyboard visits the place names as they are read on the map: north to south.
  const labelOrder = useMemo(
    () =>
      model.places
        .filter((p) => LABELLED_KINDS.has(p.kind))
        .sort((a, b) => b.lat - a.lat || a.lon - b.lon)
        .map((p) => p.slug),
    [model.places],
  );
  const labelTabIndex = useLabelKeys(containerRef, labelOrder, selection?.kind === "place" ? selection.slug : null, () => setSelection(null));

  const onClick = useCallback(
    (event: maplibre.MapLayerMouseEvent) => {
      const feature = event.features?.[0];
      if (!feature) return setSelection(null);
      const props = feature.properties as { slug?: string; eventId?: string };
      if (feature.layer?.id === "regions-fill") {
        if (props.slug) onRegionClick?.(props.slug);
        return setSelection(null);
      }
      if (props.slug) setSelection({ kind: "place", slug: props.slug, lngLat: [event.lngLat.lng, event.lngLat.lat] });
      else if (props.eventId) setSelection({ kind: "event", eventId: props.eventId, lngLat: [event.lngLat.lng, event.lngLat.lat] });
    },
    [onRegionClick],
  );

  const style = useMemo(
    () =>
      mapboxToken
        ? theme === "dark"
          ? "mapbox://styles/mapbox/dark-v11"
          : "mapbox://styles/mapbox/light-v11"
        : // The offline style: no tiles, no glyphs, no sprites; every layer comes from this app's origin.
          { version: 8 as const, sources: {}, layers: [{ id: "background", type: "background" as const, paint: { "background-color": palette.water } }] },
    [mapboxToken, theme, palette.water],
  );

  return (
    <div className="map" data-testid="map" data-theme-mode={theme} ref={containerRef}>
      <Map
        ref={mapRef}
        {...(engine.mapLib ? ({ mapLib: engine.mapLib } as object) : {})}
        initialViewState={
          fit ? { bounds: fit.bounds, fitBoundsOptions: { padding: fit.padding } } : { bounds: area, fitBoundsOptions: { padding: AREA_PADDING } }
        }
        onLoad={(event) => {
          const width = event.target.getContainer().clientWidth;
          setNarrow(width < NARROW_MAP_PX);
          if (!fit && width < NARROW_MAP_PX) event.target.fitBounds(area, { padding: areaPadding(width), animate: false });
          declutter();
        }}
        onMoveEnd={declutter}
        onIdle={(event) => {
          declutter();
          // The capital's dot radius as the map draws it, for the wall's scaling test and a curious eye;
          // set once the land is drawn too (the benchmark's "map drawn" waits for it).
          const radius = event.target.getLayer("places-dot") ? event.target.getPaintProperty("places-dot", "circle-radius") : undefined;
          const landDrawn = Boolean(mapboxToken) || Number(event.target.querySourceFeatures("basemap").length) > 0;
          if (Array.isArray(radius) && landDrawn && containerRef.current) {
            containerRef.current.dataset.capitalDotPx = String(radius[3]);
            onDrawn?.();
          }
        }}
        onResize={declutter}
        onError={(event) => {
          // Without a map to report it (target null), the map could not be made at all.
          if (!event.target) {
            setFailed(true);
            onFailed?.();
          }
          console.error(event.error);
        }}
        mapStyle={style}
        {...(mapboxToken ? ({ mapboxAccessToken: mapboxToken } as object) : {})}
        interactiveLayerIds={onRegionClick ? [...INTERACTIVE_LAYERS, "regions-fill"] : INTERACTIVE_LAYERS}
        onClick={onClick}
        onMouseEnter={() => setCursor("pointer")}
        onMouseLeave={() => setCursor("")}
        cursor={cursor}
        // Its own control below (not the map's option, read once): the text follows the page's language.
        attributionControl={false}
        dragRotate={false}
        style={{ width: "100%", height: "100%" }}
      >
        {!mapboxToken && (
          // Mounted from the start, empty until the file arrives, so its layers stay below the others.
          <Source id="basemap" type="geojson" data={basemap ?? NO_FEATURES}>
            {basemapLayers(palette, scale).map((layer) => (
              <Layer key={layer.id} {...layer} />
            ))}
          </Source>
        )}
        <Source id="zones" type="geojson" data={scene.zones}>
          {zoneLayers(palette, scale).map((layer) => (
            <Layer key={layer.id} {...layer} />
          ))}
        </Source>
        {regions && (
          <Source id="regions" type="geojson" data={regions}>
            <Layer id="regions-line" type="line" paint={{ "line-color": palette.regionLine, "line-width": 0.8 * scale, "line-dasharray": [3, 2] }} />
            {onRegionClick && <Layer id="regions-fill" type="fill" paint={{ "fill-color": "#000000", "fill-opacity": 0 }} />}
            {selectedRegions && selectedRegions.length > 0 && (
              <Layer
                id="regions-selected"
                type="line"
                filter={["in", ["get", "slug"], ["literal", [...selectedRegions]]]}
                paint={{ "line-color": palette.focusBorder, "line-width": 3 }}
              />
            )}
          </Source>
        )}
        <Source id="movement-lines" type="geojson" data={scene.lines}>
          {movementLayers(palette, scale).lines.map((layer) => (
            <Layer key={layer.id} {...layer} />
          ))}
        </Source>
        <Source id="movement-heads" type="geojson" data={scene.heads}>
          <Layer {...movementLayers(palette, scale).head} />
        </Source>
        <Source id="strikes" type="geojson" data={scene.strikes}>
          <Layer {...movementLayers(palette, scale).strike} />
        </Source>
        <Source id="places" type="geojson" data={scene.places}>
          {placeLayers(palette, scale).map((layer) => (
            <Layer key={layer.id} {...layer} />
          ))}
        </Source>
        {labelled.map((place) => (
          <Marker key={place.slug} longitude={place.lon} latitude={place.lat} anchor="left" offset={[8 * scale, 0]}>
            <button
              type="button"
              className={`map-label map-label-${place.kind}`}
              data-place={place.slug}
              tabIndex={labelTabIndex(place.slug)}
              aria-describedby={labelHintId}
              onClick={(event) => {
                event.stopPropagation();
                setSelection({ kind: "place", slug: place.slug, lngLat: [place.lon, place.lat] });
              }}
            >
              {model.names.place(place.slug)}
            </button>
          </Marker>
        ))}
        {scene.labels
          .filter((label) => !label.text.match(/[A-Za-z]{3}/) || !labelled.some((p) => p.lon === label.position[0] && p.lat === label.position[1]))
          .map((label) => (
            <Marker key={`${label.eventId}-${label.text}`} longitude={label.position[0]!} latitude={label.position[1]!} anchor="right" offset={[-8 * scale, 0]}>
              <span className="map-label map-label-distance" data-testid="map-distance">
                {label.text}
              </span>
            </Marker>
          ))}
        {selection && <MapPopup engine={engine} selection={selection} model={model} control={control} recent={recent} onClose={() => setSelection(null)} />}
        {chrome && <NavigationControl position="top-right" showCompass={false} />}
        <AttributionControl key={attribution} compact customAttribution={attribution} />
      </Map>
      <span id={labelHintId} className="sr-only">
        {t("labelKeys")}
      </span>
      {failed && <p className="map-credits">{attribution}</p>}
      {chrome && !failed && (
        <div className="map-views" role="group" aria-label={t("title")}>
          <button
            type="button"
            className="button small"
            onClick={() => mapRef.current?.fitBounds(area, { padding: areaPadding(mapRef.current.getContainer().clientWidth) })}
          >
            {areaName}
          </button>
          <button type="button" className="button small" onClick={() => mapRef.current?.fitBounds(routesBounds(area, model.places), { padding: 16 })}>
            {t("viewRoutes")}
          </button>
        </div>
      )}
      {legend && <MapLegend key={narrow ? "narrow" : "wide"} model={model} control={control} open={!narrow} />}
    </div>
  );
}
