/**
 * The hand-written page query (server/services/events/internal/select-event-ids.ts) against Prisma's plain
 * reading of the same filter (eventWhere), on a generated history of 3,000 events with drafts and
 * retractions posted through the API (bench/history.ts), with a window small enough that every page goes through both phases and the cursor.
 */
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postHistory } from "../../bench/history";
import type { EventFilter } from "../../lib/schemas/event-query";
import { PrismaClient } from "../../server/db/generated/client";
import type { Prisma } from "../../server/db/generated/client";
import { selectEventIds } from "../../server/services/events/internal/select-event-ids";
import { login, tokenFor } from "./support/api";
import { startServer, tempDbFile } from "./support/server-process";

let db: PrismaClient;

/**
 * The filter read plainly with Prisma (the reference): comma lists are "any of", a region matches any
 * place of the event, from/to inclusive, q in the report's title or body or a name of one of the event's
 * places (the cases use no q that only another spelling of the reference data holds). Prisma's `contains` does not
 * escape % and _ on SQLite, so the reference escapes nothing and the cases use none in q.
 */
function eventWhere(filter: EventFilter): Prisma.EventWhereInput {
  return {
    report: { status: "published" },
    ...(filter.q
      ? {
          OR: [
            { report: { OR: [{ title: { contains: filter.q } }, { body: { contains: filter.q } }] } },
            {
              places: {
                some: {
                  place: {
                    OR: [
                      { slug: { contains: filter.q } },
                      { name: { contains: filter.q } },
                      { nameNl: { contains: filter.q } },
                      { nameAr: { contains: filter.q } },
                    ],
                  },
                },
              },
            },
          ],
        }
      : {}),
    ...(filter.type ? { type: { in: filter.type } } : {}),
    ...(filter.faction ? { factionSlug: { in: filter.faction } } : {}),
    ...(filter.confidence ? { confidence: { in: filter.confidence } } : {}),
    ...(filter.from || filter.to
      ? { occurredAt: { ...(filter.from ? { gte: new Date(filter.from) } : {}), ...(filter.to ? { lte: new Date(filter.to) } : {}) } }
      : {}),
    ...(filter.region ? { places: { some: { place: { regionSlug: { in: filter.region } } } } } : {}),
  };
}
/** Small, so that phase 2 runs on most pages. */
const WINDOW = 150;
const PAGE = 40;

/** This suite reads the SQLite file itself with Prisma's SQLite adapter: SQLite runs only. */
const onPostgres = Boolean(process.env.TEST_POSTGRES_URL);

beforeAll(async () => {
  if (onPostgres) return;
  const dbFile = tempDbFile("selection");
  const server = await startServer({ dbFile });
  try {
    await postHistory(server.url, (await tokenFor(server.url, await login(server.url), "editor")).token, 3000);
  } finally {
    await server.stop();
  }
  db = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: `file:${dbFile}` }) });
});
afterAll(async () => db?.$disconnect());

async function pagedIds(filter: EventFilter, order: "asc" | "desc"): Promise<string[]> {
  const ids: string[] = [];
  let after: { occurredAt: Date; id: string } | undefined;
  for (;;) {
    const page = await selectEventIds(db, filter, { order, limit: PAGE, after, windowRows: WINDOW });
    ids.push(...page);
    if (page.length < PAGE) return ids;
    const last = await db.event.findUniqueOrThrow({ where: { id: page.at(-1)! }, select: { id: true, occurredAt: true } });
    after = last;
  }
}

const FILTERS: EventFilter[] = [
  {},
  { region: ["homs"] },
  { region: ["aleppo", "idlib"], type: ["control_change", "advance"] },
  { faction: ["hts", "sna"], confidence: ["confirmed"] },
  { type: ["evacuation"], region: ["quneitra"] },
  { from: "2024-06-01T00:00:00Z", to: "2024-07-15T00:00:00Z", type: ["strike"] },
  { q: "homs" },
  { q: "report 12" },
  { q: "حمص" },
  { q: "Sweida" },
  // Two characters: shorter than the text index's trigrams, matched row by row; a double quote is text too.
  { q: "ne" },
  { q: 'near "' },
  { region: ["damascus"], faction: ["usa"], confidence: ["claimed"], type: ["strike", "withdrawal"] },
];

describe.skipIf(onPostgres)("page query = Prisma's reading of the filter", () => {
  it.each(FILTERS.flatMap((f) => [[JSON.stringify(f), f, "asc"] as const, [JSON.stringify(f), f, "desc"] as const]))("%s %s", async (_name, filter, order) => {
    const expected = (await db.event.findMany({ where: eventWhere(filter), orderBy: [{ occurredAt: order }, { id: order }], select: { id: true } })).map(
      (e) => e.id,
    );
    const got = await pagedIds(filter, order);
    expect(got.length).toBe(expected.length);
    expect(got).toEqual(expected);
  });

  it("starts its walk at from (going up) or to (going down), both inclusive to the millisecond", async () => {
    // Events exactly at the bounds: the walk starts there, not after them.
    const [first, second] = await db.event.findMany({
      orderBy: [{ occurredAt: "asc" }, { id: "asc" }],
      skip: 1500,
      take: 2,
      select: { id: true, occurredAt: true },
    });
    for (const [filter, order] of [
      [{ from: first!.occurredAt.toISOString() }, "asc"],
      [{ to: second!.occurredAt.toISOString() }, "desc"],
      [{ from: first!.occurredAt.toISOString(), to: second!.occurredAt.toISOString() }, "asc"],
      [{ from: first!.occurredAt.toISOString(), to: second!.occurredAt.toISOString() }, "desc"],
    ] as const) {
      const expected = (await db.event.findMany({ where: eventWhere(filter), orderBy: [{ occurredAt: order }, { id: order }], select: { id: true } })).map(
        (e) => e.id,
      );
      expect(expected.length).toBeGreaterThan(0);
      expect(await pagedIds(filter, order)).toEqual(expected);
    }
    expect(await pagedIds({ from: first!.occurredAt.toISOString() }, "asc")).toContain(first!.id);
    expect(await pagedIds({ to: second!.occurredAt.toISOString() }, "desc")).toContain(second!.id);
  });

  it("% and _ in q are text, not wildcards", async () => {
    expect(await pagedIds({ q: "100%_" }, "asc")).toEqual([]);
    const literal = await pagedIds({ q: "report 1_" }, "asc");
    expect(literal).toEqual([]);
    expect((await pagedIds({ q: "report 1" }, "asc")).length).toBeGreaterThan(0);
  });

  it("the generated history has drafts and retractions that must stay out", async () => {
    expect(await db.report.count({ where: { status: { in: ["draft", "retracted"] } } })).toBeGreaterThan(0);
    const all = await pagedIds({}, "asc");
    const hidden = await db.event.count({ where: { report: { status: { not: "published" } } } });
    expect(all.length + hidden).toBe(3000);
  });
});
