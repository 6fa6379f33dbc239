"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { ApiError } from "@/lib/client/api";
import { actorMapQuery, saveActorMap } from "@/lib/client/import-queries";
import { deskKeys } from "@/lib/client/query-keys";
import type { ActorMap, ImportSummary } from "@/lib/schemas/imports";
import type { Faction } from "@/lib/schemas/reference";
import { ScrollFrame } from "@/components/ui/scroll-frame";

/**
 * The situation's actor → faction table. The actors the last check found unmapped come first, each with
 * the rows it would let in; below them the table as stored, and a free row for any other name. Saved as
 * one `PUT …/actor-map` (the whole table), after which the page checks the file again.
 */
export function ActorMapEditor({ factions, unmapped, onSaved }: { factions: Faction[]; unmapped: ImportSummary["unmappedActors"]; onSaved(): void }) {
  const t = useTranslations("imports");
  const locale = useLocale();
  const queryClient = useQueryClient();
  const stored = useQuery(actorMapQuery());
  // The editor's changes over the stored table ("" removes an actor).
  const [changes, setChanges] = useState<Record<string, string>>({});
  const [extra, setExtra] = useState({ actor: "", faction: "" });
  const save = useMutation({
    mutationFn: (map: ActorMap) => saveActorMap(map),
    onSuccess: (map) => {
      queryClient.setQueryData(deskKeys.actorMap, map);
      setChanges({});
      setExtra({ actor: "", faction: "" });
      onSaved();
    },
  });
  if (stored.isPending) return <p aria-busy="true">{t("loading")}</p>;
  if (stored.isError) return <p className="field-error">{stored.error.message}</p>;
  const map = stored.data;
  const value = (actor: string) => changes[actor] ?? map[actor] ?? "";
  const set = (actor: string, faction: string) => setChanges((c) => ({ ...c, [actor]: faction }));
  const waiting = unmapped.filter((u) => !(u.actor in map));
  const mapped = Object.keys(map).sort((a, b) => a.localeCompare(b, locale));
  const dirty = Object.keys(changes).some((actor) => (changes[actor] ?? "") !== (map[actor] ?? "")) || (extra.actor.trim() !== "" && extra.faction !== "");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next: ActorMap = { ...map };
    for (const [actor, faction] of Object.entries(changes)) {
      if (faction) next[actor] = faction;
      else delete next[actor];
    }
    if (extra.actor.trim() && extra.faction) next[extra.actor.trim()] = extra.faction;
    save.mutate(next);
  };
  const select = (actor: string, id: string) => (
    <select id={id} value={value(actor)} onChange={(e) => set(actor, e.target.value)}>
      <option value="">{t("notMapped")}</option>
      {factions.map((f) => (
        <option key={f.slug} value={f.slug}>
          {f.name}
        </option>
      ))}
    </select>
  );
  return (
    <form className="actor-map" onSubmit={submit} aria-labelledby="actor-map-title" data-testid="actor-map">
      <h3 id="actor-map-title">{t("actorMap")}</h3>
      <p className="muted">{t("actorMapHint")}</p>
      {waiting.length > 0 && (
        <ScrollFrame label={t("unmappedCaption", { count: waiting.length })}>
          <table className="admin-table" data-testid="unmapped-actors">
            <caption>{t("unmappedCaption", { count: waiting.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("actor")}</th>
                <th scope="col">{t("rowsRefused")}</th>
                <th scope="col">{t("faction")}</th>
              </tr>
            </thead>
            <tbody>
              {waiting.map((u, i) => (
                <tr key={u.actor}>
                  <td>
                    <label htmlFor={`unmapped-${i}`}>{u.actor}</label>
                  </td>
                  <td className="numeric">{new Intl.NumberFormat(locale).format(u.rows)}</td>
                  <td>{select(u.actor, `unmapped-${i}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollFrame>
      )}
      <details className="actor-map-stored" open={waiting.length === 0 && mapped.length > 0 && mapped.length <= 12}>
        <summary>{t("mappedActors", { count: mapped.length })}</summary>
        {mapped.length === 0 ? (
          <p className="muted">{t("noMappedActors")}</p>
        ) : (
          <ScrollFrame label={t("mappedActors", { count: mapped.length })}>
            <table className="admin-table" data-testid="mapped-actors">
              <thead>
                <tr>
                  <th scope="col">{t("actor")}</th>
                  <th scope="col">{t("faction")}</th>
                </tr>
              </thead>
              <tbody>
                {mapped.map((actor, i) => (
                  <tr key={actor}>
                    <td>
                      <label htmlFor={`mapped-${i}`}>{actor}</label>
                    </td>
                    <td>{select(actor, `mapped-${i}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollFrame>
        )}
      </details>
      <fieldset className="actor-map-add">
        <legend>{t("addActor")}</legend>
        <label htmlFor="actor-map-name">{t("actorName")}</label>
        <input id="actor-map-name" value={extra.actor} onChange={(e) => setExtra((x) => ({ ...x, actor: e.target.value }))} autoComplete="off" />
        <label htmlFor="actor-map-faction">{t("faction")}</label>
        <select id="actor-map-faction" value={extra.faction} onChange={(e) => setExtra((x) => ({ ...x, faction: e.target.value }))}>
          <option value="">{t("notMapped")}</option>
          {factions.map((f) => (
            <option key={f.slug} value={f.slug}>
              {f.name}
            </option>
          ))}
        </select>
      </fieldset>
      {save.isError && (
        <p className="field-error" role="alert">
          {save.error instanceof ApiError && save.error.status === 409 ? t("actorMapConflict") : save.error.message}
        </p>
      )}
      <button type="submit" className="button primary" disabled={!dirty || save.isPending}>
        {t("saveActorMap")}
      </button>
    </form>
  );
}
