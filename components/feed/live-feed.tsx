"use client";

import { useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { liveFeedQuery } from "@/lib/client/feed-cache";
import { describeEvent, type NameBook } from "@/lib/format/describe-event";
import { formatUtc } from "@/lib/format/time";
import type { FeedEntry } from "@/lib/schemas/feed";
import { reportStanding } from "@/lib/feed/report-cards";
import { EarlierVersions, StandingBadge, StandingNote } from "./report-standing";

/**
 * The feed as readers must see it: one card per report at its current version, newest change first.
 * A corrected report shows the corrected content, its mark, reason and time, its earlier versions one
 * click away; a retracted one only as retracted, with the reason (its claim is struck, its events gone).
 */
export function LiveFeed({ names }: { names: NameBook }) {
  const t = useTranslations("feed");
  const { data: feed } = useQuery(liveFeedQuery());
  if (!feed || feed.entries.length === 0) return <p className="empty">{t("empty")}</p>;
  return (
    <ol className="feed" aria-label="Live feed" data-testid="feed">
      {feed.entries.map((entry) => (
        <FeedItem key={entry.report.id} entry={entry} names={names} />
      ))}
    </ol>
  );
}

function FeedItem({ entry, names }: { entry: FeedEntry; names: NameBook }) {
  const t = useTranslations();
  const locale = useLocale();
  const { report } = entry;
  const standing = reportStanding(report);
  const retracted = standing.state === "retracted";
  const publishedAt = report.publishedAt ?? entry.at;
  return (
    <li
      className="entry"
      data-testid="report-card"
      data-report-id={report.id}
      data-seq={entry.seq}
      data-kind={entry.kind}
      data-standing={standing.state}
      data-key={report.key}
    >
      <div className="meta">
        <time dateTime={publishedAt}>{formatUtc(publishedAt, locale)}</time>
        {report.key && !retracted && <span className="badge key">{t("feed.key")}</span>}
        <StandingBadge standing={standing} />
        <span>{report.sources.map((source) => source.name).join(", ")}</span>
      </div>
      <div className="title">{retracted ? <s>{report.title}</s> : report.title}</div>
      <StandingNote standing={standing} />
      {!retracted && report.body && <p className="body">{report.body}</p>}
      {!retracted && (
        <ul className="events">
          {report.events.map((event) => (
            <li key={event.id} data-type={event.type}>
              <span>{describeEvent(event, names, t)}</span>
              <span className={`confidence ${event.confidence}`}>{t(`confidence.${event.confidence}`)}</span>
            </li>
          ))}
        </ul>
      )}
      {standing.state === "corrected" && <EarlierVersions report={report} names={names} />}
    </li>
  );
}
