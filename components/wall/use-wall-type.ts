"use client";

import { useEffect, useState, type RefObject } from "react";

/** The wall's type size at 1920 CSS pixels wide (app/wall/wall.css: --wall-font). */
export const WALL_BASE_PX = 20;
/** The smallest text on the wall, as a share of its type size: 16 px at 1080p, 32 px at 4K. */
export const WALL_SMALLEST = 0.8;

/**
 * The wall's type size in pixels, read from its root (the CSS scales it with the screen), for what CSS
 * cannot size: chart ticks drawn by recharts and map layers drawn by the map library.
 */
export function useWallType(root: RefObject<HTMLElement | null>): { fontPx: number; tickPx: number; scale: number } {
  const [fontPx, setFontPx] = useState(WALL_BASE_PX);
  useEffect(() => {
    const read = () => {
      const size = root.current ? parseFloat(getComputedStyle(root.current).fontSize) : NaN;
      if (Number.isFinite(size) && size > 0) setFontPx(size);
    };
    read();
    window.addEventListener("resize", read);
    return () => window.removeEventListener("resize", read);
  }, [root]);
  return { fontPx, tickPx: Math.round(fontPx * WALL_SMALLEST), scale: fontPx / WALL_BASE_PX };
}
