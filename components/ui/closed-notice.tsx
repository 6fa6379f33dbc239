import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Main } from "@/components/ui/main";

/** What a page says instead of its data when PUBLIC_READ=false and nobody is signed in. */
export async function ClosedNotice({ message }: { message: "closedDashboard" | "closedAnalyst" }) {
  const t = await getTranslations("app");
  return (
    <Main className="closed">
      <h1>{t("title")}</h1>
      <p>{t(message)}</p>
      <p>
        <Link href="/desk">{t("signIn")}</Link>
      </p>
    </Main>
  );
}
