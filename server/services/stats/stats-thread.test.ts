import { describe, expect, it } from "vitest";
import { isDatabaseBusy, isDatabaseUnreachable } from "../../db/errors";
import { AppError, isAppError } from "../../errors";
import { fromFailure } from "./stats-thread";

describe("a statistic's failure, as it crosses from the statistics thread", () => {
  it("an AppError keeps its code, message, details and Retry-After", () => {
    const error = fromFailure({
      app: { code: "invalid_request", message: "`from` is after `to`.", details: [{ path: "from", message: "must not be after to" }] },
    });
    expect(isAppError(error)).toBe(true);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "invalid_request", message: "`from` is after `to`.", details: [{ path: "from", message: "must not be after to" }] });
    expect(fromFailure({ app: { code: "busy", message: "busy", details: [], retryAfterS: 2 } })).toMatchObject({ retryAfterS: 2 });
  });

  it("a database fault is still read as one by the API's error mapping (503, not 500)", () => {
    const unreachable = fromFailure({ chain: "P1001 | Can't reach database server at 127.0.0.1:5432 | ECONNREFUSED" });
    expect(isAppError(unreachable)).toBe(false);
    expect(isDatabaseUnreachable(unreachable)).toBe(true);
    expect(isDatabaseBusy(fromFailure({ chain: "P1008 | Operation has timed out" }))).toBe(true);
    expect(isDatabaseUnreachable(fromFailure({ chain: "TypeError | x is undefined" }))).toBe(false);
  });
});
