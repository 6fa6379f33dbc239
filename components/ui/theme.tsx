"use client";

import { useSyncExternalStore } from "react";
import { mediaQueryList } from "./use-media-query";

export type ThemeMode = "dark" | "light";
export type ThemeChoice = ThemeMode | "system";
export const THEME_STORAGE_KEY = "sd-theme";

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

/** Runs before the first paint (inline in <head>) so a stored choice never flashes the other theme. */
export const THEME_BOOT_SCRIPT = `try{var t=localStorage.getItem("${THEME_STORAGE_KEY}");if(t==="dark"||t==="light")document.documentElement.dataset.theme=t}catch(e){}`;
