import type { Metadata } from "next";
import { AccountForm } from "@/components/desk/account-form";
import { DeskShell } from "@/components/desk/desk-shell";
import { SignedOutDesk } from "@/components/desk/signed-out-desk";
import { pageActor } from "@/server/auth/page-actor";
import { getAppContext } from "@/server/context";
import { isSetupRequired } from "@/server/services/setup/setup-state";
import "../desk.css";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Account · Situation Desk" };

/** The signed-in user's own account: change the password (the other sessions and tokens end). */
export default async function AccountPage() {
  const ctx = getAppContext();
  const actor = await pageActor(ctx);
  if (!actor) return <SignedOutDesk setupRequired={await isSetupRequired(ctx.db)} />;
  return (
    <DeskShell user={{ id: actor.id, name: actor.name, email: actor.email, role: actor.role }}>
      <AccountForm email={actor.email} />
    </DeskShell>
  );
}
