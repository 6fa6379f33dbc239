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
