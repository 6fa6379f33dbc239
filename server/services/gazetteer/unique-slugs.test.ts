import { describe, expect, it } from "vitest";
import { slugSchema } from "../../../lib/schemas/common";
import { uniqueSlugs } from "./build-gazetteer";

describe("uniqueSlugs", () => {
  const items = [
    { name: "Mykolaivka", region: "donetsk" },
    { name: "Mykolaivka", region: "sumy" },
    { name: "Mykolaivka", region: "sumy" },
    { name: "Kharkiv", region: "kharkiv" },
    { name: "Київ", region: "kyiv-city" },
  ];
  const slugs = uniqueSlugs(
    items,
    (i) => i.name,
    (i) => i.region,
    (_, n) => `place-${n + 1}`,
  );
  it("qualifies a name that repeats by its region, then by a number", () => {
    expect(slugs).toEqual(["mykolaivka-donetsk", "mykolaivka-sumy", "mykolaivka-sumy-2", "kharkiv", "place-5"]);
  });
  it("gives valid slugs, all different, also for long names", () => {
    const long = uniqueSlugs(
      ["x".repeat(80), "x".repeat(80), "x".repeat(80)],
      (s) => s,
      () => "a-region-with-a-long-name",
      () => "p",
    );
    for (const slug of [...slugs, ...long]) expect(slugSchema.safeParse(slug).success, slug).toBe(true);
    expect(new Set(long).size).toBe(3);
  });
});
