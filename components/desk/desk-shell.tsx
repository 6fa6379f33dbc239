"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { SettingsMenu } from "@/components/ui/settings-menu";
import { api } from "@/lib/client/api";
import type { Role } from "@/lib/schemas/users";
import { Main } from "@/components/ui/main";

export interface DeskUser {
  id: string;
  name: string;
  email: string;
  role: Role;
}

/** The desk's frame: who is signed in, where to go, sign out. Without a user (sign-in, first-run setup): the way back to the public pages. */
export function DeskShell({ user, readOnly = false, children }: { user: DeskUser | null; readOnly?: boolean; children?: ReactNode }) {
  const t = useTranslations("desk");
  const router = useRouter();
  const signOut = async () => {
    await api("/api/auth/logout", { method: "POST" }).catch(() => undefined);
    router.refresh();
  };
  return (
    <div className="desk">
      <header className="desk-top">
        <div className="brand">
          <h1>{t("title")}</h1>
          <nav className="desk-nav" aria-label={t("navLabel")}>
            {user && <Link href="/desk">{t("navDesk")}</Link>}
            {user?.role === "admin" && <Link href="/desk/admin">{t("navAdmin")}</Link>}
            {user && <Link href="/desk/account">{t("navAccount")}</Link>}
            <Link href="/">{t("navDashboard")}</Link>
            {!user && <Link href="/wall">{t("navWall")}</Link>}
            {!user && <Link href="/analyst">{t("navAnalyst")}</Link>}
          </nav>
        </div>
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
        children
      )}
    </div>
  );
}
