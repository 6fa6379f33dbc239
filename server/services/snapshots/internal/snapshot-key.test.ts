import { describe, expect, it } from "vitest";
import { snapshotImageQuerySchema } from "../../../../lib/schemas/snapshot";
import { SnapshotCache } from "./snapshot-cache";
import { snapshotCacheControl, snapshotEtag, snapshotKey, snapshotMoment, type KeyParts } from "./snapshot-key";

const query = (params: Record<string, string> = {}) => snapshotImageQuerySchema.parse(params);
const factions = [{ slug: "hts", name: "HTS", color: "#009e73" }];
const parts = (overrides: Partial<KeyParts> = {}): KeyParts => ({
  situation: "syria@",
  format: "png",
  query: query({ at: "2024-12-07T12:00:00Z" }),
  moment: new Date("2024-12-07T12:00:00Z"),
  lastSeq: 10,
  factions,
  ...overrides,
});

describe("snapshot keys", () => {
  it("takes now to the minute: requests within a minute are one picture", () => {
    const a = snapshotMoment(query(), new Date("2026-12-02T10:15:05Z"));
    const b = snapshotMoment(query(), new Date("2026-12-02T10:15:59Z"));
    expect(a).toEqual({ moment: new Date("2026-12-02T10:15:00Z"), live: true });
    expect(snapshotKey(parts({ query: query(), moment: a.moment }))).toBe(snapshotKey(parts({ query: query(), moment: b.moment })));
    expect(snapshotMoment(query({ at: "2024-12-07T12:00:00+01:00" }), new Date())).toEqual({ moment: new Date("2024-12-07T11:00:00Z"), live: false });
  });

  it("is the same for the same picture asked differently, and differs for anything drawn differently", () => {
    const base = snapshotKey(parts({ query: query({ at: "2024-12-07T12:00:00Z", region: "homs,hama" }) }));
    expect(snapshotKey(parts({ query: query({ at: "2024-12-07T12:00:00Z", region: "hama,homs" }) }))).toBe(base);
    const others = [
      parts({ query: query({ at: "2024-12-07T12:00:00Z", region: "homs" }) }),
      parts({ query: query({ at: "2024-12-07T12:00:00Z", region: "homs,hama", lang: "nl" }) }),
      parts({ query: query({ at: "2024-12-07T12:00:00Z", region: "homs,hama", width: "800" }) }),
      parts({ query: query({ at: "2024-12-07T12:00:00Z", region: "homs,hama", known: "2024-12-01T00:00:00Z" }) }),
      parts({ query: query({ at: "2024-12-07T12:00:00Z", region: "homs,hama" }), format: "svg" }),
      parts({ query: query({ at: "2024-12-07T12:00:00Z", region: "homs,hama" }), lastSeq: 11 }),
      parts({ query: query({ at: "2024-12-07T12:00:00Z", region: "homs,hama" }), factions: [{ ...factions[0]!, color: "#000000" }] }),
    ];
    for (const other of others) expect(snapshotKey(other)).not.toBe(base);
    expect(snapshotEtag(base)).toMatch(/^"[\w-]{27}"$/);
  });

  it("lets a past moment as known at a past time be kept a day, anything else a minute; private without public reading", () => {
    const now = new Date("2026-12-02T10:00:00Z");
    expect(snapshotCacheControl({ at: "2024-12-07T12:00:00Z", known: "2024-12-01T00:00:00Z" }, now, true)).toBe("public, max-age=86400");
    expect(snapshotCacheControl({ at: "2024-12-07T12:00:00Z" }, now, true)).toBe("public, max-age=60");
    expect(snapshotCacheControl({ known: "2024-12-01T00:00:00Z" }, now, true)).toBe("public, max-age=60");
    expect(snapshotCacheControl({ at: "2024-12-07T12:00:00Z", known: "2026-12-02T10:00:00Z" }, now, true)).toBe("public, max-age=60");
    expect(snapshotCacheControl({}, now, false)).toBe("private, max-age=60");
  });
});

describe("SnapshotCache", () => {
  it("keeps the most recently used pictures, up to its capacity", () => {
    const cache = new SnapshotCache(2);
    const picture = (tag: string) => ({ body: Buffer.from(tag), contentType: "image/png", etag: tag });
    cache.set("a", picture("a"));
    cache.set("b", picture("b"));
    expect(cache.get("a")?.etag).toBe("a"); // a is now the most recent
    cache.set("c", picture("c"));
    expect(cache.get("b")).toBeUndefined();
    expect(cache.get("a")?.etag).toBe("a");
    expect(cache.get("c")?.etag).toBe("c");
    expect(cache.size).toBe(2);
  });

  it("keeps at most its bytes, the least recently used going first", () => {
    const cache = new SnapshotCache(10, 10);
    const picture = (tag: string, size: number) => ({ body: Buffer.alloc(size), contentType: "image/png", etag: tag });
    cache.set("a", picture("a", 4));
    cache.set("b", picture("b", 4));
    cache.set("c", picture("c", 4));
    expect(cache.get("a")).toBeUndefined();
    expect(cache.size).toBe(2);
    cache.set("big", picture("big", 50));
    expect(cache.size).toBe(1);
    expect(cache.get("big")?.etag).toBe("big");
  });
});
