import { describe, expect, it } from "vitest";
import type { Db } from "../../../db/client";
import { REFRESH_MS, SituationRegistry } from "./situation-registry";

function fakeDb(rows: { slug: string; isDefault: boolean; store: string }[]) {
  let reads = 0;
  const db = {
    situation: {
      findMany: async () => {
        reads++;
        return rows.map((row) => ({ name: row.slug, names: {}, countries: [], bounds: [], archived: false, createdAt: new Date(0), ...row }));
      },
    },
  } as unknown as Db;
  return { db, reads: () => reads, rows };
}

describe("SituationRegistry", () => {
  it("reads the rows once per REFRESH_MS, and again for a slug it does not know (at most once a second)", async () => {
    let now = 0;
    const fake = fakeDb([{ slug: "syria", isDefault: true, store: "" }]);
    const registry = new SituationRegistry(fake.db, () => now);
    expect((await registry.defaultSituation()).slug).toBe("syria");
    expect(await registry.find("syria")).toBeDefined();
    expect(fake.reads()).toBe(1);

    // Another node made Ukraine: an unknown slug re-reads (not within a second of the last read).
    fake.rows.push({ slug: "ukraine", isDefault: false, store: "ukraine" });
    expect(await registry.find("ukraine")).toBeUndefined();
    now += 1_500;
    expect((await registry.find("ukraine"))?.store).toBe("ukraine");
    expect(fake.reads()).toBe(2);
    expect(await registry.find("atlantis")).toBeUndefined();
    expect(fake.reads()).toBe(2);

    // Another node changed the default: seen after REFRESH_MS.
    fake.rows[0]!.isDefault = false;
    fake.rows[1]!.isDefault = true;
    now += REFRESH_MS + 1;
    expect((await registry.defaultSituation()).slug).toBe("ukraine");
  });
});
