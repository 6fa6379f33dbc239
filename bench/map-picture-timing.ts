import type { Page } from "@playwright/test";

/**
 * When the map's first picture was painted, from navigation (Element Timing of its `<img
 * elementtiming="map-picture">`, components/map/map-picture.tsx); null when none was within `timeoutMs`.
 */
export function mapPicturePaintedMs(page: Page, timeoutMs = 30_000): Promise<number | null> {
  return page
    .evaluate(
      (timeout) =>
        new Promise<number | null>((resolve) => {
          setTimeout(() => resolve(null), timeout);
          new PerformanceObserver((list) => {
            const entry = list.getEntries().find((e) => (e as PerformanceEntry & { identifier?: string }).identifier === "map-picture") as
              (PerformanceEntry & { renderTime: number; loadTime: number }) | undefined;
            if (entry) resolve(entry.renderTime || entry.loadTime);
          }).observe({ type: "element", buffered: true });
        }),
      timeoutMs,
    )
    .then((ms) => (ms === null ? null : Math.round(ms)));
}

/**
 * An init script (BrowserContext.addInitScript): in the page from its first script, when the live map is on
 * screen. It says when it has drawn its land and places (components/map/map-view.tsx: MapLibre's first idle
 * with them); the moment taken is the second animation frame after that, once the frame that composites it
 * has been painted. Without a GPU that frame waits for the software renderer to finish the map's drawing:
 * 0.5-1 s after the map says it has drawn.
 */
export function watchLiveMap() {
  const w = window as unknown as { __mapDrawnAt?: number; __mapSaidDrawn?: boolean };
  new MutationObserver(() => {
    if (w.__mapSaidDrawn || !document.querySelector("[data-testid=map][data-capital-dot-px]")) return;
    w.__mapSaidDrawn = true;
    requestAnimationFrame(() => requestAnimationFrame(() => (w.__mapDrawnAt = performance.now())));
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ["data-capital-dot-px"] });
}

/** When the live map was on screen, from navigation (the page's context ran watchLiveMap). */
export function liveMapOnScreenMs(page: Page, timeoutMs = 60_000): Promise<number> {
  return page
    .waitForFunction(() => (window as unknown as { __mapDrawnAt?: number }).__mapDrawnAt, undefined, { timeout: timeoutMs })
    .then((handle) => handle.jsonValue() as Promise<number>)
    .then(Math.round);
}
