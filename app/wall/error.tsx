"use client";

import { useTranslations } from "next-intl";
import { useEffect } from "react";
import { Main } from "@/components/ui/main";

/** After a crash the wall shows why and reloads itself once the server answers; nobody is there to click. */
const RELOAD_AFTER_S = 30;

export default function WallError({ error }: { error: Error }) {
  const t = useTranslations("wall");
  useEffect(() => {
    console.error("wall crashed", error);
    const timer = setInterval(() => {
      fetch("/api/health", { cache: "no-store" })
        .then((response) => response.ok && window.location.reload())
        .catch(() => undefined);
    }, RELOAD_AFTER_S * 1000);
    return () => clearInterval(timer);
  }, [error]);
  return (
    <Main className="wall-closed" data-testid="wall-error">
      <h1>{t("title")}</h1>
      <p>{t("crashed", { seconds: RELOAD_AFTER_S })}</p>
    </Main>
  );
}
