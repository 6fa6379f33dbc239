"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { toggleValue, type FilterValues, LIST_FILTER_KEYS } from "@/lib/analyst/filter-params";
import { CONFIDENCE_LEVELS, EVENT_TYPES } from "@/lib/events/event-kinds";
import { PopoverDetails } from "@/components/ui/popover-details";

type ListKey = (typeof LIST_FILTER_KEYS)[number];
interface Option {
  value: string;
  label: string;
}

/** `2024-12-07T12:00:00Z` ↔ the value of an `<input type="datetime-local">`, read as UTC. */
export const toLocalInput = (iso?: string) => {
  const ms = iso ? Date.parse(iso) : NaN;
  return Number.isFinite(ms) ? new Date(ms).toISOString().slice(0, 16) : "";
};
export const fromLocalInput = (value: string) => (value ? `${value.length === 16 ? value : value.slice(0, 16)}:00Z` : undefined);

/** Wait after the last keystroke before a search runs. */
const SEARCH_DEBOUNCE_MS = 400;

/** The filters: several values per list (region, faction, type, confidence), a time window and free text. */
export function FilterBar({
  filter,
  onChange,
  regions,
  factions,
}: {
  filter: FilterValues;
  onChange: (filter: FilterValues) => void;
  regions: Option[];
  factions: Option[];
}) {
  const t = useTranslations();
  const [text, setText] = useState(filter.q ?? "");
  useEffect(() => {
    if ((filter.q ?? "") === text) return;
    const timer = setTimeout(() => onChange({ ...filter, q: text || undefined }), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, filter, onChange]);

  const lists: [ListKey, string, Option[]][] = [
    ["region", t("analyst.region"), regions],
    ["faction", t("analyst.faction"), factions],
    ["type", t("analyst.type"), EVENT_TYPES.map((type) => ({ value: type, label: t(`eventTypes.${type}`) }))],
    ["confidence", t("analyst.confidence"), CONFIDENCE_LEVELS.map((c) => ({ value: c, label: t(`confidence.${c}`) }))],
  ];
  const active = lists.flatMap(([key, , options]) =>
    (filter[key] ?? []).map((value) => ({ key, value, label: options.find((o) => o.value === value)?.label ?? value })),
  );
  const any = active.length > 0 || filter.from || filter.to || filter.q;

  return (
    <section className="panel filter-bar" aria-label={t("analyst.filters")} data-testid="filters">
      <div className="filter-controls">
        {lists.map(([key, label, options]) => (
          <PopoverDetails key={key} className="filter-menu" data-filter={key}>
            <summary>
              <span className="filter-label">{label}</span>
              <span className="filter-value">{filter[key]?.length ? t("analyst.selected", { count: filter[key].length }) : t("analyst.any")}</span>
            </summary>
            <div className="filter-options" role="group" aria-label={label}>
              {options.map((option) => (
                <label key={option.value}>
                  <input
                    type="checkbox"
                    name={key}
                    value={option.value}
                    checked={filter[key]?.includes(option.value) ?? false}
                    onChange={() => onChange(toggleValue(filter, key, option.value))}
                  />
                  {option.label}
                </label>
              ))}
            </div>
          </PopoverDetails>
        ))}
        <label className="filter-field">
          <span className="filter-label">{t("analyst.from")}</span>
          <input
            type="datetime-local"
            name="from"
            value={toLocalInput(filter.from)}
            onChange={(e) => onChange({ ...filter, from: fromLocalInput(e.target.value) })}
          />
        </label>
        <label className="filter-field">
          <span className="filter-label">{t("analyst.to")}</span>
          <input
            type="datetime-local"
            name="to"
            value={toLocalInput(filter.to)}
            onChange={(e) => onChange({ ...filter, to: fromLocalInput(e.target.value) })}
          />
        </label>
        <label className="filter-field filter-search">
          <span className="filter-label">{t("analyst.search")}</span>
          <input type="search" name="q" value={text} placeholder={t("analyst.searchPlaceholder")} maxLength={200} onChange={(e) => setText(e.target.value)} />
        </label>
      </div>
      {any && (
        <div className="filter-chips">
          {active.map((chip) => (
            <button
              key={`${chip.key}:${chip.value}`}
              type="button"
              className="chip"
              data-chip={`${chip.key}:${chip.value}`}
              aria-label={t("analyst.remove", { name: chip.label })}
              onClick={() => onChange(toggleValue(filter, chip.key, chip.value))}
            >
              {chip.label} <span aria-hidden>×</span>
            </button>
          ))}
          <button
            type="button"
            className="button small"
            onClick={() => {
              setText("");
              onChange({});
            }}
          >
            {t("analyst.clear")}
          </button>
        </div>
      )}
    </section>
  );
}
