"use client";

import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from "react";

/**
 * On a page whose live map and charts load together, the charts' plots wait for the map's first drawing
 * (decision 0035). Both are main-thread work in the same second: the three plots of the dashboard are one
 * task of ~0.5 s on the 2-core benchmark machine (recharts renders synchronously), and it fell between the
 * map's construction and its first full frame. The plots' frames (title, headline, legend) are in the
 * server's HTML either way; only the plot area, which the server leaves empty (recharts needs the box's
 * size), fills in later. A map that cannot be made (no WebGL) lets them go at once, and none waits longer
 * than PLOTS_WAIT_MS after hydration.
 */
const PLOTS_WAIT_MS = 3_000;

const PlotsShown = createContext(true);
const MapSettled = createContext<() => void>(() => {});

/** `waits`: false where the page shows no live map (a charts-only wall), so nothing holds the plots. */
export function PlotsAfterMap({ waits = true, children }: { waits?: boolean; children: ReactNode }) {
  const [shown, setShown] = useState(!waits);
  // After the frame that shows the map has been made: two animation frames, then a task of its own.
  const settle = useCallback(() => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => setShown(true)))), []);
  useEffect(() => {
    if (shown) return;
    const timer = setTimeout(() => setShown(true), PLOTS_WAIT_MS);
    return () => clearTimeout(timer);
  }, [shown]);
  return (
    <MapSettled.Provider value={settle}>
      <PlotsShown.Provider value={shown}>{children}</PlotsShown.Provider>
    </MapSettled.Provider>
  );
}

/** Whether a chart draws its plot now (always, outside PlotsAfterMap). */
export const usePlotsShown = () => useContext(PlotsShown);

/** What the map calls once it has drawn, or found it cannot draw (a no-op outside PlotsAfterMap). */
export const useMapSettled = () => useContext(MapSettled);
