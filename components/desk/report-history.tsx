"use client";

import { useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { reportQuery } from "@/lib/client/desk-queries";
import { diffReports, type DiffPart } from "@/lib/desk/report-diff";
import { describeEvent, type NameBook } from "@/lib/format/describe-event";
import { formatUtc } from "@/lib/format/time";

/** Every version of a report with who changed it, when, why, and what changed (word and event diff). */
export function ReportHistory({ id, names }: { id: string; names: NameBook }) {
  const t = useTranslations();
  const locale = useLocale();
  const report = useQuery(reportQuery(id));
  if (report.isPending) return <p className="muted">{t("desk.loading")}</p>;
  if (report.isError) return <p className="field-error">{report.error.message}</p>;
  const versions = [
    ...(report.data.revisions ?? []).map((r) => ({ ...r.report, supersededBecause: r.reason, changedBy: r.author, changedAt: r.createdAt })),
    null,
  ];
  const describe = (event: Parameters<typeof describeEvent>[0]) => `${describeEvent(event, names, t)} (${t(`confidence.${event.confidence}`)})`;

  return (
    <ol className="history" data-testid="history">
      {(report.data.revisions ?? []).map((revision, i) => {
        const after = versions[i + 1] ?? report.data;
        const diff = diffReports(revision.report, after, describe);
        return (
          <li key={revision.version}>
            <div className="meta">
              {t("desk.versionChange", { from: revision.version, to: after.version })} · {formatUtc(revision.createdAt, locale)} · {revision.author.name}
            </div>
            {revision.reason && <div className="reason correction">{revision.reason}</div>}
            <DiffLine label={t("desk.headline")} parts={diff.title} />
            <DiffLine label={t("desk.body")} parts={diff.body} />
            <DiffList label={t("desk.events")} parts={diff.events} />
            <DiffList label={t("desk.sources")} parts={diff.sources} />
            {diff.key && <p className="diff-line">{t("desk.keyChanged", { to: String(diff.key.to) })}</p>}
            {!diff.changed && <p className="muted">{t("desk.noChange")}</p>}
          </li>
        );
      })}
    </ol>
  );
}

function Part({ part }: { part: DiffPart }) {
  if (part.added) return <ins>{part.value}</ins>;
  if (part.removed) return <del>{part.value}</del>;
  return <span>{part.value}</span>;
}

function DiffLine({ label, parts }: { label: string; parts: DiffPart[] }) {
  if (!parts.some((p) => p.added || p.removed)) return null;
  return (
    <p className="diff-line">
      <span className="muted">{label}: </span>
      {parts.map((part, i) => (
        <Part key={i} part={part} />
      ))}
    </p>
  );
}

function DiffList({ label, parts }: { label: string; parts: DiffPart[] }) {
  if (!parts.some((p) => p.added || p.removed)) return null;
  return (
    <div className="diff-list">
      <span className="muted">{label}:</span>
      <ul>
        {parts.map((part, i) => (
          <li key={i} data-change={part.added ? "added" : part.removed ? "removed" : "same"}>
            <Part part={part} />
          </li>
        ))}
      </ul>
    </div>
  );
}
