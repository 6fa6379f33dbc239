import type { Metadata } from "next";
import { AccountForm } from "@/components/desk/account-form";
import { DeskLogin } from "@/components/desk/desk-login";
import { DeskShell } from "@/components/desk/desk-shell";
import { pageActor } from "@/server/auth/page-actor";
import { getAppContext } from "@/server/context";
import "../desk.css";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Account · Situation Desk" };

/** The signed-in user's own account: change the password (the other sessions and tokens end). */
export default async function AccountPage() {
  const actor = await pageActor(getAppContext());
  if (!actor) {
    return (
      <DeskShell user={null}>
        <DeskLogin />
      </DeskShell>
    );
  }
  return (
    <DeskShell user={{ id: actor.id, name: actor.name, email: actor.email, role: actor.role }}>
      <AccountForm email={actor.email} />
    </DeskShell>
  );
}
