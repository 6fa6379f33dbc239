"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { api, ApiError } from "@/lib/client/api";
import { deskKeys, queueQuery } from "@/lib/client/desk-queries";
import type { NameBook } from "@/lib/format/describe-event";
import { formatUtc } from "@/lib/format/time";
import type { Report } from "@/lib/schemas/reports";
import { ReportHistory } from "./report-history";
import { formText } from "@/lib/form-text";

const TABS = ["draft", "published", "retracted"] as const;
type Tab = (typeof TABS)[number];

/** Drafts to publish, published reports to correct or retract, and what was retracted. */
export function ReportQueues({ names, onEdit, editingId }: { names: NameBook; onEdit(report: Report): void; editingId: string | null }) {
  const t = useTranslations("desk");
  const [tab, setTab] = useState<Tab>("draft");
  const reports = useQuery(queueQuery(tab));
  const counts = { draft: useQuery(queueQuery("draft")).data?.length };

  return (
    <aside className="desk-queues panel" aria-label={t("queues")}>
      <div role="tablist" className="segmented tabs">
        {TABS.map((name) => (
          <button key={name} role="tab" type="button" aria-selected={tab === name} onClick={() => setTab(name)}>
            {t(`tabs.${name}`)}
            {name === "draft" && counts.draft ? ` (${counts.draft})` : ""}
          </button>
        ))}
      </div>
      {reports.isPending ? (
        <p className="muted">{t("loading")}</p>
      ) : reports.isError ? (
        <p className="field-error">{reports.error.message}</p>
      ) : reports.data.length === 0 ? (
        <p className="muted">{t(`empty.${tab}`)}</p>
      ) : (
        <ol className="queue" data-testid={`queue-${tab}`}>
          {reports.data.map((report) => (
            <QueueItem key={report.id} report={report} names={names} onEdit={onEdit} editing={editingId === report.id} />
          ))}
        </ol>
      )}
    </aside>
  );
}

function QueueItem({ report, names, onEdit, editing }: { report: Report; names: NameBook; onEdit(report: Report): void; editing: boolean }) {
  const t = useTranslations("desk");
  const locale = useLocale();
  const queryClient = useQueryClient();
  const [retracting, setRetracting] = useState(false);
  const [showHistory, setShowHistory] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: deskKeys.all });

  const publish = useMutation({
    mutationFn: () => api<Report>(`/api/reports/${report.id}/publish`, { method: "POST" }),
    onSuccess: refresh,
    onError: (e) => setError(e.message),
  });
  const retract = useMutation({
    mutationFn: (reason: string) => api<Report>(`/api/reports/${report.id}/retract`, { method: "POST", body: { reason } }),
    onSuccess: () => (setRetracting(false), refresh()),
    onError: (e) => setError(e instanceof ApiError && e.details[0] ? `${e.details[0].path}: ${e.details[0].message}` : e.message),
  });
  const submitRetraction = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const reason = formText(new FormData(event.currentTarget), "reason").trim();
    if (!reason) return setError(t("reasonRequired"));
    setError(null);
    retract.mutate(reason);
  };

  const when = report.publishedAt ?? report.updatedAt;
  return (
    <li className="queue-item" data-status={report.status} data-key={report.key} data-editing={editing || undefined} data-report={report.id}>
      <div className="meta">
        <time dateTime={when}>{formatUtc(when, locale)}</time>
        {report.key && <span className="badge key">{t("key")}</span>}
        {report.version > 1 && <span className="muted">{t("versionN", { n: report.version })}</span>}
        <span className="muted" data-testid="report-people">
          {report.lastChangedBy.id === report.author.id
            ? report.author.name
            : t("lastChangedBy", { author: report.author.name, editor: report.lastChangedBy.name })}
        </span>
      </div>
      <div className="title">{report.title}</div>
      {report.correctionReason && <div className="reason correction">{t("correctedBecause", { reason: report.correctionReason })}</div>}
      {report.retractionReason && <div className="reason">{t("retractedBecause", { reason: report.retractionReason })}</div>}
      <div className="actions">
        {report.status === "draft" && (
          <>
            <button type="button" className="button small" onClick={() => publish.mutate()} disabled={publish.isPending}>
              {t("publish")}
            </button>
            <button type="button" className="button small" onClick={() => onEdit(report)}>
              {t("edit")}
            </button>
          </>
        )}
        {report.status === "published" && (
          <>
            <button type="button" className="button small" onClick={() => onEdit(report)}>
              {t("correct")}
            </button>
            <button type="button" className="button small danger" onClick={() => setRetracting((r) => !r)} aria-expanded={retracting}>
              {t("retract")}
            </button>
          </>
        )}
        {report.version > 1 && report.status !== "draft" && (
          <button type="button" className="link-button" onClick={() => setShowHistory((h) => !h)} aria-expanded={showHistory}>
            {t("history")}
          </button>
        )}
      </div>
      {retracting && (
        <form className="retract-form" onSubmit={submitRetraction}>
          <label htmlFor={`retract-${report.id}`}>{t("retractReason")}</label>
          <textarea id={`retract-${report.id}`} name="reason" rows={2} required autoFocus />
          <div className="actions">
            <button type="submit" className="button small danger" disabled={retract.isPending}>
              {t("confirmRetract")}
            </button>
            <button type="button" className="button small" onClick={() => setRetracting(false)}>
              {t("cancel")}
            </button>
          </div>
        </form>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {showHistory && <ReportHistory id={report.id} names={names} />}
    </li>
  );
}
