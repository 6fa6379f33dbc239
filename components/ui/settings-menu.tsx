"use client";

import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { LOCALE_COOKIE, LOCALES } from "@/i18n/locales";
import { applyThemeChoice, useThemeMode } from "./theme";

/** Remembers the language for a year in the cookie next-intl reads on the server. */
function storeLocale(locale: string): void {
  document.cookie = `${LOCALE_COOKIE}=${locale}; path=/; max-age=31536000; samesite=lax`;
}

/** Language and theme: small, always visible, no page reload for the theme. */
export function SettingsMenu() {
  const t = useTranslations("settings");
  const locale = useLocale();
  const router = useRouter();
  const mode = useThemeMode();

  const setLocale = (next: string) => {
    storeLocale(next);
    router.refresh();
  };

  return (
    <div className="settings">
      <div role="group" aria-label={t("language")} className="segmented">
        {LOCALES.map((code) => (
          <button key={code} type="button" aria-pressed={locale === code} onClick={() => setLocale(code)}>
            {code.toUpperCase()}
          </button>
        ))}
      </div>
      <div role="group" aria-label={t("theme")} className="segmented">
        {(["dark", "light"] as const).map((choice) => (
          <button key={choice} type="button" aria-pressed={mode === choice} onClick={() => applyThemeChoice(choice)}>
            {t(choice)}
          </button>
        ))}
      </div>
    </div>
  );
}
