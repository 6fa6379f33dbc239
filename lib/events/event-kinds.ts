/**
 * The event vocabulary and helpers over events, without zod: the dashboard imports these, and keeping
 * zod out of its bundle saves ~35 KB gzip (docs/BENCHMARKS.md). The schemas live in lib/schemas/events.ts.
 */
import type { EventInput } from "../schemas/events";

export const EVENT_TYPES = ["control_change", "advance", "withdrawal", "evacuation", "strike"] as const;
export type EventType = (typeof EVENT_TYPES)[number];
export const CONFIDENCE_LEVELS = ["claimed", "reported", "confirmed"] as const;
export type Confidence = (typeof CONFIDENCE_LEVELS)[number];
export const PERSONNEL_KINDS = ["diplomats", "military", "citizens", "officials", "other"] as const;
export const MOVE_MODES = ["air", "land", "sea"] as const;

/** Every place slug an event refers to, with the JSON path it came from (for error details). */
export function eventPlaceRefs(event: EventInput): { path: string; slug: string }[] {
  switch (event.type) {
    case "control_change":
    case "strike":
      return [{ path: "place", slug: event.place }];
    case "advance":
      return [{ path: "toward", slug: event.toward }, ...(event.from ? [{ path: "from", slug: event.from }] : [])];
    case "withdrawal":
      return [...event.from.map((slug, i) => ({ path: `from.${i}`, slug })), ...(event.to ? [{ path: "to", slug: event.to }] : [])];
    case "evacuation":
      return [
        { path: "from", slug: event.from },
        { path: "to", slug: event.to },
      ];
  }
}

/** The place an event is drawn at first (its target or location). */
export function primaryPlace(event: EventInput): string {
  switch (event.type) {
    case "control_change":
    case "strike":
      return event.place;
    case "advance":
      return event.toward;
    case "withdrawal":
      return event.from[0]!;
    case "evacuation":
      return event.from;
  }
}
