import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import en from "../../messages/en.json";
import nl from "../../messages/nl.json";
import { nameBook, type Translate } from "../format/describe-event";
import { altText, type AltTextInput } from "./alt-text";

const translate = (locale: "en" | "nl"): Translate => {
  const t = createTranslator({ locale, messages: locale === "nl" ? nl : en });
  return (key, values) => t(key as never, values as never);
};
const places = new Map([
  ["damascus", { name: "Damascus", kind: "capital" }],
  ["homs", { name: "Homs", kind: "city" }],
  ["rastan", { name: "Rastan", kind: "town" }],
  ["talbiseh", { name: "Talbiseh", kind: "village" }],
  ["hama", { name: "Hama", kind: "city" }],
]);
const names = nameBook(Object.fromEntries([...places].map(([slug, p]) => [slug, p.name])), { government: "Government", hts: "HTS" });
const since = "2024-12-01T00:00:00Z";
const base: Omit<AltTextInput, "t" | "lang"> = {
  situation: "Syria",
  at: "2024-12-07T12:00:00Z",
  control: [
    { place: "talbiseh", faction: "hts", since, contested: false },
    { place: "hama", faction: "hts", since, contested: false },
    { place: "rastan", faction: "hts", since, contested: false },
    { place: "damascus", faction: "government", since, contested: false },
    { place: "homs", faction: "government", since, contested: true, attacker: "hts" },
  ],
  places,
  factions: [],
  recent: [
    { type: "control_change", occurredAt: "2024-12-07T09:30:00Z", confidence: "reported", faction: "hts", place: "rastan" },
    { type: "strike", occurredAt: "2024-12-06T20:00:00Z", confidence: "claimed", faction: "government", place: "hama" },
  ],
  names,
};

describe("altText", () => {
  it("says who holds how much, the most important places first, what is contested and what changed", () => {
    expect(altText({ ...base, lang: "en", t: translate("en") })).toBe(
      [
        "Syria: who holds what on 7 Dec 2024, 12:00 UTC.",
        "HTS: 3 places (Hama, Rastan and Talbiseh).",
        "Government: 2 places (Damascus and Homs).",
        "Fighting for Homs, attacked by HTS.",
        "In the 24 hours before:",
        "- 09:30 UTC: Rastan taken by HTS (reported)",
        "- 6 Dec 20:00 UTC: Government strike at Hama (claimed)",
        "",
      ].join("\n"),
    );
  });

  it("speaks Dutch, says when it is as known then, and when nothing changed", () => {
    const text = altText({ ...base, known: "2024-12-07T10:00:00Z", recent: [], control: base.control.slice(3, 4), lang: "nl", t: translate("nl") });
    expect(text).toBe(
      [
        "Syria: wie wat in handen had op 7 dec 2024, 12:00 UTC, zoals bekend op 7 dec 2024, 10:00 UTC.",
        "Government: 1 plaats (Damascus).",
        "In de 24 uur ervoor is er niets veranderd.",
        "",
      ].join("\n"),
    );
  });
});
