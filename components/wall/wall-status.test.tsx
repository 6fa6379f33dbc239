import { NextIntlClientProvider } from "next-intl";
import { renderToString } from "react-dom/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import messages from "@/messages/en.json";
import { WallStatus } from "./wall-status";

/**
 * The server renders the wall's top bar and the browser hydrates it later. React throws the server's
 * HTML away (error #418) when a text differs, so the first render must show the server's moment:
 * the wall takes the clock offset when it renders, the bar renders after it, and hydration may yield to
 * the browser in between (it did in CI: the minute changed and the clock's text differed).
 */
const RENDERED_AT = Date.parse("2026-11-26T04:31:59.800Z"); // 200 ms before the minute changes

/** The wall took its clock offset at `offsetTakenAt` (browser clock); the bar renders at `now`. */
function firstRender({ offsetTakenAt, now }: { offsetTakenAt: number; now: number }) {
  vi.setSystemTime(now);
  return renderToString(
    <NextIntlClientProvider locale="en" messages={messages} timeZone="UTC">
      <WallStatus
        connection="connecting"
        lastReportAt={RENDERED_AT - 5_000}
        clockOffsetMs={RENDERED_AT - offsetTakenAt}
        renderedAt={RENDERED_AT}
        staleAfterMs={600_000}
        reloadAfterMs={600_000}
        filter={null}
      />
    </NextIntlClientProvider>,
  );
}

describe("WallStatus", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("renders the server's moment first, however late the browser gets to the bar", () => {
    vi.useFakeTimers();
    const server = firstRender({ offsetTakenAt: RENDERED_AT, now: RENDERED_AT + 2 });
    expect(server).toContain("04:31");
    expect(server).toContain("5 seconds ago");
    // The browser's clock is 3 s behind; it hydrates 1.5 s later and yields 400 ms between wall and bar.
    const offsetTakenAt = RENDERED_AT - 3_000 + 1_500;
    expect(firstRender({ offsetTakenAt, now: offsetTakenAt + 400 })).toBe(server);
    // The same with the browser's clock right: the minute changes in between.
    expect(firstRender({ offsetTakenAt: RENDERED_AT + 100, now: RENDERED_AT + 500 })).toBe(server);
  });
});
