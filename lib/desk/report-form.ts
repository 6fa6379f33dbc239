/**
 * The editor's form as plain, serialisable state (it is saved to localStorage as typed), and its
 * conversion to the API body. Validation is the API's own zod schema, so the form and the server
 * agree on every rule and on the paths of the messages (`events.0.place`).
 */
import type { ErrorDetail } from "../api-error";
import type { EventType } from "../events/event-kinds";
import { mergeDetails, referenceProblems } from "../schemas/event-references";
import type { Event } from "../schemas/events";
import type { Place } from "../schemas/reference";
import { createReportSchema, type CreateReportInput, type Report } from "../schemas/reports";
import { zodDetails } from "../schemas/zod-details";
import { resolvePlace, splitPlaceList } from "./place-match";

export interface SourceDraft {
  name: string;
  url: string;
}

/** Every field any event type may have, as strings (inputs), so switching type keeps what was typed. */
export interface EventDraft {
  uid: string;
  type: EventType;
  /** UTC, as a datetime-local input holds it: "2024-12-07T09:00". */
  occurredAt: string;
  confidence: "claimed" | "reported" | "confirmed";
  faction: string;
  place: string;
  contested: boolean;
  toward: string;
  from: string;
  /** Withdrawals: comma-separated places. Every place field holds a slug or a name as typed. */
  fromList: string;
  to: string;
  distanceKm: string;
  personnel: string;
  mode: string;
}

export interface ReportDraft {
  title: string;
  body: string;
  key: boolean;
  sources: SourceDraft[];
  events: EventDraft[];
  /** Sent as Idempotency-Key: a retried or double-clicked submit of this draft creates one report. */
  idempotencyKey: string;
}

/** A random id (crypto.randomUUID exists only on https and localhost; a desk on plain http falls back). */
export const randomId = () => (globalThis.crypto?.randomUUID ? globalThis.crypto.randomUUID() : `${Date.now()}-${Math.random().toString(36).slice(2)}`);

/** A datetime-local value for an instant, in UTC, to the minute. */
export const toUtcInput = (at: Date | number | string) => new Date(at).toISOString().slice(0, 16);
const fromUtcInput = (value: string) => (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value) ? `${value}:00Z` : value);

export function emptyEvent(now: Date | number, type: EventType = "control_change"): EventDraft {
  return {
    uid: randomId(),
    type,
    occurredAt: toUtcInput(now),
    confidence: "reported",
    faction: "",
    place: "",
    contested: false,
    toward: "",
    from: "",
    fromList: "",
    to: "",
    distanceKm: "",
    personnel: "diplomats",
    mode: "",
  };
}

export function emptyReport(now: Date | number): ReportDraft {
  return { title: "", body: "", key: false, sources: [{ name: "", url: "" }], events: [emptyEvent(now)], idempotencyKey: randomId() };
}

/** A report as the form edits it (a draft's edit or a correction). */
export function draftFromReport(report: Pick<Report, "title" | "body" | "key" | "sources" | "events">): ReportDraft {
  return {
    title: report.title,
    body: report.body,
    key: report.key,
    sources: report.sources.length ? report.sources.map((s) => ({ name: s.name, url: s.url ?? "" })) : [{ name: "", url: "" }],
    events: report.events.map((event) => eventDraftFrom(event)),
    idempotencyKey: randomId(),
  };
}

function eventDraftFrom(event: Event): EventDraft {
  const base = { ...emptyEvent(Date.parse(event.occurredAt), event.type), confidence: event.confidence, faction: event.faction };
  switch (event.type) {
    case "control_change":
      return { ...base, place: event.place, contested: event.contested === true };
    case "strike":
      return { ...base, place: event.place };
    case "advance":
      return { ...base, toward: event.toward, from: event.from ?? "", distanceKm: event.distanceKm === undefined ? "" : String(event.distanceKm) };
    case "withdrawal":
      return { ...base, fromList: event.from.join(", "), to: event.to ?? "" };
    case "evacuation":
      return { ...base, personnel: event.personnel, from: event.from, to: event.to, mode: event.mode ?? "" };
  }
}

