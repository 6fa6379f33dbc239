import { describe, expect, it } from "vitest";
import en from "../../messages/en.json";
import nl from "../../messages/nl.json";
import type { Event } from "../schemas/events";
import { describeEvent, nameBook, plainTranslator } from "./describe-event";

const names = nameBook(
  { homs: "Homs", talbiseh: "Talbiseh", damascus: "Damascus", tehran: "Tehran", hama: "Hama" },
  { hts: "HTS", government: "Government", iran: "Iran" },
);
const base = { id: "e", occurredAt: "2024-12-07T10:00:00Z", confidence: "reported" } as const;
const t = plainTranslator(en);

describe("describeEvent", () => {
  it.each<[Event, string]>([
    [{ ...base, type: "control_change", faction: "hts", place: "homs" }, "Homs taken by HTS"],
    [{ ...base, type: "control_change", faction: "hts", place: "homs", contested: true }, "Fighting for Homs: HTS attacking"],
    [{ ...base, type: "advance", faction: "hts", toward: "homs", from: "talbiseh", distanceKm: 5 }, "HTS advancing from Talbiseh toward Homs, 5 km away"],
    [{ ...base, type: "withdrawal", faction: "government", from: ["hama"], to: "homs" }, "Government withdrawing from Hama to Homs"],
    [
      { ...base, type: "evacuation", faction: "iran", personnel: "military", from: "damascus", to: "tehran", mode: "air" },
      "Iran evacuating military personnel from Damascus to Tehran by air",
    ],
    [{ ...base, type: "strike", faction: "government", place: "homs" }, "Government strike at Homs"],
    [{ ...base, type: "strike", faction: "isis", place: "new-place" }, "isis strike at new-place"],
  ])("%j", (event, text) => expect(describeEvent(event, names, t)).toBe(text));

  it("reads the main place of a listed event and speaks Dutch", () => {
    const listed = { ...base, type: "control_change", faction: "hts", place: { slug: "homs", region: "homs" } } as const;
    expect(describeEvent(listed, names, plainTranslator(nl))).toBe("Homs ingenomen door HTS");
  });
});
