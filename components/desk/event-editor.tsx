"use client";

import { useTranslations } from "next-intl";
import { CONFIDENCE_LEVELS, EVENT_TYPES, MOVE_MODES, PERSONNEL_KINDS } from "@/lib/events/event-kinds";
import type { EventDraft } from "@/lib/desk/report-form";
import type { Faction, Place } from "@/lib/schemas/reference";
import { SelectField, TextField } from "./fields";
import { PlaceField } from "./place-field";

interface EventEditorProps {
  index: number;
  event: EventDraft;
  onChange(event: EventDraft): void;
  onRemove?(): void;
  factions: Faction[];
  places: Place[];
  errors: Record<string, string>;
  /** Add a place the gazetteer lacks, for the text typed in one of this event's place fields. */
  onAddPlace(text: string, field: PlaceFieldName): void;
}

export type PlaceFieldName = "place" | "toward" | "from" | "to" | "fromList";

/** One typed event: the common fields, then the fields of its type. */
export function EventEditor({ index, event, onChange, onRemove, factions, places, errors, onAddPlace }: EventEditorProps) {
  const t = useTranslations();
  const path = (field: string) => `events.${index}.${field}`;
  const id = (field: string) => `event-${event.uid}-${field}`;
  const set = <K extends keyof EventDraft>(field: K, value: EventDraft[K]) => onChange({ ...event, [field]: value });
  const place = (field: PlaceFieldName, label: string, required = false) => (
    <PlaceField
      id={id(field)}
      label={label}
      value={event[field]}
      onChange={(value) => set(field, value)}
      places={places}
      error={errors[path(field === "fromList" ? "from" : field)]}
      required={required}
      multiple={field === "fromList"}
      onAddPlace={(text) => onAddPlace(text, field)}
    />
  );
  const factionLabel =
    event.type === "evacuation"
      ? t("desk.evacuatingState")
      : event.type === "control_change"
        ? event.contested
          ? t("desk.attacker")
          : t("desk.newController")
        : t("desk.faction");

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
        <SelectField
          id={id("type")}
          label={t("desk.type")}
          value={event.type}
          onChange={(type) => set("type", type)}
          options={EVENT_TYPES.map((type) => ({ value: type, label: t(`desk.eventType.${type}`) }))}
        />
        <TextField
          id={id("occurredAt")}
          className="occurred-at"
          label={t("desk.occurredAt")}
          type="datetime-local"
          value={event.occurredAt}
          onChange={(e) => set("occurredAt", e.target.value)}
          error={errors[path("occurredAt")]}
          hint="UTC"
        />
        <SelectField
          id={id("confidence")}
          label={t("desk.confidence")}
          value={event.confidence}
          onChange={(level) => set("confidence", level)}
          options={CONFIDENCE_LEVELS.map((level) => ({ value: level, label: t(`confidence.${level}`) }))}
        />
        <SelectField
          id={id("faction")}
          label={factionLabel}
          required
          value={event.faction}
          onChange={(faction) => set("faction", faction)}
          placeholder={t("desk.choose")}
          options={factions.map((faction) => ({ value: faction.slug, label: faction.name }))}
          error={errors[path("faction")]}
        />

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
            <TextField
              id={id("distanceKm")}
              label={t("desk.distanceKm")}
              inputMode="decimal"
              value={event.distanceKm}
              onChange={(e) => set("distanceKm", e.target.value)}
              error={errors[path("distanceKm")]}
            />
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
            <SelectField
              id={id("personnel")}
              label={t("desk.personnel")}
              value={event.personnel}
              onChange={(kind) => set("personnel", kind)}
              options={PERSONNEL_KINDS.map((kind) => ({ value: kind, label: t(`personnel.${kind}`) }))}
            />
            {place("from", t("desk.from"), true)}
            {place("to", t("desk.to"), true)}
            <SelectField
              id={id("mode")}
              label={t("desk.mode")}
              value={event.mode}
              onChange={(mode) => set("mode", mode)}
              placeholder="–"
              options={MOVE_MODES.map((mode) => ({ value: mode, label: t(`modes.${mode}`) }))}
            />
          </>
        )}
      </div>
    </fieldset>
  );
}
