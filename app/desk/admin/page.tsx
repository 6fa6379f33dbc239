import type { Metadata } from "next";
import { AdminPanel } from "@/components/desk/admin/admin-panel";
import { DeskShell } from "@/components/desk/desk-shell";
import { SignedOutDesk } from "@/components/desk/signed-out-desk";
import { pageActor } from "@/server/auth/page-actor";
import { getAppContext } from "@/server/context";
import { deskSituation } from "@/server/pages/desk-situation";
import { isSetupRequired } from "@/server/services/setup/setup-state";
import "../desk.css";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Admin · Situation Desk" };

/**
 * Situations (set up, archive, which one the desk works on, the default), users, roles, tokens and the
 * audit trail (of the situation the desk works on). Every action is checked again by the API (admin only).
 */
export default async function AdminPage({ searchParams }: { searchParams: Promise<{ situation?: string | string[] }> }) {
  const root = getAppContext();
  const actor = await pageActor(root);
  if (!actor) return <SignedOutDesk setupRequired={await isSetupRequired(root.accounts)} />;
  const user = { id: actor.id, name: actor.name, email: actor.email, role: actor.role };
  const { situation } = await deskSituation(root, (await searchParams).situation);
  return (
    <DeskShell user={user} situation={situation} readOnly={actor.role !== "admin"}>
      {actor.role === "admin" && <AdminPanel selfId={actor.id} />}
    </DeskShell>
  );
}
