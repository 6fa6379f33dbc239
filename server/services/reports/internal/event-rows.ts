import { newRowId } from "../../../db/row-ids";
import { eventPlaceRefs, primaryPlace, type EventInput } from "../../../../lib/schemas/events";
import { eventFields } from "./report-view";

/** An event's own columns (without ids), as stored. */
function eventColumns(event: EventInput, position: number) {
  return {
    position,
    type: event.type,
    occurredAt: new Date(event.occurredAt),
    confidence: event.confidence,
    factionSlug: event.faction,
    placeSlug: primaryPlace(event),
    contested: event.type === "control_change" && event.contested === true,
    fields: eventFields(event) as object,
  };
}

/** One EventPlace row per (role, place) the event names: `place`, `from`, `to`, … */
function placeRoles(event: EventInput): { placeSlug: string; role: string }[] {
  const places = new Map<string, { placeSlug: string; role: string }>();
  for (const ref of eventPlaceRefs(event)) {
    const role = ref.path.split(".")[0]!;
    places.set(`${role}:${ref.slug}`, { placeSlug: ref.slug, role });
  }
  return [...places.values()];
}

/** The nested `events.create` data of a report write: one Event row, and an EventPlace row per place it names. */
export function eventRows(events: EventInput[]) {
  return events.map((event, position) => ({ ...eventColumns(event, position), places: { create: placeRoles(event) } }));
}

/** The same rows flat and with their ids, for multi-row inserts (`createMany`) of many reports at once. */
export function flatEventRows(reportId: string, events: EventInput[]) {
  const eventRows = events.map((event, position) => ({ id: newRowId(), reportId, ...eventColumns(event, position) }));
  const placeRows = eventRows.flatMap((row, i) => placeRoles(events[i]!).map((place) => ({ eventId: row.id, ...place })));
  return { events: eventRows, places: placeRows };
}
