import { getTranslations } from "next-intl/server";
import { MAIN_ID } from "./main";

/** The first Tab on every page: past the header and its controls, straight to the page's content. */
export async function SkipLink() {
  const t = await getTranslations("app");
  return (
    <a className="skip-link" href={`#${MAIN_ID}`}>
      {t("skipToMain")}
    </a>
  );
}
