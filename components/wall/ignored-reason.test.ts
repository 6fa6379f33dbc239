import { createTranslator, type AbstractIntlMessages } from "next-intl";
import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import nl from "@/messages/nl.json";
import { parseWallParams } from "@/lib/schemas/wall";
import { ignoredReason } from "./ignored-reason";

const known = { regions: ["homs", "idlib"], factions: ["hts", "government"], fallbackLocale: "en" as const };
/** One bad value of every kind the wall can ignore. */
const bad = {
  region: "atlantis",
  factions: "hts,martians",
  panels: " , ",
  views: "region",
  rotate: "3",
  breaking: "x",
  lang: "fr",
  theme: "pink",
  token: "t".repeat(201),
};

describe("ignoredReason", () => {
  const { ignored } = parseWallParams(bad, known);

  it.each([
    [
      "en" as const,
      en,
      [
        "region: unknown region “atlantis”",
        "factions: unknown faction “martians”",
        "panels: name at least one panel",
        "rotate: must be 0 or a whole number from 10 to 3600",
        "views: needs ?region=",
        "breaking: must be a whole number from 5 to 3600",
        "lang: must be one of en, nl",
        "theme: must be one of dark, light",
        "token: is longer than 200 characters",
      ],
    ],
    [
      "nl" as const,
      nl,
      [
        "region: onbekende regio “atlantis”",
        "factions: onbekende partij “martians”",
        "panels: noem minstens één paneel",
        "rotate: moet 0 of een geheel getal van 10 tot en met 3600 zijn",
        "views: werkt alleen met ?region=",
        "breaking: moet een geheel getal van 5 tot en met 3600 zijn",
        "lang: moet een van deze zijn: en, nl",
        "theme: moet een van deze zijn: dark, light",
        "token: is langer dan 200 tekens",
      ],
    ],
  ])("says why in the wall's language: %s", (locale, messages, expected) => {
    // tsc needs the assertion (the two message files' types differ); the linter's type view does not see why.
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion
    const t = createTranslator({ locale, messages: messages as AbstractIntlMessages, namespace: "wall" });
    expect(ignored.map((i) => `${i.param}: ${ignoredReason(i.reason, t)}`)).toEqual(expected);
  });
});
