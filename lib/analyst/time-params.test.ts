import { describe, expect, it } from "vitest";
import { readTimeParams } from "./time-params";

describe("readTimeParams", () => {
  it("keeps date-times with a time zone", () => {
    expect(readTimeParams({ from: "2024-12-01T00:00:00Z", to: "2024-12-08T12:00:00+02:00", at: ["2024-12-05T00:00:00Z", "x"] })).toEqual({
      times: { from: "2024-12-01T00:00:00Z", to: "2024-12-08T12:00:00+02:00", at: "2024-12-05T00:00:00Z" },
      ignored: [],
    });
  });

  it("names and drops what is not one, whatever it is", () => {
    const { times, ignored } = readTimeParams({ from: "garbage", to: "Z", at: "2024-01-01T00:00:00+99:99", known: "2024-13-45T00:00:00Z" });
    expect(times).toEqual({});
    expect(ignored).toEqual([
      { param: "from", value: "garbage" },
      { param: "to", value: "Z" },
      { param: "at", value: "2024-01-01T00:00:00+99:99" },
      { param: "known", value: "2024-13-45T00:00:00Z" },
    ]);
  });

  it("shortens a long bad value and skips empty ones", () => {
    const { ignored } = readTimeParams({ from: "x".repeat(500), to: "" });
    expect(ignored).toEqual([{ param: "from", value: "x".repeat(80) }]);
  });
});
