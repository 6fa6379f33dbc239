"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { hasUnsavedChanges, type ReportDraft } from "@/lib/desk/report-form";

/** Saves at most this often while typing; a reload loses at most this much. */
export const DRAFT_SAVE_DEBOUNCE_MS = 300;
const PREFIX = "sd-desk-draft:";

function load(key: string): ReportDraft | null {
  try {
    const raw = localStorage.getItem(PREFIX + key);
    return raw ? (JSON.parse(raw) as ReportDraft) : null;
  } catch {
    return null;
  }
}

/**
 * The form's state, mirrored to localStorage so that a reload, a crash or a closed tab never loses
 * what an editor typed. Rendered only in the browser (the composer is loaded without SSR). A draft kept
 * under `formerKey` (the key before drafts were kept per situation) is taken when `key` holds none.
 */
export function useLocalDraft(key: string, initial: () => ReportDraft, formerKey?: string) {
  const [kept] = useState(() => ({ stored: load(key) ?? (formerKey ? load(formerKey) : null), initial: initial() }));
  const [draft, setDraft] = useState<ReportDraft>(() => kept.stored ?? kept.initial);
  // Announced only when the kept draft holds something the form would not show anyway.
  const [restored, setRestored] = useState(() => kept.stored !== null && hasUnsavedChanges(kept.stored, kept.initial));
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      try {
        localStorage.setItem(PREFIX + key, JSON.stringify(draft));
      } catch {
        // storage full or disabled: the form still works, it just does not survive a reload
      }
    }, DRAFT_SAVE_DEBOUNCE_MS);
    return () => {
      if (timer.current) clearTimeout(timer.current);
    };
  }, [key, draft]);

  // Save at once when the page is hidden or closed (the debounce may not have fired).
  useEffect(() => {
    const flush = () => {
      try {
        localStorage.setItem(PREFIX + key, JSON.stringify(draft));
      } catch {
        // as above
      }
    };
    window.addEventListener("pagehide", flush);
    return () => window.removeEventListener("pagehide", flush);
  }, [key, draft]);

  const discard = useCallback(
    (next: ReportDraft) => {
      if (timer.current) clearTimeout(timer.current);
      localStorage.removeItem(PREFIX + key);
      if (formerKey) localStorage.removeItem(PREFIX + formerKey);
      setDraft(next);
      setRestored(false);
    },
    [key, formerKey],
  );

  return { draft, setDraft, discard, restored };
}
