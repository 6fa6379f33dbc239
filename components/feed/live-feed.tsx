"use client";

import { useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { liveFeedQuery } from "@/lib/client/feed-cache";
import { describeEvent, type NameBook } from "@/lib/format/describe-event";
import { formatUtc } from "@/lib/format/time";
import type { FeedEntry } from "@/lib/schemas/feed";

const KIND_KEY: Record<FeedEntry["kind"], "published" | "corrected" | "retracted"> = {
  "report.published": "published",
  "report.corrected": "corrected",
  "report.retracted": "retracted",
};

/** The feed as it arrives: newest first, key reports marked, corrections and retractions shown as such. */
export function LiveFeed({ names }: { names: NameBook }) {
  const t = useTranslations("feed");
  const { data: feed } = useQuery(liveFeedQuery());
  if (!feed || feed.entries.length === 0) return <p className="empty">{t("empty")}</p>;
  return (
    <ol className="feed" aria-label="Live feed" data-testid="feed">
      {feed.entries.map((entry) => (
        <FeedItem key={entry.seq} entry={entry} names={names} />
      ))}
    </ol>
  );
}

function FeedItem({ entry, names }: { entry: FeedEntry; names: NameBook }) {
  const t = useTranslations();
  const locale = useLocale();
  const { report } = entry;
  const kind = KIND_KEY[entry.kind];
  return (
    <li className="entry" data-seq={entry.seq} data-kind={entry.kind} data-key={report.key}>
      <div className="meta">
        <time dateTime={entry.at}>{formatUtc(entry.at, locale)}</time>
        {report.key && <span className="badge key">{t("feed.key")}</span>}
        {kind !== "published" && <span className={`badge ${kind}`}>{t(`feed.${kind}`)}</span>}
        <span>{report.sources.map((source) => source.name).join(", ")}</span>
      </div>
      <div className="title">{report.title}</div>
      {report.retractionReason && <div className="reason">{t("feed.retractedReason", { reason: report.retractionReason })}</div>}
      {report.correctionReason && <div className="reason correction">{t("feed.correctionReason", { reason: report.correctionReason })}</div>}
      {report.body && <p className="body">{report.body}</p>}
      <ul className="events">
        {report.events.map((event) => (
          <li key={event.id} data-type={event.type}>
            <span>{describeEvent(event, names, t)}</span>
            <span className={`confidence ${event.confidence}`}>{t(`confidence.${event.confidence}`)}</span>
          </li>
        ))}
      </ul>
    </li>
  );
}
