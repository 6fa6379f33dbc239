import type { Metadata } from "next";
import { AdminPanel } from "@/components/desk/admin/admin-panel";
import { DeskShell } from "@/components/desk/desk-shell";
import { SignedOutDesk } from "@/components/desk/signed-out-desk";
import { pageActor } from "@/server/auth/page-actor";
import { getAppContext } from "@/server/context";
import { isSetupRequired } from "@/server/services/setup/setup-state";
import "../desk.css";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Admin · Situation Desk" };

/** Users, roles, tokens and the audit trail. Every action is checked again by the API (admin only). */
export default async function AdminPage() {
  const ctx = getAppContext();
  const actor = await pageActor(ctx);
  if (!actor) return <SignedOutDesk setupRequired={await isSetupRequired(ctx.db)} />;
  const user = { id: actor.id, name: actor.name, email: actor.email, role: actor.role };
  return (
    <DeskShell user={user} readOnly={actor.role !== "admin"}>
      {actor.role === "admin" && <AdminPanel selfId={actor.id} />}
    </DeskShell>
  );
}
