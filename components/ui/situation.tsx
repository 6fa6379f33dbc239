"use client";

import { useLocale, useTranslations } from "next-intl";
import { createContext, useContext, useId, useState, type ReactNode } from "react";
import { setApiSituation } from "@/lib/client/api";
import { setPlaceList } from "@/lib/client/reference-queries";
import { pageHref, situationLabel, switchHref, type PageSituation } from "@/lib/situations/page-situation";

const SituationContext = createContext<PageSituation | null>(null);

/**
 * The situation a page shows, for everything under it: its requests and socket go to that situation
 * (set once, before the first query, with which of its places the page holds), its name and frame are
 * read with useSituation().
 */
export function SituationProvider({
  situation,
  places = "drawn",
  children,
}: {
  situation: PageSituation;
  /** Which of its places the page holds: those its map draws (the public pages), or all (the desk). */
  places?: "drawn" | "all";
  children: ReactNode;
}) {
  useState(() => {
    if (typeof window === "undefined") return;
    setApiSituation(situation.slug);
    setPlaceList(places);
  });
  return <SituationContext.Provider value={situation}>{children}</SituationContext.Provider>;
}

export function useSituation(): PageSituation {
  const situation = useContext(SituationContext);
  if (!situation) throw new Error("useSituation() outside a SituationProvider");
  return situation;
}

/** The situation's name in the page's language, and its sibling pages' addresses. */
export function useSituationNaming() {
  const situation = useSituation();
  const locale = useLocale();
  return { name: situationLabel(situation, locale), href: (path: string) => pageHref(situation, path) };
}

/**
 * Goes to the same page of another situation (or calls `onChoose`: the desk remembers its choice). A
 * whole page load, not a client navigation: everything the page holds (its cache, its socket, its map)
 * is the situation's own. Hidden while there is only one.
 */
export function SituationSwitcher({ onChoose }: { onChoose?: (slug: string) => void }) {
  const t = useTranslations("app");
  const locale = useLocale();
  const situation = useSituation();
  const id = useId();
  if (situation.choices.length < 2) return null;
  return (
    <span className="situation-switcher">
      <label htmlFor={id}>{t("switchSituation")}</label>
      <select
        id={id}
        data-testid="situation-switcher"
        value={situation.slug}
        onChange={(event) =>
          onChoose ? onChoose(event.target.value) : window.location.assign(switchHref(situation, event.target.value, window.location.pathname))
        }
      >
        {situation.choices.map((choice) => (
          <option key={choice.slug} value={choice.slug}>
            {choice.archived ? t("archivedSituation", { name: situationLabel(choice, locale) }) : situationLabel(choice, locale)}
          </option>
        ))}
      </select>
    </span>
  );
}
