import type { Metadata } from "next";
import { AdminPanel } from "@/components/desk/admin/admin-panel";
import { DeskPage, type DeskSearchParams } from "@/server/pages/desk-page";
import "../desk.css";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Admin · Situation Desk" };

/**
 * Situations (set up, archive, which one the desk works on, the default), users, roles, tokens and the
 * audit trail (of the situation the desk works on). Every action is checked again by the API (admin only).
 */
export default function AdminPage({ searchParams }: { searchParams: DeskSearchParams }) {
  return (
    <DeskPage searchParams={searchParams} role="admin">
      {({ actor }) => actor.role === "admin" && <AdminPanel selfId={actor.id} />}
    </DeskPage>
  );
}
