"use client";

import { useCallback, useEffect, useState } from "react";
import { fromAxis, toAxis, type TimeAxis } from "@/lib/dashboard/time-axis";

/** Replay speed: one hour of the axis per tick (a break in the axis is crossed in as many ticks as it is hours wide). */
export const PLAY_STEP_MS = 3_600_000;
export const PLAY_TICK_MS = 60;

/** The replay's step after `current`: an hour further along the axis, on a whole hour. */
export function nextPlayStep(axis: TimeAxis, current: number): number {
  return Math.round(fromAxis(axis, toAxis(axis, current) + PLAY_STEP_MS) / PLAY_STEP_MS) * PLAY_STEP_MS;
}

/**
 * The time the dashboard shows: `null` follows live (now), a number is a chosen instant. The choice is
 * kept in the URL (`?t=…`) so a view can be shared; replaceState avoids a round trip to the server.
 */
export function useTime(initial: number | null, axis: TimeAxis) {
  const [chosen, setChosen] = useState<number | null>(initial);
  const [playing, setPlaying] = useState(false);
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    const url = new URL(window.location.href);
    if (chosen === null) url.searchParams.delete("t");
    else url.searchParams.set("t", new Date(chosen).toISOString().replace(".000Z", "Z"));
    // Colons are legal in a query; leaving them unescaped keeps a shared link readable (?t=2024-12-07T12:00:00Z).
    url.search = url.search.replaceAll("%3A", ":");
    window.history.replaceState(window.history.state, "", url);
  }, [chosen]);

  useEffect(() => {
    if (chosen !== null) return;
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, [chosen]);

  useEffect(() => {
    if (!playing) return;
    const timer = setInterval(() => {
      setChosen((current) => {
        const next = nextPlayStep(axis, current ?? axis.start);
        if (next >= axis.end) {
          setPlaying(false);
          return axis.end;
        }
        return next;
      });
    }, PLAY_TICK_MS);
    return () => clearInterval(timer);
  }, [playing, axis]);

  const choose = useCallback((t: number | null) => {
    setPlaying(false);
    setChosen(t);
  }, []);
  const togglePlay = useCallback(() => {
    setPlaying((p) => {
      if (!p) setChosen((current) => (current === null || current >= axis.end ? axis.start : current));
      return !p;
    });
  }, [axis.start, axis.end]);

  return { chosen, at: chosen ?? now, live: chosen === null, playing, choose, togglePlay };
}