const optional = (value: string) => (value.trim() === "" ? undefined : value.trim());

/** What a place field's text is sent as: the slug of the one place it names, else the text as typed. */
export type PlaceResolver = (text: string) => string;
const asTyped: PlaceResolver = (text) => text.trim();

/** A resolver over the gazetteer: "Hama", "حماة" and "hama" are all sent as `hama`. */
export function placeResolver(places: readonly Place[]): PlaceResolver {
  return (text) => {
    const resolved = resolvePlace(text, places);
    return resolved.kind === "place" ? resolved.place.slug : text.trim();
  };
}

/** The event as the API takes it: only the fields of its type, optional ones left out when empty. */
export function eventInput(draft: EventDraft, place: PlaceResolver = asTyped): Record<string, unknown> {
  const base = { type: draft.type, occurredAt: fromUtcInput(draft.occurredAt), confidence: draft.confidence, faction: draft.faction.trim() };
  const optionalPlace = (value: string) => (optional(value) ? place(value) : undefined);
  switch (draft.type) {
    case "control_change":
      return { ...base, place: place(draft.place), ...(draft.contested ? { contested: true } : {}) };
    case "strike":
      return { ...base, place: place(draft.place) };
    case "advance": {
      const km = optional(draft.distanceKm);
      const from = optionalPlace(draft.from);
      return { ...base, toward: place(draft.toward), ...(from ? { from } : {}), ...(km ? { distanceKm: Number(km.replace(",", ".")) } : {}) };
    }
    case "withdrawal": {
      const to = optionalPlace(draft.to);
      return { ...base, from: splitPlaceList(draft.fromList).map(place), ...(to ? { to } : {}) };
    }
    case "evacuation":
      return {
        ...base,
        personnel: draft.personnel,
        from: place(draft.from),
        to: place(draft.to),
        ...(optional(draft.mode) ? { mode: optional(draft.mode) } : {}),
      };
  }
}

/** The body of POST /api/reports (or the fields of a PATCH) for a draft. */
export function reportInput(draft: ReportDraft, place: PlaceResolver = asTyped): Omit<CreateReportInput, "status"> {
  return {
    title: draft.title,
    body: draft.body,
    key: draft.key,
    sources: draft.sources.filter((s) => s.name.trim() || s.url.trim()).map((s) => ({ name: s.name, ...(s.url.trim() ? { url: s.url.trim() } : {}) })),
    events: draft.events.map((event) => eventInput(event, place)) as CreateReportInput["events"],
  };
}

/** The place fields of an event's type, as the API names them, with the text typed in each. */
function placeTexts(event: EventDraft): { path: string; text: string }[] {
  switch (event.type) {
    case "control_change":
    case "strike":
      return [{ path: "place", text: event.place }];
    case "advance":
      return [
        { path: "toward", text: event.toward },
        { path: "from", text: event.from },
      ];
    case "withdrawal":
      return [...splitPlaceList(event.fromList).map((text, i) => ({ path: `from.${i}`, text })), { path: "to", text: event.to }];
    case "evacuation":
      return [
        { path: "from", text: event.from },
        { path: "to", text: event.to },
      ];
  }
}

const label = (place: Place) => `${place.names.en ?? place.name} (${place.slug})`;

/** Place texts that name no place, or several: the message says which places come near. */
function nameProblems(draft: ReportDraft, places: readonly Place[]): ErrorDetail[] {
  return draft.events.flatMap((event, i) =>
    placeTexts(event).flatMap(({ path, text }) => {
      const resolved = resolvePlace(text, places);
      const at = `events.${i}.${path}`;
      if (resolved.kind === "ambiguous")
        return [{ path: at, message: `'${text.trim()}' names several places: ${resolved.places.map(label).join(", ")}; pick one` }];
      if (resolved.kind !== "unknown") return [];
      const near = resolved.suggestions.slice(0, 3).map(label);
      return [{ path: at, message: `unknown place '${text.trim()}'${near.length ? `; did you mean ${near.join(" or ")}?` : ""}` }];
    }),
  );
}

