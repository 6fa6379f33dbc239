"use client";

import { useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { importsQuery } from "@/lib/client/import-queries";
import { formatUtc } from "@/lib/format/time";
import { ScrollFrame } from "@/components/ui/scroll-frame";

/** The situation's newest imports: who, when, what each did, and one that did not finish. */
export function ImportHistory() {
  const t = useTranslations("imports");
  const locale = useLocale();
  const imports = useQuery(importsQuery());
  const n = new Intl.NumberFormat(locale);
  return (
    <section className="panel import-history" aria-labelledby="import-history-title">
      <h2 id="import-history-title">{t("history")}</h2>
      {imports.isPending ? (
        <p aria-busy="true">{t("loading")}</p>
      ) : imports.isError ? (
        <p className="field-error">{imports.error.message}</p>
      ) : imports.data.length === 0 ? (
        <p className="muted">{t("noImports")}</p>
      ) : (
        <ScrollFrame label={t("history")}>
          <table className="admin-table" data-testid="import-history">
            <thead>
              <tr>
                <th scope="col">{t("startedAt")}</th>
                <th scope="col">{t("by")}</th>
                <th scope="col">{t("source")}</th>
                <th scope="col" className="numeric">
                  {t("rows")}
                </th>
                <th scope="col" className="numeric">
                  {t("did.created")}
                </th>
                <th scope="col" className="numeric">
                  {t("did.updated")}
                </th>
                <th scope="col" className="numeric">
                  {t("skipped")}
                </th>
                <th scope="col">{t("state")}</th>
              </tr>
            </thead>
            <tbody>
              {imports.data.map((record) => (
                <tr key={record.id}>
                  <td className="nowrap">{formatUtc(record.createdAt, locale)}</td>
                  <td>{record.by.name}</td>
                  <td>
                    {record.attribution.source}
                    {record.attribution.filters ? <span className="details"> · {record.attribution.filters}</span> : null}
                  </td>
                  <td className="numeric">{n.format(record.rows)}</td>
                  <td className="numeric">{n.format(record.created)}</td>
                  <td className="numeric">{n.format(record.updated)}</td>
                  <td className="numeric">{n.format(record.skipped)}</td>
                  <td>
                    {record.finishedAt ? t(record.publish ? "finishedPublished" : "finishedDrafts") : <span className="field-error">{t("unfinished")}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollFrame>
      )}
    </section>
  );
}
