"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { ScrollFrame } from "@/components/ui/scroll-frame";
import { api, ApiError } from "@/lib/client/api";
import { adminKeys, deliveriesQuery, situationsQuery, webhooksQuery } from "@/lib/client/desk-queries";
import { errorsByField } from "@/lib/desk/report-form";
import { formatUtc } from "@/lib/format/time";
import { formText } from "@/lib/form-text";
import { CONFIDENCE_LEVELS, EVENT_TYPES } from "@/lib/schemas/events";
import type { Webhook } from "@/lib/schemas/webhooks";
import { SelectField, TextField } from "../fields";

/** 32 random bytes as hex: a secret the admin copies to the receiver (it is not shown again). */
const newSecret = () => Array.from(crypto.getRandomValues(new Uint8Array(32)), (b) => b.toString(16).padStart(2, "0")).join("");
const slugs = (text: string) =>
  text
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);

/** The webhooks: where each situation's entries go, how delivery stands, the last attempts; add and delete. */
export function WebhooksAdmin() {
  const t = useTranslations("admin.webhooks");
  const hooks = useQuery(webhooksQuery());
  return (
    <section className="panel admin-users" aria-labelledby="webhooks-title">
      <h2 id="webhooks-title">{t("title")}</h2>
      <p className="muted">{t("intro")}</p>
      {hooks.isError && <p className="field-error">{hooks.error.message}</p>}
      {hooks.data && hooks.data.length === 0 && <p className="muted">{t("none")}</p>}
      {hooks.data && hooks.data.length > 0 && (
        <ul className="webhook-list" data-testid="webhooks">
          {hooks.data.map((hook) => (
            <WebhookItem key={hook.id} hook={hook} />
          ))}
        </ul>
      )}
      <CreateWebhookForm />
    </section>
  );
}

function WebhookItem({ hook }: { hook: Webhook }) {
  const t = useTranslations();
  const locale = useLocale();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const remove = useMutation({
    mutationFn: () => api<void>(`/api/webhooks/${hook.id}`, { method: "DELETE" }),
    onSuccess: () => (queryClient.invalidateQueries({ queryKey: adminKeys.webhooks }), queryClient.invalidateQueries({ queryKey: adminKeys.audit })),
  });
  const parts = (["region", "faction", "type", "confidence"] as const).flatMap((key) =>
    hook.filter[key] ? [`${t(`admin.webhooks.filter.${key}`)}: ${hook.filter[key].join(", ")}`] : [],
  );
  return (
    <li className="webhook" data-webhook={hook.url}>
      <div className="webhook-head">
        <code className="webhook-url">{hook.url}</code>
        <span className="muted">
          {hook.situation} · {parts.length > 0 ? parts.join(" · ") : t("admin.webhooks.everything")}
        </span>
      </div>
      <p className={hook.failures > 0 ? "field-error" : "muted"} data-testid="webhook-state">
        {hook.failures > 0
          ? t("admin.webhooks.failing", {
              count: hook.failures,
              seq: hook.cursor + 1,
              next: hook.nextAttemptAt ? formatUtc(hook.nextAttemptAt, locale, "time") : "—",
            })
          : t("admin.webhooks.upToDate", { seq: hook.cursor })}
      </p>
      <div className="row-actions">
        <button type="button" className="link-button" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
          {t("admin.webhooks.deliveries")}
        </button>
        {confirming ? (
          <>
            <button type="button" className="button small danger" onClick={() => remove.mutate()} disabled={remove.isPending}>
              {t("admin.webhooks.confirmDelete")}
            </button>
            <button type="button" className="button small" onClick={() => setConfirming(false)}>
              {t("admin.webhooks.keep")}
            </button>
          </>
        ) : (
          <button type="button" className="button small" onClick={() => setConfirming(true)}>
            {t("admin.webhooks.delete")}
          </button>
        )}
      </div>
      {remove.isError && <p className="field-error">{remove.error.message}</p>}
      {open && <Deliveries id={hook.id} />}
    </li>
  );
}

