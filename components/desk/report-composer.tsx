"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useMemo, useState, type SyntheticEvent } from "react";
import { api, ApiError } from "@/lib/client/api";
import { splitPlaceList } from "@/lib/desk/place-match";
import {
  changedPaths,
  draftFromReport,
  emptyEvent,
  emptyReport,
  errorsByField,
  placeResolver,
  randomId,
  reportInput,
  validateDraft,
  type ReportDraft,
} from "@/lib/desk/report-form";
import type { Faction, Place, Region } from "@/lib/schemas/reference";
import type { Report } from "@/lib/schemas/reports";
import { AddPlaceForm } from "./add-place-form";
import { EventEditor, type PlaceFieldName } from "./event-editor";
import { PreviewMap } from "./preview-map";
import { useLocalDraft } from "./use-local-draft";
import { useSituation } from "@/components/ui/situation";
import type { ReferenceModel } from "@/components/dashboard/use-dashboard-model";

/** Tries of a send that got no answer; the Idempotency-Key makes every try the same request. */
const SEND_RETRIES = 4;
const retryDelayMs = (attempt: number) => Math.min(1000 * 2 ** attempt, 8000);

type Target = { kind: "new" } | { kind: "edit"; report: Report };

interface ComposerProps {
  target: Target;
  model: ReferenceModel;
  places: Place[];
  factions: Faction[];
  regions: Region[];
  onSaved(report: Report, how: "published" | "draft" | "corrected" | "saved"): void;
  onCancel?(): void;
}

/**
 * Compose a report, edit a draft, or correct a published report. What is typed is kept in
 * localStorage until the server has acknowledged it; a send that gets no answer is retried with the
 * same Idempotency-Key, so a flaky network or a double click never posts twice or loses a post.
 */
