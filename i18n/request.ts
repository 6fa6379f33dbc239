import { cookies, headers } from "next/headers";
import type { AbstractIntlMessages } from "next-intl";
import { getRequestConfig } from "next-intl/server";
import { LOCALE_COOKIE, pickLocale } from "./locales";

/** Language without locale routing: the `NEXT_LOCALE` cookie, else the browser's first language. */
export default getRequestConfig(async () => {
  const cookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  const accept = (await headers()).get("accept-language")?.split(",")[0];
  const locale = pickLocale(cookie, accept);
  return { locale, messages: ((await import(`../messages/${locale}.json`)) as { default: AbstractIntlMessages }).default };
});
