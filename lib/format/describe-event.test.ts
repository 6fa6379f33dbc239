import { describe, expect, it } from "vitest";
import type { Event } from "../schemas/events";
import { describeEvent, nameBook } from "./describe-event";

const names = nameBook({ homs: "Homs", talbiseh: "Talbiseh", damascus: "Damascus", tehran: "Tehran", hama: "Hama" }, { hts: "HTS", government: "Government", iran: "Iran" });
const base = { id: "e", occurredAt: "2024-12-07T10:00:00Z", confidence: "reported" } as const;

describe("describeEvent", () => {
  it.each<[Event, string]>([
    [{ ...base, type: "control_change", faction: "hts", place: "homs" }, "Homs taken by HTS"],
    [{ ...base, type: "control_change", faction: "hts", place: "homs", contested: true }, "Fighting for Homs: HTS attacking"],
    [{ ...base, type: "advance", faction: "hts", toward: "homs", from: "talbiseh", distanceKm: 5 }, "HTS advancing from Talbiseh toward Homs, 5 km away"],
    [{ ...base, type: "withdrawal", faction: "government", from: ["hama"], to: "homs" }, "Government withdrawing from Hama to Homs"],
    [{ ...base, type: "evacuation", faction: "iran", personnel: "military", from: "damascus", to: "tehran", mode: "air" }, "Iran evacuating military from Damascus to Tehran by air"],
    [{ ...base, type: "strike", faction: "government", place: "homs" }, "Government strike at Homs"],
    [{ ...base, type: "strike", faction: "isis", place: "new-place" }, "isis strike at new-place"],
  ])("%j", (event, text) => expect(describeEvent(event, names)).toBe(text));
});
