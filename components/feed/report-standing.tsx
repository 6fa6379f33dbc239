"use client";

import { useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useState, type ReactNode } from "react";
import { api } from "@/lib/client/api";
import { baseKeys } from "@/lib/client/query-keys";
import { earlierPublishedVersions, reportStanding, type Standing } from "@/lib/feed/report-cards";
import { describeEvent, type NameBook } from "@/lib/format/describe-event";
import { formatUtc } from "@/lib/format/time";
import type { FeedEntry } from "@/lib/schemas/feed";
import type { Report } from "@/lib/schemas/reports";

/**
 * A report card as every feed list frames it (the dashboard's feed, the wall's ticker): its standing, its
 * publication time, and the attributes that tests and styles read. One reading, so no list can show a
 * corrected or retracted report differently from another.
 */
export function reportCard(entry: FeedEntry) {
  const { report } = entry;
  const standing = reportStanding(report);
  return {
    report,
    standing,
    retracted: standing.state === "retracted",
    publishedAt: report.publishedAt ?? entry.at,
    attributes: {
      "data-testid": "report-card",
      "data-report-id": report.id,
      "data-seq": entry.seq,
      "data-kind": entry.kind,
      "data-standing": standing.state,
      "data-key": report.key,
    },
  };
}
export type ReportCard = ReturnType<typeof reportCard>;

/** The card's first line: when, the key mark (never on a retracted claim), the standing badge, then `children`. */
export function ReportCardMeta({ card, className, children }: { card: ReportCard; className: string; children?: ReactNode }) {
  const t = useTranslations("feed");
  const locale = useLocale();
  return (
    <div className={className}>
      <time dateTime={card.publishedAt}>{formatUtc(card.publishedAt, locale)}</time>
      {card.report.key && !card.retracted && <span className="badge key">{t("key")}</span>}
      <StandingBadge standing={card.standing} />
      {children}
    </div>
  );
}

/** The headline, struck through once retracted. */
export function ReportCardTitle({ card, className }: { card: ReportCard; className: string }) {
  return <div className={className}>{card.retracted ? <s>{card.report.title}</s> : card.report.title}</div>;
}

/** The badge of a corrected or retracted report (nothing for one as first published). */
export function StandingBadge({ standing }: { standing: Standing }) {
  const t = useTranslations("feed");
  if (standing.state === "published") return null;
  return (
    <span className={`badge ${standing.state}`} data-testid="standing-badge">
      {t(standing.state)}
    </span>
  );
}

/**
 * "Corrected on 7 Dec 2024, 11:00 UTC: the reason" or "Retracted on …: the reason", as readers must
 * see it. `compact` (a table row, beside the badge): the reason alone, the whole note in its tooltip.
 */
export function StandingNote({ standing, className = "", compact = false }: { standing: Standing; className?: string; compact?: boolean }) {
  const t = useTranslations("feed");
  const locale = useLocale();
  if (standing.state === "published") return null;
  const time = standing.at ? formatUtc(standing.at, locale) : "";
  const kind = standing.state === "corrected" ? "correction" : "retraction";
  const full = standing.reason ? t(`${standing.state}Note`, { time, reason: standing.reason }) : t(`${standing.state}NoteNoReason`, { time });
  const short = standing.reason ?? full;
  return (
    <div className={`reason ${kind} ${className}`.trim()} data-testid="standing-note" data-standing={standing.state} title={compact ? full : undefined}>
      {compact ? short : full}
    </div>
  );
}

const fetchReport = (id: string) => api<Report>(`/api/reports/${encodeURIComponent(id)}`);

/**
 * A corrected report's earlier versions, one click away: read from GET /api/reports/:id when opened
 * (never rendered as cards of their own).
 */
export function EarlierVersions({ report, names }: { report: Pick<Report, "id" | "version">; names: NameBook }) {
  const t = useTranslations();
  const locale = useLocale();
  const [open, setOpen] = useState(false);
  const query = useQuery({
    queryKey: baseKeys.reportVersion(report.id, report.version),
    queryFn: () => fetchReport(report.id),
    enabled: open,
    staleTime: Infinity,
  });
  const versions = query.data ? earlierPublishedVersions(query.data) : [];
  return (
    <details className="earlier-versions" data-testid="earlier-versions" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t("feed.earlierVersions")}</summary>
      {open &&
        (query.isError ? (
          <p className="muted">{t("feed.earlierFailed")}</p>
        ) : !query.data ? (
          <p className="muted">{t("feed.earlierLoading")}</p>
        ) : versions.length === 0 ? (
          <p className="muted">{t("feed.earlierNone")}</p>
        ) : (
          <ol>
            {versions.map((revision) => (
              <li key={revision.version} data-version={revision.version}>
                <div className="muted">{t("feed.earlierVersion", { version: revision.version, time: formatUtc(revision.report.updatedAt, locale) })}</div>
                <div className="earlier-title">{revision.report.title}</div>
                {revision.report.body && <p className="body">{revision.report.body}</p>}
                <ul className="events">
                  {revision.report.events.map((event) => (
                    <li key={event.id}>{describeEvent(event, names, t)}</li>
                  ))}
                </ul>
                {revision.reason && <div className="muted">{t("feed.replacedBecause", { reason: revision.reason })}</div>}
              </li>
            ))}
          </ol>
        ))}
    </details>
  );
}
