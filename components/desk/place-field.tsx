"use client";

import { useTranslations } from "next-intl";
import { useId, useMemo, useState, type KeyboardEvent } from "react";
import { matchPlaces, resolvePlace, splitPlaceList } from "@/lib/desk/place-match";
import type { Place } from "@/lib/schemas/reference";

/** Suggestions shown under a place field while typing. */
const SUGGESTIONS_MAX = 8;

interface PlaceFieldProps {
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
  places: Place[];
  error?: string;
  required?: boolean;
  /** A comma-separated list of places (withdrawals). */
  multiple?: boolean;
  /** The editor asks to add a place the gazetteer lacks, with the text typed for it. */
  onAddPlace?(text: string): void;
}

/** The text a list field's suggestions are for: what follows the last comma. */
const currentSegment = (value: string, multiple: boolean) => (multiple ? (value.split(/[,،]/).at(-1) ?? "") : value);

/** The field's value with its current segment replaced by a chosen slug. */
function withChoice(value: string, slug: string, multiple: boolean): string {
  if (!multiple) return slug;
  const done = splitPlaceList(value).slice(0, value.trim().match(/[,،]\s*$/) ? undefined : -1);
  return [...done, slug].join(", ") + ", ";
}

const namesOf = (place: Place) =>
  [place.names.en ?? place.name, place.names.nl, place.names.ar].filter((n, i, all): n is string => Boolean(n) && all.indexOf(n) === i);

/**
 * A place field that finds places by any of their names (slug, English, Dutch, Arabic, other common
 * spellings; case, accents and articles do not count): a combobox with the best matches first. A name
 * that means exactly one place is accepted as typed (the form sends its slug); the hint under the
 * field says which place each name resolved to, or that it is unknown or ambiguous.
 */
export function PlaceField({ id, label, value, onChange, places, error, required, multiple = false, onAddPlace }: PlaceFieldProps) {
  const t = useTranslations("desk");
  const listId = useId();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const segment = currentSegment(value, multiple);
  // Nothing to suggest for an empty text or a slug already chosen.
  const suggestions = useMemo(
    () => (segment.trim() && !places.some((p) => p.slug === segment.trim()) ? matchPlaces(segment, places, SUGGESTIONS_MAX) : []),
    [segment, places],
  );
  const resolved = useMemo(
    () => (multiple ? splitPlaceList(value) : value.trim() ? [value.trim()] : []).map((text) => ({ text, resolution: resolvePlace(text, places) })),
    [value, multiple, places],
  );
  const texts = resolved.map((r) => r.text);
  const showList = open && suggestions.length > 0;
  const firstUnknown = resolved.find((r) => r.resolution.kind === "unknown");

  const choose = (place: Place) => {
    onChange(withChoice(value, place.slug, multiple));
    setOpen(multiple);
    setActive(0);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return; // Ctrl+Enter publishes, Ctrl+S saves
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (!suggestions.length) return;
      event.preventDefault();
      if (!open) return setOpen(true); // the list opens on typing or on an arrow key, not on focus (it would cover the hint)
      setActive((i) => (i + (event.key === "ArrowDown" ? 1 : suggestions.length - 1)) % suggestions.length);
    } else if (event.key === "Enter" && showList) {
      event.preventDefault();
      choose(suggestions[Math.min(active, suggestions.length - 1)]!.place);
    } else if (event.key === "Escape" && showList) {
      event.preventDefault();
      event.stopPropagation();
      setOpen(false);
    }
  };

  return (
    <div className="field place-field">
      <label htmlFor={id}>
        {label}
        {required && <span aria-hidden> *</span>}
      </label>
      <div className="combobox">
        <input
          id={id}
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={showList}
          aria-controls={listId}
          aria-activedescendant={showList ? `${listId}-${Math.min(active, suggestions.length - 1)}` : undefined}
          value={value}
          onChange={(e) => {
            onChange(e.target.value);
            setOpen(true);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => setOpen(false)}
          placeholder={multiple ? t("placesPlaceholder") : t("placePlaceholder")}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-hint`}
          autoComplete="off"
          spellCheck={false}
        />
        <ul id={listId} role="listbox" aria-label={t("placeSuggestions")} className="suggestions" hidden={!showList} data-testid="place-suggestions">
          {showList &&
            suggestions.map(({ place }, i) => (
              <li
                key={place.slug}
                id={`${listId}-${i}`}
                role="option"
                aria-selected={i === Math.min(active, suggestions.length - 1)}
                data-slug={place.slug}
                // mousedown, not click: the input keeps its focus and the list is not closed by the blur first
                onMouseDown={(e) => {
                  e.preventDefault();
                  choose(place);
                }}
                onMouseEnter={() => setActive(i)}
              >
                <span className="suggestion-name">{namesOf(place).join(" · ")}</span>
                <span className="suggestion-meta">
                  {place.slug}
                  {place.region && place.region !== place.slug ? ` · ${place.region}` : place.kind === "abroad" ? ` · ${t("abroad")}` : ""}
                </span>
              </li>
            ))}
        </ul>
      </div>
      <div id={`${id}-hint`} className="field-hint">
        {error ? (
          <span className="field-error" role="alert" data-field-error={id}>
            {error}
          </span>
        ) : (
          <PlaceHint
            resolved={resolved}
            onPick={(text, place) => onChange(multiple ? texts.map((x) => (x === text ? place.slug : x)).join(", ") : place.slug)}
          />
        )}
        {firstUnknown && onAddPlace && (
          <>
            {" "}
            <button type="button" className="link-button" onClick={() => onAddPlace(firstUnknown.text)}>
              {t("addPlace")}
            </button>
          </>
        )}
      </div>
    </div>
  );
}

type Resolved = { text: string; resolution: ReturnType<typeof resolvePlace<Place>> };

/** Under the field: the place each name resolved to; an unknown or ambiguous name, with the places it may mean. */
function PlaceHint({ resolved, onPick }: { resolved: Resolved[]; onPick(text: string, place: Place): void }) {
  const t = useTranslations("desk");
  const problem = resolved.find((r) => r.resolution.kind === "unknown" || r.resolution.kind === "ambiguous");
  if (problem) {
    const { resolution, text } = problem;
    const options = resolution.kind === "ambiguous" ? resolution.places : resolution.kind === "unknown" ? resolution.suggestions.slice(0, 3) : [];
    return (
      <span className="field-warning" data-place-state={resolution.kind}>
        {resolution.kind === "ambiguous" ? t("ambiguousPlace", { text }) : t("unknownPlace", { slug: text })}
        {options.length > 0 && (
          <>
            {" "}
            {resolution.kind === "unknown" && t("didYouMean")}{" "}
            {options.map((place, i) => (
              <span key={place.slug}>
                {i > 0 && ", "}
                <button type="button" className="link-button" onClick={() => onPick(text, place)}>
                  {place.names.en ?? place.name} ({place.slug})
                </button>
              </span>
            ))}
            {resolution.kind === "unknown" && "?"}
          </>
        )}
      </span>
    );
  }
  const found = resolved.flatMap((r) => (r.resolution.kind === "place" ? [r.resolution.place] : []));
  if (!found.length) return null;
  return <span data-place-state="resolved">{found.map((place) => `${place.names.en ?? place.name} (${place.slug})`).join(", ")}</span>;
}