export function ReportComposer({ target, model, places, factions, regions, onSaved, onCancel }: ComposerProps) {
  const t = useTranslations("desk");
  const editing = target.kind === "edit" ? target.report : null;
  const correcting = editing?.status === "published";
  // A new report's draft is the situation's own (a report id names its situation already).
  const situation = useSituation();
  const storageKey = editing ? `edit:${editing.id}` : `new:${situation.slug}`;
  const { draft, setDraft, discard, restored } = useLocalDraft(
    storageKey,
    () => (editing ? draftFromReport(editing) : emptyReport(Date.now())),
    !editing && situation.isDefault ? "new" : undefined,
  );
  const [base, setBase] = useState<Report | null>(editing);
  const [reason, setReason] = useState("");
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [addingPlace, setAddingPlace] = useState<{ text: string; eventIndex: number; field: PlaceFieldName } | null>(null);
  const resolvePlaceText = useMemo(() => placeResolver(places), [places]);

  const send = useMutation({
    // One request per send, retried with its Idempotency-Key: a draft's edit and its publication are one server operation.
    mutationFn: async ({ input, publish, key }: { input: ReturnType<typeof reportInput>; publish: boolean; key: string }) => {
      if (!base) {
        return api<Report>("/api/reports", {
          method: "POST",
          body: { ...input, status: publish ? "published" : "draft" },
          headers: { "idempotency-key": key },
        });
      }
      const body = { ...input, version: base.version, ...(correcting ? { reason } : {}), ...(publish && !correcting ? { publish: true } : {}) };
      return api<Report>(`/api/reports/${base.id}`, { method: "PATCH", body, headers: { "idempotency-key": key } });
    },
    retry: (count, error) => error instanceof ApiError && error.retryable && count < SEND_RETRIES,
    retryDelay: retryDelayMs,
    onSuccess: (report, { publish }) => {
      discard(emptyReport(Date.now()));
      setReason("");
      setProblems({});
      onSaved(report, correcting ? "corrected" : !base ? (publish ? "published" : "draft") : publish ? "published" : "saved");
    },
    onError: (error) => {
      if (error instanceof ApiError) setProblems({ ...errorsByField(error.details), "": error.message });
    },
  });

  const stale = send.error instanceof ApiError && send.error.status === 409 && base !== null && send.error.details.some((d) => d.path === "version");
  const reloadLatest = async () => {
    if (!base) return;
    const latest = await api<Report>(`/api/reports/${base.id}`);
    setBase(latest); // the next send uses the latest version; the editor's changes stay in the form
    send.reset();
    setProblems({});
  };

  const submit = (publish: boolean) => (event?: SyntheticEvent) => {
    event?.preventDefault();
    if (send.isPending) return; // a double click sends once
    const found = errorsByField(validateDraft(draft, { places, factions, now: Date.now() }));
    if (correcting && !reason.trim()) found.reason = t("reasonRequired");
    setProblems(found);
    if (Object.keys(found).length > 0) {
      requestAnimationFrame(() => document.querySelector<HTMLElement>(".report-composer [aria-invalid='true']")?.focus());
      return;
    }
    // A new report keeps its draft's key (a double click or a reload posts it once); an edit gets a key per send.
    send.mutate({ input: reportInput(draft, resolvePlaceText), publish, key: base ? randomId() : draft.idempotencyKey });
  };

  const update = (patch: Partial<ReportDraft>) => {
    setDraft({ ...draft, ...patch });
    // A field's message goes away as soon as the editor changes that field.
    const changed = changedPaths(draft, { ...draft, ...patch });
    // A refusal's summary goes too; an unsent post's notice stays until it is sent.
    if (changed.length && send.error instanceof ApiError && !send.error.retryable && !stale) send.reset();
    if (changed.length)
      setProblems((current) =>
        Object.fromEntries(Object.entries(current).filter(([path]) => path !== "" && !changed.some((c) => path === c || path.startsWith(`${c}.`)))),
      );
  };
  const preview = useMemo(() => reportInput(draft, resolvePlaceText), [draft, resolvePlaceText]);

  /** A place chosen for (or added for) the text typed in a place field: it takes that text's place. */
  const setPlaceFor = (target: { text: string; eventIndex: number; field: PlaceFieldName }, slug: string) => {
    const event = draft.events[target.eventIndex];
    if (!event) return;
    const value =
      target.field === "fromList"
        ? splitPlaceList(event.fromList)
            .map((text) => (text === target.text ? slug : text))
            .join(", ")
        : slug;
    update({ events: draft.events.map((e, j) => (j === target.eventIndex ? { ...e, [target.field]: value } : e)) });
  };

  return (
    <section className="composer-layout">
      <form
        className="report-composer panel"
        onSubmit={(e) => e.preventDefault()}
        onKeyDown={(e) => {
          if (!(e.ctrlKey || e.metaKey)) return;
          if (e.key === "Enter") submit(true)(e);
          else if (e.key === "s" && !correcting) submit(false)(e);
        }}
        noValidate
        aria-label={t(correcting ? "correctTitle" : editing ? "editTitle" : "composeTitle")}
      >
        <h2>
          {correcting ? t("correctTitle") : editing ? t("editTitle") : t("composeTitle")}
          {base && <span className="muted"> · {t("versionN", { n: base.version })}</span>}
        </h2>
        {restored && (
          <p className="field-hint" data-testid="restored">
            {t("restored")}
          </p>
        )}

        <div className="field">
          <label htmlFor={`${storageKey}-title`}>
            {t("headline")}
            <span aria-hidden> *</span>
          </label>
          <input
            id={`${storageKey}-title`}
            className="title-input"
            value={draft.title}
            onChange={(e) => update({ title: e.target.value })}
            aria-invalid={problems.title ? true : undefined}
            autoFocus={!editing}
          />
          {problems.title && <div className="field-hint field-error">{problems.title}</div>}
        </div>
        <div className="field">
          <label htmlFor={`${storageKey}-body`}>{t("body")}</label>
          <textarea
            id={`${storageKey}-body`}
            rows={4}
            value={draft.body}
            onChange={(e) => update({ body: e.target.value })}
            aria-invalid={problems.body ? true : undefined}
          />
          {problems.body && <div className="field-hint field-error">{problems.body}</div>}
        </div>

        <fieldset className="sources">
          <legend>{t("sources")}</legend>
          {draft.sources.map((source, i) => (
            <div className="source-row" key={i}>
              <input
                aria-label={t("sourceName", { n: i + 1 })}
                placeholder={t("sourceNamePlaceholder")}
                value={source.name}
                onChange={(e) => update({ sources: draft.sources.map((s, j) => (j === i ? { ...s, name: e.target.value } : s)) })}
                aria-invalid={problems[`sources.${i}.name`] ? true : undefined}
              />
              <input
                aria-label={t("sourceUrl", { n: i + 1 })}
                placeholder="https://…"
                value={source.url}
                onChange={(e) => update({ sources: draft.sources.map((s, j) => (j === i ? { ...s, url: e.target.value } : s)) })}
                aria-invalid={problems[`sources.${i}.url`] ? true : undefined}
              />
              {draft.sources.length > 1 && (
                <button type="button" className="link-button" onClick={() => update({ sources: draft.sources.filter((_, j) => j !== i) })}>
                  {t("remove")}
                </button>
              )}
              {(problems[`sources.${i}.name`] || problems[`sources.${i}.url`]) && (
                <div className="field-hint field-error">{problems[`sources.${i}.name`] ?? problems[`sources.${i}.url`]}</div>
              )}
            </div>
          ))}
          <button type="button" className="button small" onClick={() => update({ sources: [...draft.sources, { name: "", url: "" }] })}>
            + {t("addSource")}
          </button>
        </fieldset>

        <label className="checkbox key-flag">
          <input type="checkbox" checked={draft.key} onChange={(e) => update({ key: e.target.checked })} />
          {t("keyReport")}
        </label>

        {draft.events.map((event, i) => (
          <EventEditor
            key={event.uid}
            index={i}
            event={event}
            onChange={(next) => update({ events: draft.events.map((e, j) => (j === i ? next : e)) })}
            onRemove={draft.events.length > 1 ? () => update({ events: draft.events.filter((_, j) => j !== i) }) : undefined}
            factions={factions}
            places={places}
            errors={problems}
            onAddPlace={(text, field) => setAddingPlace({ text, eventIndex: i, field })}
          />
        ))}
        {problems.events && <p className="field-error">{problems.events}</p>}
        <button type="button" className="button small" onClick={() => update({ events: [...draft.events, emptyEvent(Date.now())] })}>
          + {t("addEvent")}
        </button>

        {correcting && (
          <div className="field correction-reason">
            <label htmlFor={`${storageKey}-reason`}>
              {t("reason")}
              <span aria-hidden> *</span>
            </label>
            <textarea
              id={`${storageKey}-reason`}
              rows={2}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              aria-invalid={problems.reason ? true : undefined}
              placeholder={t("reasonPlaceholder")}
            />
            <div className="field-hint">{problems.reason ? <span className="field-error">{problems.reason}</span> : t("reasonHint")}</div>
          </div>
        )}

        <SendState
          pending={send.isPending}
          failureCount={send.failureCount}
          error={send.error}
          stale={stale}
          onReload={reloadLatest}
          onRetry={() => submit(!base || base.status === "draft")()}
        />

        <div className="actions">
          {correcting ? (
            <button type="button" className="button primary" disabled={send.isPending} onClick={submit(true)} title="Ctrl+Enter">
              {t("publishCorrection")}
            </button>
          ) : (
            <>
              <button type="button" className="button primary" disabled={send.isPending} onClick={submit(true)} title="Ctrl+Enter">
                {t("publish")}
              </button>
              <button type="button" className="button" disabled={send.isPending} onClick={submit(false)} title="Ctrl+S">
                {editing ? t("saveDraftChanges") : t("saveDraft")}
              </button>
            </>
          )}
          {onCancel ? (
            <button type="button" className="button" onClick={() => (discard(editing ? draftFromReport(editing) : emptyReport(Date.now())), onCancel())}>
              {t("cancel")}
            </button>
          ) : (
            <button type="button" className="link-button" onClick={() => (discard(emptyReport(Date.now())), setProblems({}), send.reset())}>
              {t("clearForm")}
            </button>
          )}
        </div>
      </form>
      <aside className="composer-side">
        {addingPlace && (
          <AddPlaceForm
            key={`${addingPlace.eventIndex}-${addingPlace.field}-${addingPlace.text}`}
            text={addingPlace.text}
            places={places}
            regions={regions}
            onCancel={() => setAddingPlace(null)}
            onUseExisting={(place) => (setPlaceFor(addingPlace, place.slug), setAddingPlace(null))}
            onAdded={(place) => (setPlaceFor(addingPlace, place.slug), setAddingPlace(null))}
          />
        )}
        <PreviewMap model={model} input={preview} />
      </aside>
    </section>
  );
}

function SendState({
  pending,
  failureCount,
  error,
  stale,
  onReload,
  onRetry,
}: {
  pending: boolean;
  failureCount: number;
  error: Error | null;
  stale: boolean;
  onReload(): void;
  onRetry(): void;
}) {
  const t = useTranslations("desk");
  if (pending) {
    return (
      <p className="send-state" role="status" data-state="sending">
        {failureCount > 0 ? t("retrying", { n: failureCount }) : t("sending")}
      </p>
    );
  }
  if (!error) return null;
  if (stale) {
    return (
      <div className="send-state" role="alert" data-state="stale">
        <p>{error.message}</p>
        <button type="button" className="button small" onClick={onReload}>
          {t("reloadAndReapply")}
        </button>
      </div>
    );
  }
  const retryable = error instanceof ApiError && error.retryable;
  return (
    <div className="send-state" role="alert" data-state={retryable ? "unsent" : "refused"}>
      <p>{retryable ? t("notSent") : error.message}</p>
      {retryable && (
        <button type="button" className="button small" onClick={onRetry}>
          {t("tryAgain")}
        </button>
      )}
    </div>
  );
}
