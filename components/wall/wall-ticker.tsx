"use client";

import { useLocale, useTranslations } from "next-intl";
import { describeEvent, type NameBook } from "@/lib/format/describe-event";
import { formatUtc } from "@/lib/format/time";
import type { FeedEntry } from "@/lib/schemas/feed";
import { reportStanding } from "@/lib/feed/report-cards";
import { StandingBadge, StandingNote } from "@/components/feed/report-standing";

/** Events described per report on the wall; the rest is on the dashboard. */
const EVENTS_PER_REPORT = 2;

/**
 * The latest reports, one card each at its current version, newest change first, a fixed number of
 * them (the list never grows). Corrections and retractions carry their mark, time and reason.
 */
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
          {entries.map((entry) => {
            const { report } = entry;
            const standing = reportStanding(report);
            const retracted = standing.state === "retracted";
            const publishedAt = report.publishedAt ?? entry.at;
            return (
              <li
                key={report.id}
                data-testid="report-card"
                data-report-id={report.id}
                data-seq={entry.seq}
                data-kind={entry.kind}
                data-standing={standing.state}
                data-key={report.key}
              >
                <div className="wall-ticker-meta">
                  <time dateTime={publishedAt}>{formatUtc(publishedAt, locale)}</time>
                  {report.key && !retracted && <span className="badge key">{t("feed.key")}</span>}
                  <StandingBadge standing={standing} />
                </div>
                <div className="wall-ticker-title">{retracted ? <s>{report.title}</s> : report.title}</div>
                <StandingNote standing={standing} className="wall-ticker-reason" />
                {!retracted &&
                  report.events.slice(0, EVENTS_PER_REPORT).map((event) => (
                    <div key={event.id} className="wall-ticker-event">
                      {describeEvent(event, names, t)} <span className={`confidence ${event.confidence}`}>{t(`confidence.${event.confidence}`)}</span>
                    </div>
                  ))}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
