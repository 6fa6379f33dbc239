import { describe, expect, it } from "vitest";
import { filterFromSearchParams, filterQueryString, toggleValue } from "./filter-params";

describe("filter query strings", () => {
  it("writes keys in one order, lists with commas, and leaves out empty values", () => {
    expect(filterQueryString({ type: ["control_change"], region: ["homs", "hama"], q: "  ", faction: [] })).toBe("region=homs,hama&type=control_change");
    expect(filterQueryString({})).toBe("");
    expect(filterQueryString({ q: "a&b=c", from: "2024-12-01T00:00:00Z" })).toBe("from=2024-12-01T00%3A00%3A00Z&q=a%26b%3Dc");
  });

  it("reads back what it wrote", () => {
    const filter = { region: ["homs", "hama"], type: ["control_change", "strike"], confidence: ["confirmed"], from: "2024-12-01T00:00:00Z", q: "Homs" };
    expect(filterFromSearchParams(new URLSearchParams(filterQueryString(filter)))).toEqual(filter);
  });

  it("reads Next's searchParams objects and repeated keys", () => {
    expect(filterFromSearchParams({ region: ["homs", "hama"], type: "strike", at: "x" })).toEqual({ region: ["homs", "hama"], type: ["strike"] });
    expect(filterFromSearchParams(new URLSearchParams("region=homs&region=hama"))).toEqual({ region: ["homs", "hama"] });
  });

  it("toggles list values", () => {
    expect(toggleValue({ region: ["homs"] }, "region", "hama").region).toEqual(["homs", "hama"]);
    expect(toggleValue({ region: ["homs", "hama"] }, "region", "homs").region).toEqual(["hama"]);
  });
});
