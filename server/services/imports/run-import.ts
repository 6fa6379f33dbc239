/**
 * `POST /api/situations/:slug/imports` (editor; issue #18, docs/decisions/0025-imports.md): a file of
 * another tracker's events becomes this situation's reports, one report per source row, read as it
 * arrives and written in batches (a year of ACLED is ~100,000 rows). Each row's source id is its key:
 * imported once, then only corrected when the source says the row changed since (a visible correction
 * whose reason names the import). A dry run reads and checks the whole file and writes nothing.
 */
import { randomUUID } from "node:crypto";
import { acledRow, missingAcledColumns } from "../../../lib/imports/acled";
import { eventsCsvRow, missingEventsCsvColumns } from "../../../lib/imports/events-csv";
import { eventsGeoJsonRow } from "../../../lib/imports/events-geojson";
import type { ImportDraft, ImportRow, PlaceRef } from "../../../lib/imports/import-draft";
import { PlaceResolver } from "../../../lib/imports/place-resolver";
import type { Faction } from "../../../lib/schemas/reference";
import {
  IMPORT_ERRORS_KEPT,
  IMPORT_NOT_IMPORTED_TYPES_MAX,
  IMPORT_PREVIEW_MAX,
  IMPORT_UNMAPPED_ACTORS_MAX,
  type ImportQuery,
  type ImportResult,
  type ImportSummary,
} from "../../../lib/schemas/imports";
import { OCCURRED_AT_MAX_AHEAD_MS } from "../../../lib/schemas/event-references";
import { createReportSchema, type CreateReportInput } from "../../../lib/schemas/reports";
import { zodDetails } from "../../../lib/schemas/zod-details";
import { requireRole } from "../../auth/require-role";
import type { Actor } from "../../auth/sessions";
import type { AppContext } from "../../context";
import { inChunks } from "../../db/in-chunks";
import { isAppError } from "../../errors";
import { recordAudit } from "../audit/internal/record-audit";
import { createPlace } from "../reference/create-place";
import { toPlace } from "../reference/internal/place-view";
import { createImportedReports } from "../reports/create-report";
import { updateReport } from "../reports/update-report";
import { csvRecords } from "./internal/csv-records";
import { geojsonFeatures } from "./internal/geojson-features";

/** Rows written together: one lookup of their keys, one group of transactions. */
const BATCH_ROWS = 500;

const ACLED_URL = "https://acleddata.com";

interface Planned {
  line: number;
  key: string;
  revisedAt: Date | null;
  input: CreateReportInput;
}

