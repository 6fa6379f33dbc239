/**
 * What a row of any imported file becomes before the import finds its places (issue #18): the report
 * to store and its one event, with the event's places still as the file names them. The row mappers
 * (`acled.ts`, `events-geojson.ts`, `events-csv.ts`) make these; server/services/imports/run-import.ts resolves the places
 * and writes them.
 */
import type { Source } from "../schemas/reports";

/** ACLED's precision codes (1: the place itself or the day; 2: near it, or the week; 3: its region, or the month). */
export type Precision = 1 | 2 | 3;

/** A place an event names, as the file gives it: a slug, a name and position, or both. */
export interface PlaceRef {
  /** The event's field: `place`, `toward`, `from`, `to`, or `from.<i>` (a withdrawal's places). */
  field: string;
  /** The place's slug in the file's own situation (our exports), if any. */
  slug?: string;
  name: string;
  lat?: number;
  lon?: number;
  precision: Precision | null;
  /** The first-level division the file names (ACLED's admin1), for a new place's region. */
  region?: string;
}

export interface ImportDraft {
  /** The import key: the same source row is never stored twice (`acled:<event_id_cnty>`, `event:<our event id>`). */
  key: string;
  /** When the source last changed the row (Unix seconds), when the file says. */
  revisedAt: number | null;
  title: string;
  body: string;
  sources: Source[];
  keyReport: boolean;
  /** The event without its place fields (type, occurredAt, confidence, faction and the type's others). */
  event: Record<string, unknown> & { type: string; occurredAt: string };
  places: PlaceRef[];
}

export type ImportRow =
  | { kind: "event"; value: ImportDraft }
  /** A row this product does not draw (ACLED's battles, protests, …): kept visible, not stored. */
  | { kind: "unmapped"; key: string; message: string; sourceType: string }
  /** `actors`: names the actor map lacks, whose mapping would let the row in. */
  | { kind: "error"; message: string; actors?: string[] };
