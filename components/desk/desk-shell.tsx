"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { SettingsMenu } from "@/components/ui/settings-menu";
import { SituationProvider, SituationSwitcher } from "@/components/ui/situation";
import { api } from "@/lib/client/api";
import { rememberDeskSituation } from "@/lib/situations/desk-choice";
import { pageHref, type PageSituation } from "@/lib/situations/page-situation";
import { roleAtLeast, type Role } from "@/lib/roles";
import { Main } from "@/components/ui/main";

export interface DeskUser {
  id: string;
  name: string;
  email: string;
  role: Role;
}

/**
 * The desk's frame: who is signed in, which situation the desk works on (remembered on this browser),
 * where to go, sign out. Without a user (sign-in, first-run setup): the way back to the public pages.
 */
export function DeskShell({
  user,
  situation,
  readOnly = false,
  children,
}: {
  user: DeskUser | null;
  situation?: PageSituation;
  readOnly?: boolean;
  children?: ReactNode;
}) {
  const t = useTranslations("desk");
  const router = useRouter();
  const signOut = async () => {
    await api("/api/auth/logout", { method: "POST" }).catch(() => undefined);
    router.refresh();
  };
  const page = (path: string) => (situation ? pageHref(situation, path) : path);
  const frame = (
    <div className="desk">
      <header className="desk-top">
        <div className="brand">
          <h1>{t("title")}</h1>
          <nav className="desk-nav" aria-label={t("navLabel")}>
            {user && <Link href="/desk">{t("navDesk")}</Link>}
            {user && situation && roleAtLeast(user.role, "editor") && <Link href="/desk/situation">{t("navSituation")}</Link>}
            {user && situation && roleAtLeast(user.role, "editor") && <Link href="/desk/import">{t("navImport")}</Link>}
            {user && situation && <Link href="/desk/share">{t("navShare")}</Link>}
            {user?.role === "admin" && <Link href="/desk/admin">{t("navAdmin")}</Link>}
            {user && <Link href="/desk/account">{t("navAccount")}</Link>}
            <Link href={page("/")}>{t("navDashboard")}</Link>
            {!user && <Link href={page("/wall")}>{t("navWall")}</Link>}
            {!user && <Link href={page("/analyst")}>{t("navAnalyst")}</Link>}
          </nav>
        </div>
        {user && situation && (
          <SituationSwitcher
            onChoose={(slug) => {
              rememberDeskSituation(slug);
              window.location.assign(window.location.pathname);
            }}
          />
        )}
        {user && (
          <>
            <span className="desk-user" data-testid="desk-user">
              {user.name} · {t(`roles.${user.role}`)}
            </span>
            <button type="button" className="button" onClick={signOut}>
              {t("signOut")}
            </button>
          </>
        )}
        <SettingsMenu />
      </header>
      {user && readOnly ? (
        <Main>
          <p className="desk-notice" role="status">
            {t("readOnly", { role: t(`roles.${user.role}`) })}
          </p>
        </Main>
      ) : (
        <>
          {situation?.archived && (
            <p className="desk-notice" role="status" data-testid="archived-notice">
              {t("archivedSituation", { name: situation.name })}
            </p>
          )}
          {children}
        </>
      )}
    </div>
  );
  return situation ? (
    <SituationProvider situation={situation} places="all">
      {frame}
    </SituationProvider>
  ) : (
    frame
  );
}