/** What the form knows of the reference data, to say every problem before anything is sent. */
export interface DraftContext {
  places: readonly Place[];
  factions: readonly { slug: string }[];
  now: number;
}

/**
 * Checks the draft with the API's schema and, given the gazetteer and factions, the API's reference
 * rules (unknown or ambiguous places, unknown factions, dates in the future): every problem at once,
 * with the API's paths.
 */
export function validateDraft(draft: ReportDraft, context?: DraftContext): ErrorDetail[] {
  const result = createReportSchema.safeParse(reportInput(draft, context ? placeResolver(context.places) : asTyped));
  const schema = result.success ? [] : zodDetails(result.error);
  if (!context) return schema;
  const names = nameProblems(draft, context.places);
  const body = reportInput(draft, placeResolver(context.places));
  const known = {
    faction: (slug: string) => context.factions.some((f) => f.slug === slug),
    place: (slug: string) => context.places.some((p) => p.slug === slug),
  };
  // A name the gazetteer lacks is said once, with the nearest places (not also "must be a slug").
  const named = new Set(names.map((d) => d.path));
  return mergeDetails([...names, ...schema.filter((d) => !named.has(d.path))], referenceProblems(body, known, context.now));
}

/** A draft's content, what an editor typed: without its ids and, with `times: false`, without the event times. */
function draftContent(draft: ReportDraft, { times }: { times: boolean }): string {
  return JSON.stringify({
    title: draft.title,
    body: draft.body,
    key: draft.key,
    sources: draft.sources.filter((s) => s.name.trim() || s.url.trim()),
    events: draft.events.map(({ uid: _uid, occurredAt, ...rest }) => ({ ...rest, ...(times ? { occurredAt } : {}) })),
  });
}

/**
 * Whether a draft kept in the browser holds anything the form would not show anyway: an empty new form
 * (whatever time it was opened at) or an unchanged edit is nothing to announce as restored.
 */
export function hasUnsavedChanges(kept: ReportDraft, initial: ReportDraft): boolean {
  if (draftContent(kept, { times: false }) !== draftContent(initial, { times: false })) return true;
  const blank = draftContent(initial, { times: false }) === draftContent(emptyReport(0), { times: false });
  return !blank && draftContent(kept, { times: true }) !== draftContent(initial, { times: true });
}

/** Problems by field path, for messages next to the fields; a path the form has no field for goes to "". */
export function errorsByField(details: readonly ErrorDetail[]): Record<string, string> {
  const byField: Record<string, string> = {};
  for (const detail of details) {
    // A withdrawal's `from.2` is shown on its one `from` field.
    const path = detail.path.replace(/^(events\.\d+\.from)\.\d+$/, "$1");
    byField[path] ??= detail.message;
  }
  return byField;
}

/** Paths (as the API names them) whose values differ between two drafts. */
export function changedPaths(before: ReportDraft, after: ReportDraft): string[] {
  const paths: string[] = [];
  for (const field of ["title", "body"] as const) if (before[field] !== after[field]) paths.push(field);
  after.sources.forEach((source, i) => {
    if (source.name !== before.sources[i]?.name) paths.push(`sources.${i}.name`);
    if (source.url !== before.sources[i]?.url) paths.push(`sources.${i}.url`);
  });
  after.events.forEach((event, i) => {
    const old = before.events[i];
    if (!old || old.uid !== event.uid) return paths.push(`events.${i}`);
    for (const key of Object.keys(event) as (keyof typeof event)[]) {
      if (event[key] !== old[key]) paths.push(`events.${i}.${key === "fromList" ? "from" : key === "type" ? "" : key}`.replace(/\.$/, ""));
    }
  });
  if (after.events.length !== before.events.length) paths.push("events");
  return paths;
}