export async function runImport(ctx: AppContext, actor: Actor | null, query: ImportQuery, body: AsyncIterable<Uint8Array>): Promise<ImportResult> {
  const editor = requireRole(actor, "editor");
  const dryRun = query.dryRun === "true";
  const publish = query.publish === "true";
  const now = ctx.now();
  const accessedAt = query.accessedAt ?? now.toISOString().slice(0, 10);
  const filters = query.filters ? { filters: query.filters } : {};
  const attribution =
    query.format === "acled"
      ? { source: "ACLED", url: ACLED_URL, accessedAt, ...filters }
      : { source: query.format === "csv" ? "CSV events file" : "GeoJSON events file", accessedAt, ...filters };
  const credit = { name: `ACLED (acleddata.com), accessed ${accessedAt}${query.filters ? `; ${query.filters}` : ""}`.slice(0, 200), url: ACLED_URL };

  const [places, factions, regions, mappings] = await Promise.all([
    ctx.db.place.findMany(),
    ctx.db.faction.findMany({ select: { slug: true, kind: true } }),
    ctx.db.region.findMany({ select: { slug: true, name: true } }),
    ctx.db.actorMapping.findMany(),
  ]);
  const resolver = new PlaceResolver(places.map(toPlace), regions);
  const actorMap = Object.fromEntries(mappings.map((m) => [m.actor, m.factionSlug]));
  const acled = { actorMap, factions: factions as Pick<Faction, "slug" | "kind">[], attribution: credit };
  const geojson = { actorMap, factions: new Set(factions.map((f) => f.slug)) };
  /** The file's rows as events to import, in order, with the rows it could not read. */
  async function* rows(): AsyncGenerator<{ line: number; row: ImportRow }> {
    if (query.format === "acled") {
      for await (const item of csvRecords(body, missingAcledColumns)) {
        yield { line: item.line, row: item.broken !== undefined ? { kind: "error", message: item.broken } : acledRow(item.values, acled) };
      }
    } else if (query.format === "csv") {
      for await (const item of csvRecords(body, missingEventsCsvColumns, { commentLines: true })) {
        yield { line: item.line, row: item.broken !== undefined ? { kind: "error", message: item.broken } : eventsCsvRow(item.values, geojson) };
      }
    } else {
      for await (const item of geojsonFeatures(body)) {
        yield { line: item.line, row: item.broken !== undefined ? { kind: "error", message: item.broken } : eventsGeoJsonRow(item.values, geojson) };
      }
    }
  }

  const summary: ImportSummary = {
    id: dryRun ? null : randomUUID(),
    format: query.format,
    dryRun,
    publish,
    createdAt: now.toISOString(),
    rows: 0,
    created: 0,
    updated: 0,
    skipped: 0,
    errors: [],
    errorsTruncated: false,
    newPlaces: [],
    unmappedActors: [],
    notImportedTypes: [],
    attribution,
  };
  const preview: ImportResult["preview"] = [];
  /** Actors the map lacks, by the rows each would let in. */
  const unmapped = new Map<string, number>();
  /** Rows not imported for their kind of event, per kind; and how many of each sort of error `errors` holds. */
  const notImportedTypes = new Map<string, number>();
  const kept = { type: 0, other: 0 };
  const refuse = (line: number, message: string, notImportedType?: string) => {
    summary.skipped++;
    if (notImportedType !== undefined) notImportedTypes.set(notImportedType, (notImportedTypes.get(notImportedType) ?? 0) + 1);
    const sort = notImportedType === undefined ? "other" : "type";
    if (kept[sort] >= IMPORT_ERRORS_KEPT) {
      summary.errorsTruncated = true;
      return;
    }
    kept[sort]++;
    summary.errors.push(notImportedType === undefined ? { row: line, message } : { row: line, message, notImportedType });
  };
  // The import's record is written with its first change: a file refused whole (no header, the wrong
  // columns) leaves nothing behind.
  let recorded = false;
  const record = async () => {
    if (dryRun || recorded) return;
    await ctx.db.import.create({ data: { id: summary.id!, format: query.format, publish, userId: editor.id, createdAt: now, errors: [], attribution } });
    recorded = true;
  };

  /** The place a file names (lib/imports/place-resolver.ts), added now when it is new (a dry run: planned). */
  const placeOf = async (ref: PlaceRef): Promise<string | { missing: string }> => {
    for (let attempt = 1; ; attempt++) {
      const step = resolver.resolve(ref);
      if ("slug" in step) return step.slug;
      if ("missing" in step) return step;
      try {
        await record();
        if (!dryRun) await createPlace(ctx, editor, step.add);
      } catch (error) {
        // Added meanwhile by someone else: the next free slug.
        if (isAppError(error) && error.code === "conflict" && attempt < 20) {
          resolver.take(step.add.slug);
          continue;
        }
        throw error;
      }
      resolver.added(step.add);
      const { slug, name, lat, lon, region } = step.add;
      summary.newPlaces.push({ slug, name, lat, lon, region: region ?? null });
      return slug;
    }
  };

  /** The event with its places resolved, or why the first that could not be was not. */
  const withPlaces = async (draft: ImportDraft): Promise<{ event: Record<string, unknown> } | { missing: string }> => {
    const event: Record<string, unknown> = { ...draft.event };
    for (const ref of draft.places) {
      const slug = await placeOf(ref);
      if (typeof slug !== "string") return { missing: `${ref.field}: place '${ref.slug ?? ref.name}' ${slug.missing}` };
      const [field, index] = ref.field.split(".");
      if (index === undefined) event[field!] = slug;
      else event[field!] = [...((event[field!] as string[] | undefined) ?? []), slug];
    }
    return { event };
  };

  /** A dry run's rows as if stored: a later batch's repeat of one is not counted as new again. */
  const dryRunStored = new Map<string, { reportId: string; revisedAt: Date | null }>();
  const writeBatch = async (batch: Planned[]) => {
    const existing = new Map<string, { reportId: string; revisedAt: Date | null }>();
    for (const keys of inChunks(batch.map((p) => p.key))) {
      for (const row of await ctx.db.importedRow.findMany({ where: { key: { in: keys } } })) existing.set(row.key, row);
    }
    for (const p of batch) if (!existing.has(p.key) && dryRunStored.has(p.key)) existing.set(p.key, dryRunStored.get(p.key)!);
    const fresh = batch.filter((p) => !existing.has(p.key));
    /** The rows this batch stores (a dry run: would), for the preview. */
    const stored = new Set<string>();
    if (dryRun) {
      summary.created += fresh.length;
      for (const p of fresh) {
        dryRunStored.set(p.key, { reportId: "", revisedAt: p.revisedAt });
        stored.add(p.key);
      }
    } else if (fresh.length > 0) {
      await record();
      const results = await createImportedReports(
        ctx,
        editor,
        fresh.map((p) => ({ input: p.input, imported: { key: p.key, revisedAt: p.revisedAt, importId: summary.id! } })),
      );
      results.forEach((result, i) => {
        if (result.status === "fulfilled") {
          summary.created++;
          stored.add(fresh[i]!.key);
        } else refuse(fresh[i]!.line, isAppError(result.reason) ? result.reason.message : "not stored: the database refused the row; import the file again");
      });
    }
    for (const planned of batch) {
      const before = existing.get(planned.key);
      if (!before) continue;
      const newer = planned.revisedAt && (!before.revisedAt || planned.revisedAt > before.revisedAt);
      if (!newer) {
        summary.skipped++;
        continue;
      }
      if (await correct(planned, before.reportId)) stored.add(planned.key);
    }
    // The preview is what is stored, in file order: not a row imported before, nor one the database refused.
    for (const p of batch) {
      if (preview.length >= IMPORT_PREVIEW_MAX) break;
      if (stored.has(p.key)) preview.push({ ...p.input.events[0]!, row: p.line, key: p.key });
    }
  };

  /** true: corrected (a dry run: would be). */
  const correct = async (planned: Planned, reportId: string): Promise<boolean> => {
    if (dryRun && reportId === "") {
      summary.updated++;
      return true;
    }
    const report = await ctx.db.report.findUnique({ where: { id: reportId }, select: { status: true, version: true } });
    if (!report || report.status === "retracted") {
      refuse(planned.line, `${planned.key} changed at the source, but its report was ${report ? "retracted" : "deleted"} at the desk: not corrected`);
      return false;
    }
    if (dryRun) {
      summary.updated++;
      return true;
    }
    await record();
    const { title, body, sources, events } = planned.input;
    const revised = planned.revisedAt!.toISOString().replace(".000Z", "Z");
    try {
      await updateReport(ctx, editor, reportId, {
        version: report.version,
        title,
        body,
        sources,
        events,
        reason: `Corrected by import ${summary.id}: ACLED revised event ${planned.key.replace(/^acled:/, "")} (row timestamp ${revised}).`,
      });
      await ctx.db.importedRow.update({ where: { key: planned.key }, data: { revisedAt: planned.revisedAt, importId: summary.id! } });
      summary.updated++;
      return true;
    } catch (error) {
      if (!isAppError(error)) throw error;
      refuse(planned.line, `${planned.key}: not corrected: ${error.message}`);
      return false;
    }
  };

  // Keyed by source row: a row repeated within a batch is stored once.
  let batch = new Map<string, Planned>();
  /** The import's record and audit entry, with what it did (and where it stopped, when it did). */
  const finish = async () => {
    await ctx.db.import.update({
      where: { id: summary.id! },
      data: { finishedAt: ctx.now(), rows: summary.rows, created: summary.created, updated: summary.updated, skipped: summary.skipped, errors: summary.errors },
    });
    await recordAudit(ctx.db, editor, ctx.now(), {
      action: "import.finished",
      subjectType: "import",
      subjectId: summary.id!,
      details: { format: query.format, rows: summary.rows, created: summary.created, updated: summary.updated, skipped: summary.skipped },
    });
  };
  try {
    for await (const { line, row } of rows()) {
      summary.rows++;
      if (row.kind !== "event") {
        refuse(line, row.message, row.kind === "unmapped" ? row.sourceType : undefined);
        if (row.kind === "error") for (const name of row.actors ?? []) unmapped.set(name, (unmapped.get(name) ?? 0) + 1);
        continue;
      }
      const draft = row.value;
      if (!(Date.parse(draft.event.occurredAt) <= now.getTime() + OCCURRED_AT_MAX_AHEAD_MS)) {
        refuse(line, `occurredAt '${draft.event.occurredAt.slice(0, 40)}' is ${Date.parse(draft.event.occurredAt) ? "in the future" : "not a date-time"}`);
        continue;
      }
      const report = (events: Record<string, unknown>[]) => ({
        title: draft.title,
        body: draft.body,
        sources: draft.sources,
        ...(draft.keyReport ? { key: true } : {}),
        status: publish ? "published" : "draft",
        events,
      });
      // The row is checked before any place is added for it: a refused row leaves no place behind.
      const placeholder = { ...draft.event };
      for (const ref of draft.places) {
        const [field, index] = ref.field.split(".");
        placeholder[field!] = index === undefined ? "place" : [...((placeholder[field!] as string[] | undefined) ?? []), "place"];
      }
      const checked = createReportSchema.safeParse(report([placeholder]));
      if (!checked.success) {
        const first = zodDetails(checked.error)[0]!;
        refuse(line, `${first.path} ${first.message}`);
        continue;
      }
      const resolved = await withPlaces(draft);
      if ("missing" in resolved) {
        refuse(line, resolved.missing);
        continue;
      }
      const input = report([resolved.event]);
      const parsed = createReportSchema.safeParse(input);
      if (!parsed.success) {
        const first = zodDetails(parsed.error)[0]!;
        refuse(line, `${first.path} ${first.message}`);
        continue;
      }
      const revisedAt = draft.revisedAt === null ? null : new Date(draft.revisedAt * 1000);
      const earlier = batch.get(draft.key);
      if (earlier) {
        // The same source row twice in one batch: the newer revision stands (the later one if neither says).
        summary.skipped++;
        if (earlier.revisedAt && (!revisedAt || revisedAt < earlier.revisedAt)) continue;
        batch.delete(draft.key);
      }
      batch.set(draft.key, { line, key: draft.key, revisedAt, input: parsed.data });
      if (batch.size >= BATCH_ROWS) {
        await writeBatch([...batch.values()]);
        batch = new Map();
      }
    }
    if (batch.size > 0) await writeBatch([...batch.values()]);
  } catch (error) {
    // Stopped partway (an upload cut off or over the limit, the database gone): what was stored stays,
    // and the import's record says how far it got.
    if (recorded) {
      if (kept.other < IMPORT_ERRORS_KEPT) {
        const reason = isAppError(error) ? error.message : "the server could not go on";
        summary.errors.push({ row: summary.rows + 1, message: `the import stopped here: ${reason.slice(0, 200)}` });
      }
      await finish().catch(() => {});
    }
    throw error;
  }
  if (!dryRun) {
    await record();
    await finish();
  }
  summary.unmappedActors = [...unmapped]
    .map(([actor, rows]) => ({ actor, rows }))
    .sort((a, b) => b.rows - a.rows || a.actor.localeCompare(b.actor))
    .slice(0, IMPORT_UNMAPPED_ACTORS_MAX);
  summary.notImportedTypes = [...notImportedTypes]
    .map(([type, rows]) => ({ type, rows }))
    .sort((a, b) => b.rows - a.rows || a.type.localeCompare(b.type))
    .slice(0, IMPORT_NOT_IMPORTED_TYPES_MAX);
  return { import: summary, preview };
}
