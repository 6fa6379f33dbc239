"use client";

import { useLocale, useTranslations } from "next-intl";
import type { ImportRunState } from "./use-import-run";

const megabytes = (bytes: number, locale: string) =>
  new Intl.NumberFormat(locale, { maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(bytes / 1_048_576);

/** How far an upload is: the bytes sent (the server reads as they arrive), then the last rows being stored. */
export function ImportProgress({ state, label, onStop }: { state: ImportRunState; label: string; onStop(): void }) {
  const t = useTranslations("imports");
  const locale = useLocale();
  if (state.phase !== "sending" && state.phase !== "finishing") return null;
  const total = megabytes(state.total, locale);
  const text =
    state.phase === "sending"
      ? t("sending", { sent: megabytes(state.sent, locale), total, percent: Math.floor((state.sent / Math.max(state.total, 1)) * 100) })
      : t("finishing", { total });
  return (
    <div className="import-progress" data-testid="import-progress">
      <div className="import-progress-head">
        <span id="import-progress-label">{label}</span>
        <button type="button" className="button small" onClick={onStop}>
          {t("stop")}
        </button>
      </div>
      {/* No value while the server finishes: an indeterminate bar, not a full one that seems stuck. */}
      <progress aria-labelledby="import-progress-label" aria-valuetext={text} max={state.total} {...(state.phase === "sending" ? { value: state.sent } : {})} />
      <p className="muted">{text}</p>
      {/* Announced once per phase, not at every percent. */}
      <span className="sr-only" role="status">
        {state.phase === "sending" ? t("sendingStarted") : text}
      </span>
    </div>
  );
}
