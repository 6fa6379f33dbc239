"use client";

import { useTranslations } from "next-intl";
import { CONFIDENCE_LEVELS, EVENT_TYPES, MOVE_MODES, PERSONNEL_KINDS } from "@/lib/events/event-kinds";
import type { EventDraft } from "@/lib/desk/report-form";
import type { Faction, Place } from "@/lib/schemas/reference";
import { PlaceField } from "./place-field";

interface EventEditorProps {
  index: number;
  event: EventDraft;
  onChange(event: EventDraft): void;
  onRemove?(): void;
  factions: Faction[];
  places: Place[];
  listId: string;
  errors: Record<string, string>;
  onAddPlace(slug: string): void;
}

/** One typed event: the common fields, then the fields of its type. */
export function EventEditor({ index, event, onChange, onRemove, factions, places, listId, errors, onAddPlace }: EventEditorProps) {
  const t = useTranslations();
  const path = (field: string) => `events.${index}.${field}`;
  const id = (field: string) => `event-${event.uid}-${field}`;
  const set = <K extends keyof EventDraft>(field: K, value: EventDraft[K]) => onChange({ ...event, [field]: value });
  const place = (field: "place" | "toward" | "from" | "to" | "fromList", label: string, required = false) => (
    <PlaceField
      id={id(field)}
      label={label}
      value={event[field]}
      onChange={(value) => set(field, value)}
      places={places}
      listId={listId}
      error={errors[path(field === "fromList" ? "from" : field)]}
      required={required}
      multiple={field === "fromList"}
      onAddPlace={onAddPlace}
    />
  );
  const factionLabel = event.type === "evacuation" ? t("desk.evacuatingState") : event.type === "control_change" ? (event.contested ? t("desk.attacker") : t("desk.newController")) : t("desk.faction");

  return (
    <fieldset className="event-editor" data-testid={`event-${index}`}>
      <legend>
        {t("desk.eventN", { n: index + 1 })}
        {onRemove && (
          <button type="button" className="link-button" onClick={onRemove} aria-label={t("desk.removeEventN", { n: index + 1 })}>
            {t("desk.remove")}
          </button>
        )}
      </legend>
      <div className="grid">
        <div className="field">
          <label htmlFor={id("type")}>{t("desk.type")}</label>
          <select id={id("type")} value={event.type} onChange={(e) => set("type", e.target.value as EventDraft["type"])}>
            {EVENT_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`eventTypes.${type}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={id("occurredAt")}>{t("desk.occurredAt")}</label>
          <input id={id("occurredAt")} type="datetime-local" value={event.occurredAt} onChange={(e) => set("occurredAt", e.target.value)} aria-invalid={errors[path("occurredAt")] ? true : undefined} />
          <div className="field-hint">{errors[path("occurredAt")] ? <span className="field-error">{errors[path("occurredAt")]}</span> : "UTC"}</div>
        </div>
        <div className="field">
          <label htmlFor={id("confidence")}>{t("desk.confidence")}</label>
          <select id={id("confidence")} value={event.confidence} onChange={(e) => set("confidence", e.target.value as EventDraft["confidence"])}>
            {CONFIDENCE_LEVELS.map((level) => (
              <option key={level} value={level}>
                {t(`confidence.${level}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={id("faction")}>
            {factionLabel}
            <span aria-hidden> *</span>
          </label>
          <select id={id("faction")} value={event.faction} onChange={(e) => set("faction", e.target.value)} aria-invalid={errors[path("faction")] ? true : undefined}>
            <option value="">{t("desk.choose")}</option>
            {factions.map((faction) => (
              <option key={faction.slug} value={faction.slug}>
                {faction.name}
              </option>
            ))}
          </select>
          {errors[path("faction")] && <div className="field-hint field-error">{errors[path("faction")]}</div>}
        </div>

        {(event.type === "control_change" || event.type === "strike") && place("place", t("desk.place"), true)}
        {event.type === "control_change" && (
          <label className="checkbox">
            <input type="checkbox" checked={event.contested} onChange={(e) => set("contested", e.target.checked)} />
            {t("desk.contested")}
          </label>
        )}
        {event.type === "advance" && (
          <>
            {place("toward", t("desk.toward"), true)}
            {place("from", t("desk.from"))}
            <div className="field">
              <label htmlFor={id("distanceKm")}>{t("desk.distanceKm")}</label>
              <input id={id("distanceKm")} inputMode="decimal" value={event.distanceKm} onChange={(e) => set("distanceKm", e.target.value)} aria-invalid={errors[path("distanceKm")] ? true : undefined} />
              {errors[path("distanceKm")] && <div className="field-hint field-error">{errors[path("distanceKm")]}</div>}
            </div>
          </>
        )}
        {event.type === "withdrawal" && (
          <>
            {place("fromList", t("desk.withdrawFrom"), true)}
            {place("to", t("desk.to"))}
          </>
        )}
        {event.type === "evacuation" && (
          <>
            <div className="field">
              <label htmlFor={id("personnel")}>{t("desk.personnel")}</label>
              <select id={id("personnel")} value={event.personnel} onChange={(e) => set("personnel", e.target.value)}>
                {PERSONNEL_KINDS.map((kind) => (
                  <option key={kind} value={kind}>
                    {t(`personnel.${kind}`)}
                  </option>
                ))}
              </select>
            </div>
            {place("from", t("desk.from"), true)}
            {place("to", t("desk.to"), true)}
            <div className="field">
              <label htmlFor={id("mode")}>{t("desk.mode")}</label>
              <select id={id("mode")} value={event.mode} onChange={(e) => set("mode", e.target.value)}>
                <option value="">–</option>
                {MOVE_MODES.map((mode) => (
                  <option key={mode} value={mode}>
                    {t(`modes.${mode}`)}
                  </option>
                ))}
              </select>
            </div>
          </>
        )}
      </div>
    </fieldset>
  );
}
