"use client";

import { useLocale, useTranslations } from "next-intl";
import type { CSSProperties } from "react";
import { describeEvent, type NameBook } from "@/lib/format/describe-event";
import { formatUtc } from "@/lib/format/time";
import type { FeedEntry } from "@/lib/schemas/feed";

/** A new key report over the top of the map for `durationMs`; a bar shows how long it stays. */
export function BreakingBanner({ entry, names, durationMs, area }: { entry: FeedEntry; names: NameBook; durationMs: number; area: string }) {
  const t = useTranslations();
  const locale = useLocale();
  const { report } = entry;
  return (
    <section
      className="wall-breaking"
      data-testid="wall-breaking"
      data-seq={entry.seq}
      role="alert"
      style={{ gridArea: area, "--breaking-ms": `${durationMs}ms` } as CSSProperties}
    >
      <div className="wall-breaking-label">
        {t("wall.breaking")} · <time dateTime={entry.at}>{formatUtc(entry.at, locale)}</time>
      </div>
      <div className="wall-breaking-title">{report.title}</div>
      <ul>
        {report.events.map((event) => (
          <li key={event.id}>
            {describeEvent(event, names, t)} <span className={`confidence ${event.confidence}`}>{t(`confidence.${event.confidence}`)}</span>
          </li>
        ))}
      </ul>
      {report.sources.length > 0 && <div className="wall-breaking-sources">{report.sources.map((s) => s.name).join(", ")}</div>}
      <div className="wall-breaking-timer" aria-hidden />
    </section>
  );
}
