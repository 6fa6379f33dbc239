import { eventPlaceRefs, primaryPlace, type EventInput } from "../../../lib/schemas/events";
import { eventFields } from "./report-view";

/** The nested `events.create` data of a report write: one Event row, and an EventPlace row per place it names. */
export function eventRows(events: EventInput[]) {
  return events.map((event, position) => {
    const places = new Map<string, { placeSlug: string; role: string }>();
    for (const ref of eventPlaceRefs(event)) {
      const role = ref.path.split(".")[0]!;
      places.set(`${role}:${ref.slug}`, { placeSlug: ref.slug, role });
    }
    return {
      position,
      type: event.type,
      occurredAt: new Date(event.occurredAt),
      confidence: event.confidence,
      factionSlug: event.faction,
      placeSlug: primaryPlace(event),
      contested: event.type === "control_change" && event.contested === true,
      fields: eventFields(event) as object,
      places: { create: [...places.values()] },
    };
  });
}
