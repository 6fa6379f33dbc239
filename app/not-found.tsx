import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Main } from "@/components/ui/main";

/** An unknown address: says so, with a way back, inside a <main> (the skip link's target). */
export default async function NotFound() {
  const t = await getTranslations("app");
  return (
    <Main className="closed">
      <h1>{t("notFoundTitle")}</h1>
      <p>{t("notFound")}</p>
      <p>
        <Link href="/">{t("toDashboard")}</Link>
      </p>
    </Main>
  );
}
