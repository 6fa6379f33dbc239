"use client";

import { useTranslations } from "next-intl";
import { describeEvent } from "@/lib/format/describe-event";
import { formatUtc } from "@/lib/format/time";
import type { PlaceControl } from "@/lib/schemas/control";
import type { ListedEvent } from "@/lib/schemas/event-query";
import { eventPlaceRefs } from "@/lib/events/event-kinds";
import type { EventInput } from "@/lib/schemas/events";
import type { ReferenceModel } from "@/components/dashboard/use-dashboard-model";
import type { MapEngine } from "./map-view";
import { StandingBadge, StandingNote } from "@/components/feed/report-standing";
import { reportStanding } from "@/lib/feed/report-cards";

export type Selection = { kind: "place"; slug: string; lngLat: [number, number] } | { kind: "event"; eventId: string; lngLat: [number, number] };

/** Most reports listed in a place's popup. */
const POPUP_EVENTS_MAX = 6;

const mentions = (event: ListedEvent, slug: string) =>
  event.place.slug === slug || eventPlaceRefs({ ...event, place: event.place.slug } as unknown as EventInput).some((ref) => ref.slug === slug);

/** Popup content is React text (never HTML strings): posted titles and sources render inert. */
export function MapPopup({
  engine,
  selection,
  model,
  control,
  recent,
  onClose,
}: {
  engine: MapEngine;
  selection: Selection;
  model: ReferenceModel;
  control: PlaceControl[];
  recent: ListedEvent[];
  onClose: () => void;
}) {
  const { Popup } = engine;
  const t = useTranslations();
  const events =
    selection.kind === "place"
      ? recent
          .filter((e) => mentions(e, selection.slug))
          .slice(-POPUP_EVENTS_MAX)
          .reverse()
      : recent.filter((e) => e.id === selection.eventId);
  const holding = selection.kind === "place" ? control.find((c) => c.place === selection.slug) : undefined;

  return (
    <Popup longitude={selection.lngLat[0]} latitude={selection.lngLat[1]} onClose={onClose} closeOnClick={false} maxWidth="340px" className="map-popup">
      <div data-testid="map-popup">
        {selection.kind === "place" && (
          <>
            <h3>{model.names.place(selection.slug)}</h3>
            {holding && <p>{t("map.heldBy", { faction: model.names.faction(holding.faction), since: formatUtc(holding.since, model.locale) })}</p>}
            {holding?.attacker && <p className="contested">{t("map.attackedBy", { faction: model.names.faction(holding.attacker) })}</p>}
            <h4>{t("map.reportsHere")}</h4>
            {events.length === 0 && <p className="muted">{t("map.noReports")}</p>}
          </>
        )}
        <ul className="popup-events">
          {events.map((event) => (
            <li key={event.id}>
              <div>{describeEvent(event, model.names, t)}</div>
              <div className="muted">
                {formatUtc(event.occurredAt, model.locale)} · <span className={`confidence ${event.confidence}`}>{t(`confidence.${event.confidence}`)}</span>
              </div>
              <div className="popup-report">
                <StandingBadge standing={reportStanding(event.report)} /> {event.report.title}
                {event.report.sources.length > 0 && <span className="muted"> — {event.report.sources.map((s) => s.name).join(", ")}</span>}
              </div>
              <StandingNote standing={reportStanding(event.report)} />
            </li>
          ))}
        </ul>
      </div>
    </Popup>
  );
}
