"use client";

import { useCallback, useSyncExternalStore } from "react";

/**
 * One MediaQueryList per query for the page (the theme hook and useMediaQuery): a listener must come off
 * the list it was put on, and `matchMedia` answers a new list each call (a wall runs for days).
 */
const lists = new Map<string, MediaQueryList>();
export const mediaQueryList = (query: string) => {
  let list = lists.get(query);
  if (!list) lists.set(query, (list = window.matchMedia(query)));
  return list;
};

/** Whether a CSS media query matches now, kept current; false on the server and in the first render (wide screen). */
export function useMediaQuery(query: string): boolean {
  const subscribe = useCallback(
    (notify: () => void) => {
      const list = mediaQueryList(query);
      list.addEventListener("change", notify);
      return () => list.removeEventListener("change", notify);
    },
    [query],
  );
  return useSyncExternalStore(
    subscribe,
    () => mediaQueryList(query).matches,
    () => false,
  );
}