function Deliveries({ id }: { id: string }) {
  const t = useTranslations("admin.webhooks");
  const locale = useLocale();
  const deliveries = useQuery(deliveriesQuery(id));
  if (deliveries.isPending) return <p aria-busy="true">{t("loading")}</p>;
  if (deliveries.isError) return <p className="field-error">{deliveries.error.message}</p>;
  if (deliveries.data.length === 0) return <p className="muted">{t("noDeliveries")}</p>;
  return (
    <ScrollFrame label={t("deliveriesOf")}>
      <table className="admin-table" data-testid="deliveries">
        <thead>
          <tr>
            <th scope="col">{t("at")}</th>
            <th scope="col">{t("entry")}</th>
            <th scope="col">{t("attempt")}</th>
            <th scope="col">{t("outcome")}</th>
            <th scope="col" className="numeric">
              {t("duration")}
            </th>
          </tr>
        </thead>
        <tbody>
          {deliveries.data.map((d) => (
            <tr key={d.id} data-status={d.status ?? "none"}>
              <td className="nowrap">{formatUtc(d.at, locale)}</td>
              <td>
                #{d.seq} · {d.kind}
              </td>
              <td className="numeric">{d.attempt}</td>
              <td className={d.error ? "field-error" : undefined}>{d.error ?? t("delivered", { status: d.status ?? 0 })}</td>
              <td className="numeric">{d.durationMs} ms</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollFrame>
  );
}

function CreateWebhookForm() {
  const t = useTranslations();
  const queryClient = useQueryClient();
  const situations = useQuery(situationsQuery()).data ?? [];
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [secret, setSecret] = useState(newSecret);
  const [situation, setSituation] = useState("");
  const [created, setCreated] = useState<{ url: string; secret: string } | null>(null);
  const create = useMutation({
    mutationFn: (input: unknown) => api<Webhook>("/api/webhooks", { method: "POST", body: input }),
    onSuccess: (hook, input) => {
      setErrors({});
      setCreated({ url: hook.url, secret: (input as { secret: string }).secret });
      setSecret(newSecret());
      void queryClient.invalidateQueries({ queryKey: adminKeys.webhooks });
      void queryClient.invalidateQueries({ queryKey: adminKeys.audit });
    },
    onError: (e) => setErrors(e instanceof ApiError ? { ...errorsByField(e.details), "": e.message } : { "": String(e) }),
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const element = event.currentTarget;
    const form = new FormData(element);
    const text = (name: string) => formText(form, name).trim();
    const filter = {
      ...(slugs(text("region")).length ? { region: slugs(text("region")) } : {}),
      ...(slugs(text("faction")).length ? { faction: slugs(text("faction")) } : {}),
      ...(form.getAll("type").length ? { type: form.getAll("type").map(String) } : {}),
      ...(form.getAll("confidence").length ? { confidence: form.getAll("confidence").map(String) } : {}),
    };
    setCreated(null);
    create.mutate({ url: text("url"), situation: situation || undefined, filter, secret }, { onSuccess: () => element.reset() });
  };
  const field = (path: string) => Object.entries(errors).find(([key]) => key === path || key.startsWith(`${path}.`))?.[1];
  return (
    <form className="create-user" onSubmit={submit} noValidate aria-labelledby="create-webhook-title" data-testid="create-webhook">
      <h3 id="create-webhook-title">{t("admin.webhooks.add")}</h3>
      <div className="grid">
        <TextField id="webhook-url" name="url" type="url" label={t("admin.webhooks.url")} error={field("url")} required autoComplete="off" />
        <SelectField
          id="webhook-situation"
          name="situation"
          label={t("admin.webhooks.situation")}
          value={situation || (situations.find((s) => s.default)?.slug ?? "")}
          onChange={setSituation}
          options={situations.map((s) => ({ value: s.slug, label: s.name }))}
          error={field("situation")}
        />
        <TextField
          id="webhook-region"
          name="region"
          label={t("admin.webhooks.filter.region")}
          hint={t("admin.webhooks.slugsHint")}
          error={field("filter.region")}
        />
        <TextField
          id="webhook-faction"
          name="faction"
          label={t("admin.webhooks.filter.faction")}
          hint={t("admin.webhooks.slugsHint")}
          error={field("filter.faction")}
        />
      </div>
      <fieldset className="checks">
        <legend>{t("admin.webhooks.filter.type")}</legend>
        {EVENT_TYPES.map((type) => (
          <label key={type}>
            <input type="checkbox" name="type" value={type} /> {t(`desk.eventType.${type}`)}
          </label>
        ))}
      </fieldset>
      <fieldset className="checks">
        <legend>{t("admin.webhooks.filter.confidence")}</legend>
        {CONFIDENCE_LEVELS.map((level) => (
          <label key={level}>
            <input type="checkbox" name="confidence" value={level} /> {t(`confidence.${level}`)}
          </label>
        ))}
      </fieldset>
      <TextField
        id="webhook-secret"
        label={t("admin.webhooks.secret")}
        hint={t("admin.webhooks.secretHint")}
        value={secret}
        onChange={(e) => setSecret(e.target.value)}
        error={field("secret")}
        autoComplete="off"
        spellCheck={false}
      />
      {/* The answer's message only when no field shows the problem (it repeats theirs). */}
      {errors[""] && Object.keys(errors).length === 1 && (
        <p className="field-error" role="alert">
          {errors[""]}
        </p>
      )}
      <button type="submit" className="button primary" disabled={create.isPending}>
        {t("admin.webhooks.create")}
      </button>
      {created && (
        <p className="desk-notice ok" role="status" data-testid="webhook-created">
          {t("admin.webhooks.created", { url: created.url })} <code className="token">{created.secret}</code>
        </p>
      )}
    </form>
  );
}
