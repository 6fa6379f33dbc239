/** Maps stored reports to the contract's Report shape. */
import type { Event, EventInput } from "../../../../lib/schemas/events";
import type { Report, ReportStatus, Revision, Source } from "../../../../lib/schemas/reports";

/** The Prisma `include` every report read uses. */
export const reportInclude = {
  author: { select: { id: true, name: true } },
  lastChangedBy: { select: { id: true, name: true } },
  events: { orderBy: { position: "asc" } },
} as const;

interface EventRow {
  id: string;
  type: string;
  occurredAt: Date;
  confidence: string;
  factionSlug: string;
  fields: unknown;
}
export interface ReportRow {
  id: string;
  status: string;
  title: string;
  body: string;
  sources: unknown;
  key: boolean;
  version: number;
  createdAt: Date;
  publishedAt: Date | null;
  updatedAt: Date;
  retractedAt: Date | null;
  retractionReason: string | null;
  correctionReason: string | null;
  author: { id: string; name: string };
  /** Null only on rows from before the column existed (the migration fills it with the author). */
  lastChangedBy: { id: string; name: string } | null;
  events: EventRow[];
}
interface RevisionRow {
  version: number;
  reason: string | null;
  createdAt: Date;
  snapshot: unknown;
  author: { id: string; name: string };
}

export function toEvent(row: EventRow): Event {
  return {
    id: row.id,
    type: row.type,
    occurredAt: row.occurredAt.toISOString(),
    confidence: row.confidence,
    faction: row.factionSlug,
    ...(row.fields as object),
  } as Event;
}

export function toReport(row: ReportRow, revisions?: RevisionRow[]): Report {
  return {
    id: row.id,
    status: row.status as ReportStatus,
    title: row.title,
    body: row.body,
    sources: row.sources as Source[],
    key: row.key,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    ...(row.publishedAt ? { publishedAt: row.publishedAt.toISOString() } : {}),
    updatedAt: row.updatedAt.toISOString(),
    ...(row.retractedAt ? { retractedAt: row.retractedAt.toISOString() } : {}),
    ...(row.retractionReason ? { retractionReason: row.retractionReason } : {}),
    ...(row.correctionReason ? { correctionReason: row.correctionReason } : {}),
    author: { id: row.author.id, name: row.author.name },
    lastChangedBy: row.lastChangedBy ? { id: row.lastChangedBy.id, name: row.lastChangedBy.name } : { id: row.author.id, name: row.author.name },
    events: row.events.map(toEvent),
    ...(revisions
      ? {
          revisions: revisions.map((revision): Revision => ({
            version: revision.version,
            reason: revision.reason,
            createdAt: revision.createdAt.toISOString(),
            author: revision.author,
            report: revision.snapshot as Revision["report"],
          })),
        }
      : {}),
  };
}

/** What is stored in Event.fields: the type's own fields, without the common ones. */
export function eventFields(event: EventInput): Record<string, unknown> {
  const { type: _type, occurredAt: _occurredAt, confidence: _confidence, faction: _faction, ...fields } = event;
  return fields;
}
