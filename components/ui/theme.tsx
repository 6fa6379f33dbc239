"use client";

import { useSyncExternalStore } from "react";
import { THEME_STORAGE_KEY } from "./theme-boot";
import { mediaQueryList } from "./use-media-query";

export type ThemeMode = "dark" | "light";
export type ThemeChoice = ThemeMode | "system";

const media = () => mediaQueryList("(prefers-color-scheme: dark)");

function currentMode(): ThemeMode {
  const forced = document.documentElement.dataset.theme;
  if (forced === "dark" || forced === "light") return forced;
  return media().matches ? "dark" : "light";
}

function subscribe(notify: () => void): () => void {
  const observer = new MutationObserver(notify);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme"] });
  media().addEventListener("change", notify);
  return () => {
    observer.disconnect();
    media().removeEventListener("change", notify);
  };
}

/** The theme in force: a `data-theme` on <html> wins, else the system's preference. */
export function useThemeMode(): ThemeMode {
  return useSyncExternalStore(subscribe, currentMode, () => "dark");
}

export function applyThemeChoice(choice: ThemeChoice): void {
  if (choice === "system") {
    delete document.documentElement.dataset.theme;
    localStorage.removeItem(THEME_STORAGE_KEY);
  } else {
    document.documentElement.dataset.theme = choice;
    localStorage.setItem(THEME_STORAGE_KEY, choice);
  }
}
