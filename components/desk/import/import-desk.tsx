"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useMemo, useState, type FormEvent } from "react";
import { useSituationNaming } from "@/components/ui/situation";
import { baseKeys, deskKeys } from "@/lib/client/query-keys";
import { factionsQuery, placesQuery } from "@/lib/client/reference-queries";
import { nameBook } from "@/lib/format/describe-event";
import { guessImportFormat, IMPORT_FILE_ACCEPT } from "@/lib/imports/file-format";
import { IMPORT_FORMATS, IMPORT_MAX_BYTES, type ImportFormat, type ImportQuery } from "@/lib/schemas/imports";
import { SelectField, TextField } from "../fields";
import { ActorMapEditor } from "./actor-map-editor";
import { ImportProgress } from "./import-progress";
import { ImportReport } from "./import-report";
import { useImportRun } from "./use-import-run";

const today = () => new Date().toISOString().slice(0, 10);

/**
 * The desk's import page: choose a file (its format guessed, ACLED's credit asked for), check it (a dry
 * run: the counts, the rows refused and why, the first events as they would be stored), map the actors
 * it names, then import it as drafts or published. The file goes up as it is; a progress bar follows it.
 */
export function ImportDesk() {
  const t = useTranslations("imports");
  const queryClient = useQueryClient();
  const { name } = useSituationNaming();
  const factions = useQuery(factionsQuery()).data ?? [];
  const places = useQuery(placesQuery()).data;
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState<ImportFormat>("acled");
  const [accessedAt, setAccessedAt] = useState(today);
  const [filters, setFilters] = useState("");
  const [publish, setPublish] = useState(false);
  const check = useImportRun();
  const commit = useImportRun();
  const checked = check.state.phase === "done" ? check.state.result : null;
  const imported = commit.state.phase === "done" ? commit.state.result : null;
  const names = useMemo(() => {
    const placeNames = Object.fromEntries((places ?? []).map((p) => [p.slug, p.name]));
    for (const place of [...(checked?.import.newPlaces ?? []), ...(imported?.import.newPlaces ?? [])]) placeNames[place.slug] ??= place.name;
    return nameBook(placeNames, Object.fromEntries(factions.map((f) => [f.slug, f.name])));
  }, [places, factions, checked, imported]);

  const query = (dryRun: boolean): ImportQuery => ({
    format,
    dryRun: dryRun ? "true" : "false",
    publish: publish ? "true" : "false",
    ...(format === "acled" ? { accessedAt, ...(filters.trim() ? { filters: filters.trim() } : {}) } : {}),
  });
  const tooBig = file !== null && file.size > IMPORT_MAX_BYTES;
  const runCheck = () => {
    if (!file || tooBig) return;
    commit.reset();
    void check.run(file, query(true));
  };
  const choose = async (chosen: File | null) => {
    setFile(chosen);
    check.reset();
    commit.reset();
    if (chosen) setFormat(guessImportFormat(chosen.name, await chosen.slice(0, 4096).text()));
  };
  const runImport = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    const result = await commit.run(file, query(false));
    // Done: what the check foresaw is now stored; the page shows what the import did instead.
    if (result) check.reset();
    // Stopped or failed partway, rows may be stored all the same: refresh what shows them either way.
    void queryClient.invalidateQueries({ queryKey: deskKeys.imports });
    void queryClient.invalidateQueries({ queryKey: deskKeys.queues });
    if (result?.import.newPlaces.length) void queryClient.invalidateQueries({ queryKey: baseKeys.places });
  };
  const formats = IMPORT_FORMATS.map((value) => ({ value, label: t(`formats.${value}`) }));
  const busy = check.busy || commit.busy;
  const toStore = checked ? checked.import.created + checked.import.updated : 0;

  return (
    <section className="panel import-desk" aria-labelledby="import-title">
      <h2 id="import-title">{t("title", { name })}</h2>
      <p className="muted">{t("intro")}</p>
      <form
        className="import-file"
        onSubmit={(e) => {
          e.preventDefault();
          runCheck();
        }}
        aria-labelledby="import-step-file"
      >
        <h3 id="import-step-file">{t("stepFile")}</h3>
        <div className="grid">
          <TextField
            id="import-file"
            type="file"
            label={t("file")}
            accept={IMPORT_FILE_ACCEPT}
            hint={t("fileHint")}
            error={tooBig ? t("tooBig") : undefined}
            disabled={busy}
            onChange={(e) => void choose(e.target.files?.[0] ?? null)}
          />
          <SelectField id="import-format" label={t("format")} value={format} options={formats} onChange={(value) => (setFormat(value), check.reset())} />
          {format === "acled" && (
            <>
              <TextField
                id="import-accessed"
                type="date"
                label={t("accessedAt")}
                hint={t("accessedAtHint")}
                value={accessedAt}
                max={today()}
                onChange={(e) => (setAccessedAt(e.target.value || today()), check.reset())}
              />
              <TextField
                id="import-filters"
                label={t("filters")}
                hint={t("filtersHint")}
                value={filters}
                maxLength={300}
                autoComplete="off"
                onChange={(e) => (setFilters(e.target.value), check.reset())}
              />
            </>
          )}
        </div>
        <button type="submit" className="button primary" disabled={!file || tooBig || busy}>
          {t("check")}
        </button>
      </form>

      <ImportProgress state={check.state} label={t("checking")} onStop={check.stop} />
      {check.state.phase === "failed" && (
        <p className="field-error" role="alert" data-testid="import-failed">
          {check.state.error.code === "aborted" ? t("checkStopped") : check.state.error.message}
        </p>
      )}
      {checked && (
        <div className="import-step" aria-labelledby="import-step-check">
          <h3 id="import-step-check">{t("stepCheck")}</h3>
          <p role="status" className={toStore > 0 ? "desk-notice ok" : "desk-notice"}>
            {toStore > 0 ? t("checkSummary", { count: toStore }) : checked.import.errors.length === 0 ? t("checkAllDone") : t("checkNothing")}
          </p>
          <ImportReport result={checked} names={names} />
        </div>
      )}

      {(checked || format === "acled") && <ActorMapEditor factions={factions} unmapped={checked?.import.unmappedActors ?? []} onSaved={runCheck} />}

      {checked && toStore > 0 && (
        <form className="import-commit" onSubmit={runImport} aria-labelledby="import-step-commit">
          <h3 id="import-step-commit">{t("stepImport")}</h3>
          <fieldset>
            <legend>{t("publishChoice")}</legend>
            <label className="choice">
              <input type="radio" name="publish" checked={!publish} onChange={() => setPublish(false)} disabled={busy} />
              <span>
                <strong>{t("asDrafts")}</strong> <span className="muted">{t("asDraftsHint")}</span>
              </span>
            </label>
            <label className="choice">
              <input type="radio" name="publish" checked={publish} onChange={() => setPublish(true)} disabled={busy} />
              <span>
                <strong>{t("asPublished")}</strong> <span className="muted">{t("asPublishedHint")}</span>
              </span>
            </label>
          </fieldset>
          <button type="submit" className="button primary" disabled={busy || imported !== null}>
            {t(publish ? "importPublished" : "importDrafts", { count: toStore })}
          </button>
        </form>
      )}
      <ImportProgress state={commit.state} label={t("importing")} onStop={commit.stop} />
      {commit.state.phase === "failed" && (
        <p className="field-error" role="alert" data-testid="import-failed">
          {commit.state.error.code === "aborted" ? t("stopped") : commit.state.error.message}
        </p>
      )}
      {imported && (
        <div className="import-step" aria-labelledby="import-step-done">
          <h3 id="import-step-done">{t("stepDone")}</h3>
          <p role="status" className="desk-notice ok">
            {t(imported.import.publish ? "donePublished" : "doneDrafts", { count: imported.import.created + imported.import.updated })}{" "}
            <Link href="/desk">{t("toDesk")}</Link>
          </p>
          <ImportReport result={imported} names={names} />
        </div>
      )}
    </section>
  );
}
