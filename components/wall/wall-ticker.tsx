"use client";

import { useTranslations } from "next-intl";
import { describeEvent, type NameBook } from "@/lib/format/describe-event";
import type { FeedEntry } from "@/lib/schemas/feed";
import { ReportCardMeta, ReportCardTitle, StandingNote, reportCard } from "@/components/feed/report-standing";

/** Events described per report on the wall; the rest is on the dashboard. */
const EVENTS_PER_REPORT = 2;

/**
 * The latest reports, one card each at its current version, newest change first, a fixed number of
 * them (the list never grows). Corrections and retractions carry their mark, time and reason.
 */
export function WallTicker({ entries, names }: { entries: FeedEntry[]; names: NameBook }) {
  const t = useTranslations();
  return (
    <section className="wall-ticker" aria-label={t("wall.ticker")}>
      <h2>{t("wall.ticker")}</h2>
      {entries.length === 0 ? (
        <p className="empty">{t("feed.empty")}</p>
      ) : (
        <ol data-testid="wall-ticker">
          {entries.map((entry) => {
            const card = reportCard(entry);
            const { report, standing, retracted } = card;
            return (
              <li key={report.id} {...card.attributes}>
                <ReportCardMeta card={card} className="wall-ticker-meta" />
                <ReportCardTitle card={card} className="wall-ticker-title" />
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
