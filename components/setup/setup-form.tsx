"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Main } from "@/components/ui/main";
import { api, ApiError } from "@/lib/client/api";
import { PASSWORD_MIN } from "@/lib/schemas/users";
import { formText } from "@/lib/form-text";

type Field = "code" | "name" | "email" | "password" | "repeat";

/** The first admin's account; on success the server has signed them in (session cookie) and the desk opens. */
export function SetupForm({ code }: { code: string }) {
  const t = useTranslations("setup");
  const router = useRouter();
  const [errors, setErrors] = useState<Partial<Record<Field | "form", string>>>({});
  const [pending, setPending] = useState(false);
  // The link carries the code: the field shows only when it is missing or was refused.
  const [showCode, setShowCode] = useState(!code);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const value = (name: Field) => formText(form, name);
    if (value("password") !== value("repeat")) {
      setErrors({ repeat: t("mismatch") });
      return;
    }
    setPending(true);
    setErrors({});
    try {
      await api("/api/setup", { method: "POST", body: { code: value("code"), name: value("name"), email: value("email"), password: value("password") } });
      router.push("/desk");
      router.refresh();
    } catch (failure) {
      setPending(false);
      if (!(failure instanceof ApiError)) return setErrors({ form: String(failure) });
      const byField: Partial<Record<Field | "form", string>> = {};
      for (const detail of failure.details) {
        const field = detail.path as Field;
        if (["code", "name", "email", "password"].includes(field)) byField[field] ??= detail.message;
      }
      if (failure.status === 403) {
        byField.code = t("wrongCode");
        setShowCode(true);
      }
      if (failure.status === 404) byField.form = t("alreadySetUp");
      if (Object.keys(byField).length === 0) byField.form = failure.message;
      setErrors(byField);
    }
  };

  const error = (field: Field | "form") =>
    errors[field] ? (
      <span className="field-error" role="alert" id={`setup-${field}-error`}>
        {errors[field]}
      </span>
    ) : null;
  const described = (field: Field) => (errors[field] ? { "aria-invalid": true, "aria-describedby": `setup-${field}-error` } : {});

  return (
    <Main className="desk-login">
      <form className="panel login-form setup-form" onSubmit={submit} aria-labelledby="setup-title">
        <h1 id="setup-title">{t("title")}</h1>
        <p className="field-hint">{t("intro")}</p>
        {showCode ? (
          <label>
            {t("code")}
            <input name="code" defaultValue={code} required autoComplete="off" spellCheck={false} {...described("code")} />
          </label>
        ) : (
          <input type="hidden" name="code" value={code} />
        )}
        {error("code")}
        <label>
          {t("name")}
          <input name="name" required maxLength={120} autoComplete="name" autoFocus {...described("name")} />
        </label>
        {error("name")}
        <label>
          {t("email")}
          <input name="email" type="email" required autoComplete="username" {...described("email")} />
        </label>
        {error("email")}
        <label>
          {t("password")}
          <input
            name="password"
            type="password"
            required
            minLength={PASSWORD_MIN}
            autoComplete="new-password"
            aria-describedby="setup-password-hint"
            {...described("password")}
          />
        </label>
        <span className="field-hint" id="setup-password-hint">
          {t("passwordHint", { min: PASSWORD_MIN })}
        </span>
        {error("password")}
        <label>
          {t("repeat")}
          <input name="repeat" type="password" required minLength={PASSWORD_MIN} autoComplete="new-password" {...described("repeat")} />
        </label>
        {error("repeat")}
        {error("form")}
        <button type="submit" className="button primary" disabled={pending}>
          {pending ? t("creating") : t("create")}
        </button>
      </form>
    </Main>
  );
}
