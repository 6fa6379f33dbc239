import type { ReactNode } from "react";
import { DeskShell } from "@/components/desk/desk-shell";
import { SignedOutDesk } from "@/components/desk/signed-out-desk";
import { roleAtLeast, type Role } from "@/lib/schemas/users";
import type { Actor } from "../auth/sessions";
import { pageActor } from "../auth/page-actor";
import { getAppContext, type AppContext } from "../context";
import { isSetupRequired } from "../services/setup/setup-state";
import { deskSituation } from "./desk-situation";

export type DeskSearchParams = Promise<{ situation?: string | string[] }>;

/**
 * What every desk page but the desk itself does first: the signed-in user (else the sign-in form, or
 * the first run's), the situation the desk works on (`?situation=`, else the remembered one), and the
 * desk's header around the page; `role` is the least the page's writes need (the API checks again).
 */
export async function DeskPage({
  searchParams,
  role,
  children,
}: {
  searchParams: DeskSearchParams;
  role: Role;
  children: (page: { actor: Actor; root: AppContext }) => ReactNode | Promise<ReactNode>;
}) {
  const root = getAppContext();
  const actor = await pageActor(root);
  if (!actor) return <SignedOutDesk setupRequired={await isSetupRequired(root.accounts)} />;
  const user = { id: actor.id, name: actor.name, email: actor.email, role: actor.role };
  const { situation } = await deskSituation(root, (await searchParams).situation);
  return (
    <DeskShell user={user} situation={situation} readOnly={!roleAtLeast(actor.role, role)}>
      {await children({ actor, root })}
    </DeskShell>
  );
}
