"use client";

import { useLocale, useTranslations } from "next-intl";
import { describeEvent, type NameBook } from "@/lib/format/describe-event";
import { formatUtc } from "@/lib/format/time";
import { IMPORT_ERRORS_KEPT, type ImportResult } from "@/lib/schemas/imports";
import { ScrollFrame } from "@/components/ui/scroll-frame";

/** What an import did (or, on a dry run, would do): the counts, the places it adds, the rows it refused, the first events. */
export function ImportReport({ result, names }: { result: ImportResult; names: NameBook }) {
  const t = useTranslations();
  const locale = useLocale();
  const n = new Intl.NumberFormat(locale);
  const summary = result.import;
  const would = summary.dryRun ? "imports.would" : "imports.did";
  // Rows of a kind of event not imported are counted per kind; the table lists the rows refused for a reason.
  const otherKinds = summary.notImportedTypes.reduce((sum, kind) => sum + kind.rows, 0);
  const refused = summary.errors.filter((error) => error.notImportedType === undefined);
  const refusedTruncated = summary.errorsTruncated && refused.length >= IMPORT_ERRORS_KEPT;
  return (
    <div className="import-report" data-testid={summary.dryRun ? "import-check" : "import-done"}>
      <dl className="import-counts">
        <div>
          <dt>{t("imports.rows")}</dt>
          <dd>{n.format(summary.rows)}</dd>
        </div>
        <div>
          <dt>{t(`${would}.created`)}</dt>
          <dd data-testid="count-created">{n.format(summary.created)}</dd>
        </div>
        <div>
          <dt>{t(`${would}.updated`)}</dt>
          <dd>{n.format(summary.updated)}</dd>
        </div>
        <div>
          <dt>{t("imports.skipped")}</dt>
          <dd>{n.format(summary.skipped)}</dd>
        </div>
        <div>
          <dt>{t(`${would}.newPlaces`)}</dt>
          <dd>{n.format(summary.newPlaces.length)}</dd>
        </div>
      </dl>
      {summary.newPlaces.length > 0 && (
        <details className="import-new-places">
          <summary>{t(`${would}.newPlacesList`, { count: summary.newPlaces.length })}</summary>
          <p>{summary.newPlaces.map((place) => place.name).join(", ")}</p>
        </details>
      )}
      {!summary.errorsTruncated && summary.skipped > summary.errors.length && (
        <p className="muted" data-testid="already-imported">
          {t("imports.alreadyImported", { count: summary.skipped - summary.errors.length })}
        </p>
      )}
      {summary.notImportedTypes.length > 0 && (
        <details className="import-other-kinds" data-testid="other-kinds">
          <summary>{t("imports.otherKindsTitle", { count: otherKinds })}</summary>
          <p className="muted">{t("imports.otherKindsHint")}</p>
          <ScrollFrame label={t("imports.otherKindsCaption")}>
            <table className="admin-table">
              <thead>
                <tr>
                  <th scope="col">{t("imports.kind")}</th>
                  <th scope="col">{t("imports.rows")}</th>
                </tr>
              </thead>
              <tbody>
                {summary.notImportedTypes.map((kind) => (
                  <tr key={kind.type}>
                    <td>{kind.type}</td>
                    <td className="numeric">{n.format(kind.rows)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollFrame>
        </details>
      )}
      {refused.length > 0 && (
        <details className="import-errors" open={summary.created === 0 || refused.length <= 10}>
          <summary data-testid="import-error-count">
            {t(refusedTruncated ? "imports.errorsTitleMore" : "imports.errorsTitle", { count: refused.length })}
          </summary>
          <ScrollFrame label={t("imports.errorsCaption")}>
            <table className="admin-table">
              <thead>
                <tr>
                  <th scope="col">{t("imports.line")}</th>
                  <th scope="col">{t("imports.why")}</th>
                </tr>
              </thead>
              <tbody>
                {refused.map((error, i) => (
                  <tr key={i}>
                    <td className="numeric">{error.row}</td>
                    <td>{error.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollFrame>
          {refusedTruncated && <p className="muted">{t("imports.errorsTruncated", { count: refused.length })}</p>}
        </details>
      )}
      {result.preview.length > 0 && (
        <ScrollFrame className="import-preview" label={t("imports.previewCaption", { count: result.preview.length })}>
          <table className="admin-table" data-testid="import-preview">
            <caption>{t("imports.previewCaption", { count: result.preview.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("imports.line")}</th>
                <th scope="col">{t("imports.when")}</th>
                <th scope="col">{t("imports.event")}</th>
                <th scope="col">{t("desk.confidence")}</th>
                <th scope="col">{t("imports.sourceId")}</th>
              </tr>
            </thead>
            <tbody>
              {result.preview.map((event) => (
                <tr key={event.key}>
                  <td className="numeric">{event.row}</td>
                  <td className="nowrap">{formatUtc(event.occurredAt, locale)}</td>
                  <td>{describeEvent(event, names, t)}</td>
                  <td>{t(`confidence.${event.confidence}`)}</td>
                  <td>
                    <code>{event.key}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollFrame>
      )}
    </div>
  );
}
