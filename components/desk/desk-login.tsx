"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { api, ApiError } from "@/lib/client/api";
import { Main } from "@/components/ui/main";
import { formText } from "@/lib/form-text";

/**
 * Sign-in for editors and admins; the session cookie it receives is HttpOnly. On a fresh install (no one
 * can sign in yet) it says where the setup link is instead of letting people guess passwords.
 */
export function DeskLogin({ setupRequired = false }: { setupRequired?: boolean }) {
  const t = useTranslations("desk");
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    try {
      await api("/api/auth/login", { method: "POST", body: { email: formText(form, "email"), password: formText(form, "password") } });
      router.refresh();
    } catch (failure) {
      setError(failure instanceof ApiError ? (failure.status === 401 ? t("loginWrong") : failure.message) : String(failure));
      setPending(false);
    }
  };

  return (
    <Main className="desk-login">
      <form className="panel login-form" onSubmit={submit} aria-labelledby="login-title">
        <h1 id="login-title">{t("loginTitle")}</h1>
        {setupRequired ? (
          <p className="desk-notice" role="note" data-testid="setup-hint">
            {t.rich("freshInstall", { code: (chunks) => <code>{chunks}</code> })}
          </p>
        ) : (
          <p className="field-hint">{t("loginHint")}</p>
        )}
        <label>
          {t("email")}
          <input name="email" type="email" autoComplete="username" required autoFocus />
        </label>
        <label>
          {t("password")}
          <input name="password" type="password" autoComplete="current-password" required />
        </label>
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="button primary" disabled={pending}>
          {pending ? t("signingIn") : t("signIn")}
        </button>
      </form>
    </Main>
  );
}
