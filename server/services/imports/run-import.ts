/**
 * `POST /api/situations/:slug/imports` (editor; issue #18, docs/decisions/0025-imports.md): a file of
 * another tracker's events becomes this situation's reports, one report per source row, read as it
 * arrives and written in batches (a year of ACLED is ~100,000 rows). Each row's source id is its key:
 * imported once, then only corrected when the source says the row changed since (a visible correction
 * whose reason names the import). A dry run reads and checks the whole file and writes nothing.
 */
import { randomUUID } from "node:crypto";
import { acledRow, missingAcledColumns, type AcledEvent } from "../../../lib/imports/acled";
import { normalizeName, skeleton, slugFromName } from "../../../lib/desk/place-match";
import { PlaceFinder } from "../../../lib/imports/place-finder";
import type { Faction } from "../../../lib/schemas/reference";
import { IMPORT_ERRORS_KEPT, IMPORT_PREVIEW_MAX, type ImportQuery, type ImportResult, type ImportSummary } from "../../../lib/schemas/imports";
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
import { createImportedReports } from "../reports/create-report";
import { updateReport } from "../reports/update-report";
import { csvRecords } from "./internal/csv-records";

/** Rows written together: one lookup of their keys, one group of transactions. */
const BATCH_ROWS = 500;
/** A new place takes the region of the nearest place up to this far, when the row's admin1 is not one of the situation's regions. */
const REGION_NEIGHBOUR_KM = 50;

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
  const attribution = { source: "ACLED", url: ACLED_URL, accessedAt, ...(query.filters ? { filters: query.filters } : {}) };
  const credit = { name: `ACLED (acleddata.com), accessed ${accessedAt}${query.filters ? `; ${query.filters}` : ""}`.slice(0, 200), url: ACLED_URL };

  const [places, factions, regions, mappings] = await Promise.all([
    ctx.db.place.findMany({ select: { slug: true, name: true, nameNl: true, nameAr: true, lat: true, lon: true, regionSlug: true } }),
    ctx.db.faction.findMany({ select: { slug: true, kind: true } }),
    ctx.db.region.findMany({ select: { slug: true, name: true } }),
    ctx.db.actorMapping.findMany(),
  ]);
  const finder = new PlaceFinder(
    places.map((p) => ({
      slug: p.slug,
      name: p.name,
      names: { ...(p.nameNl ? { nl: p.nameNl } : {}), ...(p.nameAr ? { ar: p.nameAr } : {}) },
      lat: p.lat,
      lon: p.lon,
      region: p.regionSlug,
    })),
  );
  const slugsTaken = new Set(places.map((p) => p.slug));
  // ACLED spells admin1 its own way ("Idleb"; the gazetteer: "Idlib"): the same name, else the same consonants.
  const regionByName = new Map(regions.map((r) => [normalizeName(r.name), r.slug]));
  const regionBySkeleton = new Map(regions.map((r) => [skeleton(normalizeName(r.name)), r.slug]));
  const regionNamed = (name: string) =>
    regionByName.get(normalizeName(name)) ?? (name.trim() ? regionBySkeleton.get(skeleton(normalizeName(name))) : undefined);
  const context = {
    actorMap: Object.fromEntries(mappings.map((m) => [m.actor, m.factionSlug])),
    factions: factions as Pick<Faction, "slug" | "kind">[],
    attribution: credit,
  };

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
    attribution,
  };
  const preview: ImportResult["preview"] = [];
  const refuse = (line: number, message: string) => {
    summary.skipped++;
    if (summary.errors.length < IMPORT_ERRORS_KEPT) summary.errors.push({ row: line, message });
    else summary.errorsTruncated = true;
  };
  // The import's record is written with its first change: a file refused whole (no header, the wrong
  // columns) leaves nothing behind.
  let recorded = false;
  const record = async () => {
    if (dryRun || recorded) return;
    await ctx.db.import.create({ data: { id: summary.id!, format: query.format, publish, userId: editor.id, createdAt: now, errors: [], attribution } });
    recorded = true;
  };

  /** The place a row is: found near its position, or added (a dry run: planned) as a new one. */
  const placeOf = async (event: AcledEvent): Promise<string> => {
    const found = finder.find(event.location);
    if (found) return found.slug;
    const { name, lat, lon, admin1 } = event.location;
    const neighbour = finder.nearest({ lat, lon });
    const region = regionNamed(admin1) ?? (neighbour && neighbour.km <= REGION_NEIGHBOUR_KM ? neighbour.place.region : null);
    const base = (slugFromName(name) || "place").slice(0, 60);
    for (let n = 1; ; n++) {
      const slug = n === 1 ? base : `${base}-${n}`;
      if (slugsTaken.has(slug)) continue;
      slugsTaken.add(slug);
      try {
        const kind = event.location.precision === 3 ? "other" : "town";
        await record();
        if (!dryRun) await createPlace(ctx, editor, { slug, name, lat, lon, kind, ...(region ? { region } : {}) });
      } catch (error) {
        // Added meanwhile by someone else: the next free slug.
        if (isAppError(error) && error.code === "conflict" && n < 20) continue;
        throw error;
      }
      finder.add({ slug, name, names: {}, lat, lon, region });
      summary.newPlaces.push({ slug, name, lat, lon, region });
      return slug;
    }
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
    if (dryRun) {
      summary.created += fresh.length;
      for (const p of fresh) dryRunStored.set(p.key, { reportId: "", revisedAt: p.revisedAt });
    } else if (fresh.length > 0) {
      await record();
      const results = await createImportedReports(
        ctx,
        editor,
        fresh.map((p) => ({ input: p.input, imported: { key: p.key, revisedAt: p.revisedAt, importId: summary.id! } })),
      );
      results.forEach((result, i) => {
        if (result.status === "fulfilled") summary.created++;
        else refuse(fresh[i]!.line, isAppError(result.reason) ? result.reason.message : "not stored: the database refused the row; import the file again");
      });
    }
    for (const planned of batch) {
      const stored = existing.get(planned.key);
      if (!stored) continue;
      const newer = planned.revisedAt && (!stored.revisedAt || planned.revisedAt > stored.revisedAt);
      if (!newer) {
        summary.skipped++;
        continue;
      }
      await correct(planned, stored.reportId);
    }
  };

  const correct = async (planned: Planned, reportId: string) => {
    if (dryRun && reportId === "") {
      summary.updated++;
      return;
    }
    const report = await ctx.db.report.findUnique({ where: { id: reportId }, select: { status: true, version: true } });
    if (!report || report.status === "retracted") {
      refuse(planned.line, `${planned.key} changed at the source, but its report was ${report ? "retracted" : "deleted"} at the desk: not corrected`);
      return;
    }
    if (dryRun) {
      summary.updated++;
      return;
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
    } catch (error) {
      if (!isAppError(error)) throw error;
      refuse(planned.line, `${planned.key}: not corrected: ${error.message}`);
    }
  };

  // Keyed by source row: the same row twice in one batch, the later one stands for both (a file is oldest first).
  let batch = new Map<string, Planned>();
  for await (const item of csvRecords(body, missingAcledColumns)) {
    const { line } = item;
    summary.rows++;
    if (item.broken !== undefined) {
      refuse(line, item.broken);
      continue;
    }
    const row = acledRow(item.values, context);
    if (row.kind !== "event") {
      refuse(line, row.message);
      continue;
    }
    const event = row.value;
    if (Date.parse(event.event.occurredAt) > now.getTime() + OCCURRED_AT_MAX_AHEAD_MS) {
      refuse(line, `event_date ${event.event.occurredAt.slice(0, 10)} is in the future`);
      continue;
    }
    const input = {
      title: event.title,
      body: event.body,
      sources: event.sources,
      status: publish ? "published" : "draft",
      events: [{ ...event.event, place: await placeOf(event) }],
    };
    const parsed = createReportSchema.safeParse(input);
    if (!parsed.success) {
      const first = zodDetails(parsed.error)[0]!;
      refuse(line, `${first.path} ${first.message}`);
      continue;
    }
    if (batch.delete(event.key)) summary.skipped++;
    batch.set(event.key, { line, key: event.key, revisedAt: event.revisedAt === null ? null : new Date(event.revisedAt * 1000), input: parsed.data });
    if (preview.length < IMPORT_PREVIEW_MAX) preview.push({ ...parsed.data.events[0]!, row: line, key: event.key });
    if (batch.size >= BATCH_ROWS) {
      await writeBatch([...batch.values()]);
      batch = new Map();
    }
  }
  if (batch.size > 0) await writeBatch([...batch.values()]);

  if (!dryRun) {
    await record();
    await ctx.db.import.update({
      where: { id: summary.id! },
      data: {
        finishedAt: ctx.now(),
        rows: summary.rows,
        created: summary.created,
        updated: summary.updated,
        skipped: summary.skipped,
        errors: summary.errors,
      },
    });
    await recordAudit(ctx.db, editor, ctx.now(), {
      action: "import.finished",
      subjectType: "import",
      subjectId: summary.id!,
      details: { format: query.format, rows: summary.rows, created: summary.created, updated: summary.updated, skipped: summary.skipped },
    });
  }
  return { import: summary, preview };
}
