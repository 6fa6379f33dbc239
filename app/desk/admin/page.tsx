import type { Metadata } from "next";
import { AdminPanel } from "@/components/desk/admin/admin-panel";
import { DeskLogin } from "@/components/desk/desk-login";
import { DeskShell } from "@/components/desk/desk-shell";
import { pageActor } from "@/server/auth/page-actor";
import { getAppContext } from "@/server/context";
import "../desk.css";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Admin · Situation Desk" };

/** Users, roles, tokens and the audit trail. Every action is checked again by the API (admin only). */
export default async function AdminPage() {
  const actor = await pageActor(getAppContext());
  if (!actor) {
    return (
      <DeskShell user={null}>
        <DeskLogin />
      </DeskShell>
    );
  }
  const user = { id: actor.id, name: actor.name, email: actor.email, role: actor.role };
  return <DeskShell user={user} readOnly={actor.role !== "admin"}>{actor.role === "admin" && <AdminPanel selfId={actor.id} />}</DeskShell>;
}
