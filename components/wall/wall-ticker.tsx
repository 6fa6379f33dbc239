"use client";

import { useLocale, useTranslations } from "next-intl";
import { describeEvent, type NameBook } from "@/lib/format/describe-event";
import { formatUtc } from "@/lib/format/time";
import type { FeedEntry } from "@/lib/schemas/feed";

/** Events described per report on the wall; the rest is on the dashboard. */
const EVENTS_PER_REPORT = 2;

/** The latest reports, newest first, a fixed number of them (the list never grows). */
export function WallTicker({ entries, names }: { entries: FeedEntry[]; names: NameBook }) {
  const t = useTranslations();
  const locale = useLocale();
  return (
    <section className="wall-ticker" aria-label={t("wall.ticker")}>
      <h2>{t("wall.ticker")}</h2>
      {entries.length === 0 ? (
        <p className="empty">{t("feed.empty")}</p>
      ) : (
        <ol data-testid="wall-ticker">
          {entries.map((entry) => (
            <li key={entry.seq} data-seq={entry.seq} data-kind={entry.kind} data-key={entry.report.key}>
              <div className="wall-ticker-meta">
                <time dateTime={entry.at}>{formatUtc(entry.at, locale)}</time>
                {entry.report.key && <span className="badge key">{t("feed.key")}</span>}
                {entry.kind === "report.corrected" && <span className="badge corrected">{t("feed.corrected")}</span>}
                {entry.kind === "report.retracted" && <span className="badge retracted">{t("feed.retracted")}</span>}
              </div>
              <div className="wall-ticker-title">{entry.report.title}</div>
              {entry.report.events.slice(0, EVENTS_PER_REPORT).map((event) => (
                <div key={event.id} className="wall-ticker-event">
                  {describeEvent(event, names, t)} <span className={`confidence ${event.confidence}`}>{t(`confidence.${event.confidence}`)}</span>
                </div>
              ))}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
