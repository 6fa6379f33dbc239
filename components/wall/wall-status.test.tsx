import { NextIntlClientProvider } from "next-intl";
import { renderToString } from "react-dom/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import messages from "@/messages/en.json";
import { WallStatus } from "./wall-status";

/**
 * The server renders the wall's top bar and the browser hydrates it later. React throws the server's
 * HTML away (error #418) when a text differs, so the first render must show the server's moment, whatever
 * the browser's clock says and however late it hydrates (in CI the minute once changed in between).
 */
const RENDERED_AT = Date.parse("2026-11-26T04:31:59.800Z"); // 200 ms before the minute changes

/**
 * The bar's first render on a machine whose clock reads `now`, and `stepMs` later at every further
 * reading (time passes between readings: on the server hardly, in a browser that yields, hundreds of ms).
 */
function firstRender(
  now: number,
  stepMs: number,
  { connection = "connecting", lastReportAt = RENDERED_AT - 5_000 }: { connection?: "connecting" | "live"; lastReportAt?: number | null } = {},
) {
  let clock = now;
  vi.spyOn(Date, "now").mockImplementation(() => {
    const reading = clock;
    clock += stepMs;
    return reading;
  });
  return renderToString(
    <NextIntlClientProvider locale="en" messages={messages} timeZone="UTC">
      <WallStatus
        connection={connection}
        lastReportAt={lastReportAt}
        renderedAt={RENDERED_AT}
        staleAfterMs={600_000}
        reloadAfterMs={600_000}
        filter={null}
        situation="Syria"
      />
    </NextIntlClientProvider>,
  );
}

describe("WallStatus", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("renders the server's moment first, however late and on whatever clock the browser gets to the bar", () => {
    const server = firstRender(RENDERED_AT + 2, 1);
    expect(server).toContain('<time dateTime="2026-11-26T04:31:59.800Z">04:31</time>');
    expect(server).toContain("5 seconds ago");
    // The browser's clock is 3 s behind; it hydrates 1.5 s after the server rendered.
    expect(firstRender(RENDERED_AT - 3_000 + 1_500, 400)).toBe(server);
    // Its clock is right and it hydrates after the minute changed.
    expect(firstRender(RENDERED_AT + 500, 400)).toBe(server);
  });

  it("says a desk without reports has none, not how long since the last", () => {
    const empty = firstRender(RENDERED_AT, 0, { connection: "live", lastReportAt: null });
    expect(empty).toContain('data-level="quiet"');
    expect(empty).toContain("No reports yet");
    expect(empty).not.toContain("No new report for");
  });
});
