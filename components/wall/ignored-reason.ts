import type { useTranslations } from "next-intl";
import type { IgnoredReason } from "@/lib/schemas/wall";

/** Why a wall URL parameter was ignored, in the wall's language (messages `wall.reasons`). */
export function ignoredReason(reason: IgnoredReason, t: ReturnType<typeof useTranslations<"wall">>): string {
  switch (reason.kind) {
    case "unknown":
      return t(`reasons.unknown.${reason.what}`, { item: reason.item });
    case "emptyList":
      return t(`reasons.emptyList.${reason.what}`);
    case "needsRegion":
      return t("reasons.needsRegion");
    default:
      return t(`reasons.${reason.kind}`, reason);
  }
}
