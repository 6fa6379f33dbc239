"use client";

import { useEffect, useRef, type ComponentProps } from "react";
import type { Marker as MarkerInstance } from "maplibre-gl";
import type * as maplibre from "react-map-gl/maplibre";

type MarkerComponent = typeof maplibre.Marker;

const wrapped = new WeakMap<MarkerComponent, MarkerComponent>();

/**
 * The map library's Marker without its own `role="button"` and `aria-label="Map marker"`: our markers
 * hold their own control (a place's name as a <button>) or only text, and a button inside a button is
 * announced twice and cannot be used reliably (axe: nested-interactive). One wrapper per engine, made once.
 */
export function plainMarker(Marker: MarkerComponent): MarkerComponent {
  let Plain = wrapped.get(Marker);
  if (!Plain) {
    function PlainMarker(props: ComponentProps<MarkerComponent>) {
      const ref = useRef<MarkerInstance>(null);
      // Runs after the Marker's own effect has added it to the map (child effects run first).
      useEffect(() => {
        const element = ref.current?.getElement();
        element?.removeAttribute("role");
        element?.removeAttribute("aria-label");
      }, []);
      return <Marker ref={ref} {...props} />;
    }
    Plain = PlainMarker as MarkerComponent;
    wrapped.set(Marker, Plain);
  }
  return Plain;
}
