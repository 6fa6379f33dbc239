import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DeskShell } from "@/components/desk/desk-shell";
import { SetupForm } from "@/components/setup/setup-form";
import { getAppContext } from "@/server/context";
import { isSetupRequired } from "@/server/services/setup/setup-state";
import "../desk/desk.css";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Set up · Situation Desk", robots: { index: false } };

/** First run: create the first admin with the code from the server's log. Gone (404) once anyone can sign in. */
export default async function SetupPage({ searchParams }: { searchParams: Promise<{ code?: string | string[] }> }) {
  if (!(await isSetupRequired(getAppContext().db))) notFound();
  const { code } = await searchParams;
  return (
    <DeskShell user={null}>
      <SetupForm code={typeof code === "string" ? code : ""} />
    </DeskShell>
  );
}
