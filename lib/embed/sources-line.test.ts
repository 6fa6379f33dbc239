import { describe, expect, it } from "vitest";
import { sourcesOf } from "./sources-line";

const entry = (status: string, ...names: string[]) => ({ report: { status, sources: names.map((name) => ({ name })) } }) as never;

describe("sourcesOf", () => {
  it("lists each source once, in the order of the reports, and counts the rest", () => {
    const line = sourcesOf([entry("published", "Reuters", "SOHR"), entry("published", "reuters ", "AFP"), entry("published", "BBC", "Enab Baladi")], 3);
    expect(line).toEqual({ names: ["Reuters", "SOHR", "AFP"], more: 2 });
  });

  it("leaves out a retracted report's sources", () => {
    expect(sourcesOf([entry("retracted", "Rumour mill"), entry("published", "AP")])).toEqual({ names: ["AP"], more: 0 });
  });
});
