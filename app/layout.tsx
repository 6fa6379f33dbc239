import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { NextIntlClientProvider } from "next-intl";
import { getLocale } from "next-intl/server";
import { headers } from "next/headers";
import { MAP_LIBRARY_BOOT_SCRIPT } from "@/components/map/map-library-boot";
import { SkipLink } from "@/components/ui/skip-link";
import { THEME_BOOT_SCRIPT } from "@/components/ui/theme-boot";
import { MAP_PICTURE_BOOT_SCRIPT } from "@/lib/snapshot/map-picture-url";
import "./globals.css";
import { Providers } from "./providers";

export const metadata: Metadata = {
  title: "Situation Desk",
  description: "Live situation dashboard",
};
export const viewport: Viewport = { colorScheme: "dark light" };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  // The server's per-request CSP nonce (server/http/security-headers.ts): without it this script is blocked.
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return (
    <html lang={locale} suppressHydrationWarning>
      <head>
        {/* The theme before the first paint; the map's first picture as soon as the page is parsed, its library as soon as the map is. */}
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: `${THEME_BOOT_SCRIPT};${MAP_PICTURE_BOOT_SCRIPT};${MAP_LIBRARY_BOOT_SCRIPT}` }} />
      </head>
      <body>
        <SkipLink />
        <NextIntlClientProvider>
          <Providers>{children}</Providers>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
