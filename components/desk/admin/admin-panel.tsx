"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { api, ApiError } from "@/lib/client/api";
import { adminKeys, auditQuery, tokensQuery, usersQuery } from "@/lib/client/desk-queries";
import { errorsByField } from "@/lib/desk/report-form";
import { formatUtc } from "@/lib/format/time";
import { createUserSchema, PASSWORD_MIN, ROLES, type ApiToken, type User } from "@/lib/schemas/users";
import { zodDetails } from "@/lib/schemas/zod-details";
import { SelectField, TextField } from "../fields";
import { Main } from "@/components/ui/main";
import { formText } from "@/lib/form-text";
import { SituationsAdmin } from "./situations-admin";
import { WebhooksAdmin } from "./webhooks-admin";

/**
 * Admin screens: set up, archive and choose the default situation, create users, change roles, disable, issue and revoke tokens, manage webhooks, read the audit trail.
 */
export function AdminPanel({ selfId }: { selfId: string }) {
  const t = useTranslations("admin");
  const users = useQuery(usersQuery());
  return (
    <Main className="admin-main">
      <SituationsAdmin />
      <section className="panel admin-users" aria-labelledby="users-title">
        <h2 id="users-title">{t("users")}</h2>
        {users.isError && <p className="field-error">{users.error.message}</p>}
        <table className="admin-table" data-testid="users">
          <thead>
            <tr>
              <th>{t("name")}</th>
              <th>{t("email")}</th>
              <th>{t("role")}</th>
              <th>{t("status")}</th>
              <th>{t("tokens")}</th>
            </tr>
          </thead>
          <tbody>
            {users.data?.map((user) => (
              <UserRow key={user.id} user={user} self={user.id === selfId} />
            ))}
          </tbody>
        </table>
        <CreateUserForm />
      </section>
      <WebhooksAdmin />
      <AuditTrail />
    </Main>
  );
}

function UserRow({ user, self }: { user: User; self: boolean }) {
  const t = useTranslations("admin");
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [showTokens, setShowTokens] = useState(false);
  const [settingPassword, setSettingPassword] = useState(false);
  const update = useMutation({
    mutationFn: (change: { role?: string; disabled?: boolean }) => api<User>(`/api/users/${user.id}`, { method: "PATCH", body: change }),
    onSuccess: () => (
      setError(null),
      queryClient.invalidateQueries({ queryKey: adminKeys.users }),
      queryClient.invalidateQueries({ queryKey: adminKeys.audit })
    ),
    onError: (e) => setError(e.message),
  });
  return (
    <>
      <tr data-user={user.email} data-disabled={user.disabled}>
        <td>{user.name}</td>
        <td>{user.email}</td>
        <td>
          <select
            aria-label={t("roleOf", { email: user.email })}
            value={user.role}
            disabled={self || update.isPending}
            onChange={(e) => update.mutate({ role: e.target.value })}
          >
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {role}
              </option>
            ))}
          </select>
        </td>
        <td>
          <button
            type="button"
            className={`button small ${user.disabled ? "" : "danger"}`}
            disabled={self || update.isPending}
            onClick={() => update.mutate({ disabled: !user.disabled })}
          >
            {user.disabled ? t("enable") : t("disable")}
          </button>
          {user.disabled && <span className="badge retracted">{t("disabled")}</span>}
          {error && <div className="field-error">{error}</div>}
        </td>
        <td>
          <button type="button" className="link-button" onClick={() => setShowTokens((s) => !s)} aria-expanded={showTokens}>
            {t("manageTokens")}
          </button>{" "}
          <button type="button" className="link-button" onClick={() => setSettingPassword((s) => !s)} aria-expanded={settingPassword}>
            {t("setPassword")}
          </button>
        </td>
      </tr>
      {settingPassword && (
        <tr>
          <td colSpan={5}>
            <SetPassword user={user} onDone={() => setSettingPassword(false)} />
          </td>
        </tr>
      )}
      {showTokens && (
        <tr>
          <td colSpan={5}>
            <Tokens user={user} />
          </td>
        </tr>
      )}
    </>
  );
}

/** An admin gives a user a new password (e.g. a forgotten one); the user's sessions and tokens end. */
function SetPassword({ user, onDone }: { user: User; onDone: () => void }) {
  const t = useTranslations("admin");
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const set = useMutation({
    mutationFn: (password: string) => api<User>(`/api/users/${user.id}`, { method: "PATCH", body: { password } }),
    onSuccess: () => (setError(null), queryClient.invalidateQueries({ queryKey: adminKeys.audit }), onDone()),
    onError: (e) => setError(e instanceof ApiError && e.details[0] ? `${e.details[0].message}` : e.message),
  });
  return (
    <form
      className="set-password actions"
      onSubmit={(event) => {
        event.preventDefault();
        set.mutate(formText(new FormData(event.currentTarget), "password"));
      }}
    >
      <label>
        {t("newPasswordFor", { email: user.email })}{" "}
        <input name="password" type="password" autoComplete="new-password" required minLength={PASSWORD_MIN} aria-invalid={error ? true : undefined} />
      </label>
      <button type="submit" className="button small" disabled={set.isPending}>
        {t("setPasswordSubmit")}
      </button>
      <span className="field-hint">{t("setPasswordHint")}</span>
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
    </form>
  );
}

