"use client";

import { useEffect, useRef, useState, type RefObject } from "react";
import { rovingIndex } from "@/lib/ui/roving-focus";

const LABEL = "button.map-label[data-place]";

/**
 * The map's place names take one Tab stop instead of one each (a keyboard reached the time slider after
 * 31 Tabs): the arrow keys, Home and End move between them in `order`, Enter opens a place. Escape closes
 * the open popup and puts focus back on its place. Keys are taken on the way down (capture), so the map
 * does not also pan with the arrow keys a label used. Returns each label's tabIndex.
 */
export function useLabelKeys(
  root: RefObject<HTMLElement | null>,
  order: readonly string[],
  openPlace: string | null,
  closePopup: () => void,
): (slug: string) => 0 | -1 {
  const [active, setActive] = useState<string | null>(null);
  const latest = useRef({ order, openPlace, closePopup });
  useEffect(() => {
    latest.current = { order, openPlace, closePopup };
  });

  useEffect(() => {
    const element = root.current;
    if (!element) return;
    const focusLabel = (slug: string) => element.querySelector<HTMLElement>(`${LABEL}[data-place="${CSS.escape(slug)}"]`)?.focus();
    const onKeyDown = (event: KeyboardEvent) => {
      const { order, openPlace, closePopup } = latest.current;
      if (event.key === "Escape") {
        if (!element.querySelector(".maplibregl-popup, .mapboxgl-popup")) return;
        event.preventDefault();
        event.stopPropagation();
        if (openPlace) focusLabel(openPlace);
        closePopup();
        return;
      }
      if (!(event.target instanceof HTMLElement) || !event.target.matches(LABEL)) return;
      const next = rovingIndex(event.key, order.indexOf(event.target.dataset.place ?? ""), order.length);
      if (next === null) return;
      event.preventDefault();
      event.stopPropagation();
      focusLabel(order[next]!);
    };
    const onFocusIn = (event: FocusEvent) => {
      if (event.target instanceof HTMLElement && event.target.matches(LABEL)) setActive(event.target.dataset.place ?? null);
    };
    element.addEventListener("keydown", onKeyDown, true);
    element.addEventListener("focusin", onFocusIn);
    return () => {
      element.removeEventListener("keydown", onKeyDown, true);
      element.removeEventListener("focusin", onFocusIn);
    };
  }, [root]);

  const current = active !== null && order.includes(active) ? active : (order[0] ?? null);
  return (slug) => (slug === current ? 0 : -1);
}
