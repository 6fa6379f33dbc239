"use client";

import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Main } from "@/components/ui/main";
import { api, ApiError } from "@/lib/client/api";
import { PASSWORD_MIN } from "@/lib/schemas/users";
import { formText } from "@/lib/form-text";

type Field = "currentPassword" | "newPassword" | "repeat";

/** Change one's own password; the server ends the user's other sessions and tokens. */
export function AccountForm({ email }: { email: string }) {
  const t = useTranslations("account");
  const [errors, setErrors] = useState<Partial<Record<Field | "form", string>>>({});
  const [done, setDone] = useState(false);
  const [pending, setPending] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const value = (name: Field) => formText(form, name);
    setDone(false);
    if (value("newPassword") !== value("repeat")) return setErrors({ repeat: t("mismatch") });
    setPending(true);
    setErrors({});
    try {
      await api("/api/auth/password", { method: "POST", body: { currentPassword: value("currentPassword"), newPassword: value("newPassword") } });
      formElement.reset();
      setDone(true);
    } catch (failure) {
      const byField: Partial<Record<Field | "form", string>> = {};
      if (failure instanceof ApiError) for (const detail of failure.details) byField[detail.path as Field] ??= detail.message;
      if (Object.keys(byField).length === 0) byField.form = failure instanceof Error ? failure.message : String(failure);
      setErrors(byField);
    } finally {
      setPending(false);
    }
  };

  const field = (name: Field, label: string, autoComplete: string) => (
    <>
      <label>
        {label}
        <input
          name={name}
          type="password"
          required
          minLength={name === "currentPassword" ? 1 : PASSWORD_MIN}
          autoComplete={autoComplete}
          aria-invalid={errors[name] ? true : undefined}
          aria-describedby={errors[name] ? `account-${name}-error` : undefined}
        />
      </label>
      {errors[name] && (
        <span className="field-error" role="alert" id={`account-${name}-error`}>
          {errors[name]}
        </span>
      )}
    </>
  );

  return (
    <Main className="desk-login">
      <form className="panel login-form" onSubmit={submit} aria-labelledby="account-title">
        <h1 id="account-title">{t("title")}</h1>
        <p className="field-hint">{t("intro", { email, min: PASSWORD_MIN })}</p>
        <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
        {field("currentPassword", t("current"), "current-password")}
        {field("newPassword", t("new"), "new-password")}
        {field("repeat", t("repeat"), "new-password")}
        {errors.form && (
          <p className="field-error" role="alert">
            {errors.form}
          </p>
        )}
        {done && (
          <p className="desk-notice ok" role="status" data-testid="account-notice">
            {t("changed")}
          </p>
        )}
        <button type="submit" className="button primary" disabled={pending}>
          {t("submit")}
        </button>
      </form>
    </Main>
  );
}