function Tokens({ user }: { user: User }) {
  const t = useTranslations("admin");
  const locale = useLocale();
  const queryClient = useQueryClient();
  const tokens = useQuery(tokensQuery(user.id));
  const [issued, setIssued] = useState<(ApiToken & { token: string }) | null>(null);
  const [error, setError] = useState<string | null>(null);
  const refresh = () => (queryClient.invalidateQueries({ queryKey: adminKeys.tokens(user.id) }), queryClient.invalidateQueries({ queryKey: adminKeys.audit }));
  const issue = useMutation({
    mutationFn: (label: string) => api<ApiToken & { token: string }>(`/api/users/${user.id}/tokens`, { method: "POST", body: { label } }),
    onSuccess: (token) => (setIssued(token), setError(null), refresh()),
    onError: (e) => setError(e.message),
  });
  const revoke = useMutation({
    mutationFn: (id: string) => api(`/api/tokens/${id}`, { method: "DELETE" }),
    onSuccess: refresh,
    onError: (e) => setError(e.message),
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const label = formText(new FormData(event.currentTarget), "label").trim();
    if (!label) return setError(t("labelRequired"));
    issue.mutate(label);
    event.currentTarget.reset();
  };
  return (
    <div className="tokens" data-testid={`tokens-${user.email}`}>
      {issued && (
        <div className="desk-notice ok" role="status">
          <p>{t("tokenOnce", { label: issued.label })}</p>
          <code className="token" data-testid="issued-token">
            {issued.token}
          </code>
          {user.role === "viewer" && <p className="muted">{t("wallHint", { url: `/wall?token=${issued.token}` })}</p>}
        </div>
      )}
      <ul>
        {tokens.data?.map((token) => (
          <li key={token.id}>
            <strong>{token.label}</strong> <span className="muted">· {t("expires", { date: formatUtc(token.expiresAt, locale) })}</span>{" "}
            <button type="button" className="button small danger" onClick={() => revoke.mutate(token.id)} disabled={revoke.isPending}>
              {t("revoke")}
            </button>
          </li>
        ))}
        {tokens.data?.length === 0 && <li className="muted">{t("noTokens")}</li>}
      </ul>
      <form onSubmit={submit} className="inline-form">
        <label htmlFor={`token-label-${user.id}`}>{t("tokenLabel")}</label>
        <input id={`token-label-${user.id}`} name="label" placeholder={t("tokenLabelPlaceholder")} />
        <button type="submit" className="button small" disabled={issue.isPending || user.disabled}>
          {t("issueToken")}
        </button>
      </form>
      {error && <p className="field-error">{error}</p>}
    </div>
  );
}

function CreateUserForm() {
  const t = useTranslations("admin");
  const queryClient = useQueryClient();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const create = useMutation({
    mutationFn: (input: unknown) => api<User>("/api/users", { method: "POST", body: input }),
    onSuccess: () => (
      setErrors({}),
      queryClient.invalidateQueries({ queryKey: adminKeys.users }),
      queryClient.invalidateQueries({ queryKey: adminKeys.audit })
    ),
    onError: (e) => setErrors(e instanceof ApiError ? { ...errorsByField(e.details), "": e.message } : { "": String(e) }),
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = Object.fromEntries(["email", "name", "password", "role"].map((k) => [k, formText(form, k)]));
    const checked = createUserSchema.safeParse(input);
    if (!checked.success) return setErrors(errorsByField(zodDetails(checked.error)));
    create.mutate(checked.data, { onSuccess: () => (event.target as HTMLFormElement).reset() });
  };
  const field = (name: string, label: string, type = "text") => (
    <TextField id={`new-user-${name}`} name={name} type={type} label={label} error={errors[name]} autoComplete="off" />
  );
  return (
    <form className="create-user" onSubmit={submit} aria-labelledby="create-user-title" noValidate>
      <h3 id="create-user-title">{t("createUser")}</h3>
      <div className="grid">
        {field("name", t("name"))}
        {field("email", t("email"), "email")}
        {field("password", t("password"), "password")}
        <SelectField id="new-user-role" name="role" label={t("role")} value="editor" options={ROLES.map((role) => ({ value: role, label: role }))} />
      </div>
      {errors[""] && <p className="field-error">{errors[""]}</p>}
      <button type="submit" className="button primary" disabled={create.isPending}>
        {t("create")}
      </button>
    </form>
  );
}

function AuditTrail() {
  const t = useTranslations("admin");
  const locale = useLocale();
  const audit = useQuery(auditQuery());
  return (
    <section className="panel admin-audit" aria-labelledby="audit-title">
      <h2 id="audit-title">{t("audit")}</h2>
      {audit.isError && <p className="field-error">{audit.error.message}</p>}
      <table className="admin-table" data-testid="audit">
        <thead>
          <tr>
            <th>{t("when")}</th>
            <th>{t("who")}</th>
            <th>{t("action")}</th>
            <th>{t("subject")}</th>
            <th>{t("details")}</th>
          </tr>
        </thead>
        <tbody>
          {audit.data?.entries.map((entry) => (
            <tr key={entry.id} data-action={entry.action}>
              <td>{formatUtc(entry.at, locale)}</td>
              <td>{entry.actor.name}</td>
              <td>{entry.action}</td>
              <td>
                {entry.subjectType} <code>{entry.subjectId.slice(0, 12)}</code>
              </td>
              <td className="details">{summarise(entry.details)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** `{role:{from:"analyst",to:"editor"}, reason:"x"}` → `role: analyst → editor · reason: x` */
function summarise(details: Record<string, unknown>): string {
  return Object.entries(details)
    .map(([key, value]) => {
      if (value && typeof value === "object" && "from" in value && "to" in value)
        return `${key}: ${String((value as { from: unknown }).from)} → ${String((value as { to: unknown }).to)}`;
      return `${key}: ${Array.isArray(value) ? value.join(", ") : String(value)}`;
    })
    .join(" · ");
}
