/**
 * The situations as the main database lists them, kept in memory: every API request and page asks which
 * situation it is for, so the rows are re-read at most every REFRESH_MS (another node's new situation or
 * new default reaches this one within that), or sooner for a slug not known here (at most once per
 * MISS_REFRESH_MS, so a stream of unknown slugs costs no more than one query a second).
 */
import type { Bounds } from "../../geo/internal/country-bounds";
import type { Db } from "../../../db/client";

export interface SituationRow {
  slug: string;
  name: string;
  names: { en?: string; nl?: string; ar?: string };
  countries: string[];
  bounds: Bounds;
  isDefault: boolean;
  archived: boolean;
  store: string;
  createdAt: Date;
}

/** A stored row with its JSON columns typed. */
export const toSituationRow = (
  row: Omit<SituationRow, "names" | "countries" | "bounds"> & { names: unknown; countries: unknown; bounds: unknown },
): SituationRow => ({
  ...row,
  names: row.names as SituationRow["names"],
  countries: row.countries as string[],
  bounds: row.bounds as Bounds,
});

export const REFRESH_MS = 5_000;
const MISS_REFRESH_MS = 1_000;

export class SituationRegistry {
  private rows: SituationRow[] = [];
  private readAt = -Infinity;
  private reading: Promise<void> | undefined;

  constructor(
    private readonly db: Db,
    private readonly clock: () => number = () => performance.now(),
  ) {}

  /** Every situation, oldest first. */
  async list(): Promise<SituationRow[]> {
    if (this.clock() - this.readAt > REFRESH_MS) await this.refresh();
    return this.rows;
  }

  async find(slug: string): Promise<SituationRow | undefined> {
    const rows = await this.list();
    const row = rows.find((situation) => situation.slug === slug);
    if (row || this.clock() - this.readAt < MISS_REFRESH_MS) return row;
    await this.refresh();
    return this.rows.find((situation) => situation.slug === slug);
  }

  /** The default situation (exactly one once the server has started: ensure-default-situation.ts). */
  async defaultSituation(): Promise<SituationRow> {
    const rows = await this.list();
    const found = rows.find((situation) => situation.isDefault) ?? rows.find((situation) => situation.store === "");
    if (!found) throw new Error("no default situation (the server writes one at start)");
    return found;
  }

  /** Re-read now (after this node changed the rows). */
  refresh(): Promise<void> {
    this.reading ??= (async () => {
      try {
        const rows = await this.db.situation.findMany({ orderBy: [{ createdAt: "asc" }, { slug: "asc" }] });
        this.rows = rows.map(toSituationRow);
        this.readAt = this.clock();
      } finally {
        this.reading = undefined;
      }
    })();
    return this.reading;
  }
}
