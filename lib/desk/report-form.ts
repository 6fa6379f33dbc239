/**
 * The editor's form as plain, serialisable state (it is saved to localStorage as typed), and its
 * conversion to the API body. Validation is the API's own zod schema, so the form and the server
 * agree on every rule and on the paths of the messages (`events.0.place`).
 */
import type { ErrorDetail } from "../api-error";
import type { EventType } from "../events/event-kinds";
import type { Event } from "../schemas/events";
import { createReportSchema, type CreateReportInput, type Report } from "../schemas/reports";
import { zodDetails } from "../schemas/zod-details";

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
  /** Withdrawals: comma-separated place slugs. */
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

const randomId = () => (globalThis.crypto?.randomUUID ? globalThis.crypto.randomUUID() : `${Date.now()}-${Math.random().toString(36).slice(2)}`);

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

/** The event as the API takes it: only the fields of its type, optional ones left out when empty. */
export function eventInput(draft: EventDraft): Record<string, unknown> {
  const base = { type: draft.type, occurredAt: fromUtcInput(draft.occurredAt), confidence: draft.confidence, faction: draft.faction.trim() };
  switch (draft.type) {
    case "control_change":
      return { ...base, place: draft.place.trim(), ...(draft.contested ? { contested: true } : {}) };
    case "strike":
      return { ...base, place: draft.place.trim() };
    case "advance": {
      const km = optional(draft.distanceKm);
      return { ...base, toward: draft.toward.trim(), ...(optional(draft.from) ? { from: optional(draft.from) } : {}), ...(km ? { distanceKm: Number(km.replace(",", ".")) } : {}) };
    }
    case "withdrawal":
      return { ...base, from: draft.fromList.split(",").map((s) => s.trim()).filter(Boolean), ...(optional(draft.to) ? { to: optional(draft.to) } : {}) };
    case "evacuation":
      return { ...base, personnel: draft.personnel, from: draft.from.trim(), to: draft.to.trim(), ...(optional(draft.mode) ? { mode: optional(draft.mode) } : {}) };
  }
}

/** The body of POST /api/reports (or the fields of a PATCH) for a draft. */
export function reportInput(draft: ReportDraft): Omit<CreateReportInput, "status"> {
  return {
    title: draft.title,
    body: draft.body,
    key: draft.key,
    sources: draft.sources.filter((s) => s.name.trim() || s.url.trim()).map((s) => ({ name: s.name, ...(s.url.trim() ? { url: s.url.trim() } : {}) })),
    events: draft.events.map(eventInput) as CreateReportInput["events"],
  };
}

/** Checks the draft with the API's schema; the problems come back with the API's paths. */
export function validateDraft(draft: ReportDraft): ErrorDetail[] {
  const result = createReportSchema.safeParse(reportInput(draft));
  return result.success ? [] : zodDetails(result.error);
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
