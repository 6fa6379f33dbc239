import { describe, expect, it } from "vitest";
import { acledDate, acledRow, missingAcledColumns, type AcledContext } from "./acled";

const context: AcledContext = {
  actorMap: {
    "Military Forces of Syria (2000-2024)": "government",
    "HTS: Hayat Tahrir al-Sham": "hts",
    "SNA: Syrian National Army": "sna",
    "Military Forces of Russia (2000-)": "russia",
  },
  factions: [
    { slug: "government", kind: "state" },
    { slug: "hts", kind: "jihadist" },
    { slug: "sna", kind: "rebel" },
    { slug: "russia", kind: "foreign_state" },
  ],
  attribution: { name: "ACLED (accessed 2026-12-02)", url: "https://acleddata.com" },
};

const row = (overrides: Record<string, string> = {}) => ({
  event_id_cnty: "SYR1001",
  event_date: "2024-11-29",
  year: "2024",
  time_precision: "1",
  disorder_type: "Political violence",
  event_type: "Strategic developments",
  sub_event_type: "Non-state actor overtakes territory",
  actor1: "HTS: Hayat Tahrir al-Sham",
  assoc_actor_1: "",
  actor2: "Military Forces of Syria (2000-2024)",
  assoc_actor_2: "",
  admin1: "Aleppo",
  location: "Aleppo",
  latitude: "36.2021",
  longitude: "37.1343",
  geo_precision: "1",
  source: "SOHR; Reuters",
  notes: "On 29 November 2024, HTS took the western districts of Aleppo city.",
  fatalities: "0",
  timestamp: "1733000000",
  ...overrides,
});

describe("acledRow", () => {
  it("makes a territory sub-event a control change of the side it names, with ACLED's precision, sources and notes", () => {
    const result = acledRow(row(), context);
    expect(result).toEqual({
      kind: "event",
      value: {
        key: "acled:SYR1001",
        revisedAt: 1733000000,
        title: "Non-state actor overtakes territory: Aleppo",
        body: "On 29 November 2024, HTS took the western districts of Aleppo city.",
        sources: [{ name: "SOHR" }, { name: "Reuters" }, context.attribution],
        keyReport: false,
        event: { type: "control_change", occurredAt: "2024-11-29T12:00:00Z", confidence: "reported", faction: "hts", precision: { geo: 1, time: 1 } },
        places: [{ field: "place", name: "Aleppo", lat: 36.2021, lon: 37.1343, region: "Aleppo", precision: 1 }],
      },
    });
  });

  it("reads who took the place from the sub-event when both actors are mapped (ACLED's actor order means nothing)", () => {
    const swapped = { actor1: "Military Forces of Syria (2000-2024)", actor2: "HTS: Hayat Tahrir al-Sham" };
    const faction = (r: ReturnType<typeof acledRow>) => (r.kind === "event" ? r.value.event.faction : r.message);
    expect(faction(acledRow(row(swapped), context))).toBe("hts");
    expect(faction(acledRow(row({ ...swapped, sub_event_type: "Government regains territory" }), context))).toBe("government");
    expect(faction(acledRow(row({ sub_event_type: "Government regains territory" }), context))).toBe("government");
    // Two states, or a transfer between two mapped sides: the file does not say; the row says so.
    expect(acledRow(row({ sub_event_type: "Non-violent transfer of territory" }), context)).toMatchObject({
      kind: "error",
      message: expect.stringContaining("map only one"),
    });
  });

  it("makes air/drone strikes and shelling strikes; one mapped actor decides, associated actors when neither main one is mapped", () => {
    const air = acledRow(
      row({ sub_event_type: "Air/drone strike", actor1: "Military Forces of Russia (2000-)", actor2: "Civilians (Syria)", fatalities: "4" }),
      context,
    );
    expect(air).toMatchObject({
      kind: "event",
      value: { event: { type: "strike", faction: "russia" }, body: expect.stringContaining("Fatalities (ACLED): 4.") },
    });
    const shelling = acledRow(
      row({
        sub_event_type: "Shelling/artillery/missile attack",
        actor1: "Unidentified Armed Group (Syria)",
        actor2: "",
        assoc_actor_1: "SNA: Syrian National Army; Someone else",
      }),
      context,
    );
    expect(shelling).toMatchObject({ kind: "event", value: { event: { type: "strike", faction: "sna" } } });
    const both = acledRow(
      row({ sub_event_type: "Air/drone strike", actor1: "Military Forces of Russia (2000-)", actor2: "HTS: Hayat Tahrir al-Sham" }),
      context,
    );
    expect(both).toMatchObject({ kind: "error", message: expect.stringContaining("which one struck") });
    // The one mapped side may be the target when the other names an actor left out of the map.
    const target = acledRow(
      row({ sub_event_type: "Shelling/artillery/missile attack", actor1: "Unidentified Armed Group (Syria)", actor2: "HTS: Hayat Tahrir al-Sham" }),
      context,
    );
    expect(target).toEqual({
      kind: "error",
      message: "the actors map to hts and 'Unidentified Armed Group (Syria)' is not in the actor map: ACLED does not say which one struck",
      actors: ["Unidentified Armed Group (Syria)"],
    });
  });

  it("never lets the one mapped side contradict the sub-event", () => {
    // A government regains, but only the rebels are mapped: the rebels did not regain it.
    const regains = acledRow(
      row({ sub_event_type: "Government regains territory", actor1: "Military Forces of Turkey (2016-)", actor2: "HTS: Hayat Tahrir al-Sham" }),
      context,
    );
    expect(regains).toEqual({
      kind: "error",
      message: "'Government regains territory', but the actors map to hts: the side that took the place is not in the actor map",
      actors: ["Military Forces of Turkey (2016-)"],
    });
    // A non-state actor overtakes with the state's side unmapped: the kind names the side.
    const overtakes = acledRow(row({ actor1: "Military Forces of Turkey (2016-)", actor2: "HTS: Hayat Tahrir al-Sham" }), context);
    expect(overtakes).toMatchObject({ kind: "event", value: { event: { faction: "hts" } } });
  });

  it("keeps every other sub-event out as an unmapped row, naming it", () => {
    for (const subEvent of [
      "Armed clash",
      "Peaceful protest",
      "Remote explosive/landmine/IED",
      "Attack",
      "Looting/property destruction",
      "Headquarters or base established",
    ]) {
      expect(acledRow(row({ sub_event_type: subEvent }), context)).toEqual({
        kind: "unmapped",
        key: "acled:SYR1001",
        sourceType: subEvent,
        message: expect.stringContaining(`'${subEvent}'`),
      });
    }
  });

  it("refuses a row it cannot place, date or attribute, naming the column", () => {
    expect(acledRow(row({ event_id_cnty: "" }), context)).toMatchObject({ kind: "error", message: expect.stringContaining("event_id_cnty") });
    expect(acledRow(row({ event_date: "31 February 2024" }), context)).toMatchObject({ kind: "error", message: expect.stringContaining("event_date") });
    expect(acledRow(row({ latitude: "north" }), context)).toMatchObject({ kind: "error", message: expect.stringContaining("latitude") });
    expect(acledRow(row({ longitude: "" }), context)).toMatchObject({ kind: "error", message: expect.stringContaining("longitude") });
    expect(acledRow(row({ location: " " }), context)).toMatchObject({ kind: "error", message: expect.stringContaining("location") });
    expect(acledRow(row({ actor1: "Nobody we know", actor2: "" }), context)).toMatchObject({
      kind: "error",
      message: "no faction for 'Nobody we know': add the actor to the actor map",
      actors: ["Nobody we know"],
    });
    // Civilians are never an actor to map: a row of civilians alone names nobody to add.
    expect(acledRow(row({ actor1: "Civilians (Syria)", actor2: "" }), context)).toEqual({
      kind: "error",
      message: "no faction for 'Civilians (Syria)': add the actor to the actor map",
    });
  });

  it("reads older files: no timestamp, precision or source columns", () => {
    const old = acledRow(
      {
        event_id_cnty: "SYR7",
        event_date: "07 December 2024",
        sub_event_type: "Government regains territory",
        actor1: "Military Forces of Syria (2000-2024)",
        location: "Hama",
        latitude: "35.13",
        longitude: "36.75",
      },
      context,
    );
    expect(old).toMatchObject({
      kind: "event",
      value: { revisedAt: null, sources: [context.attribution], event: { occurredAt: "2024-12-07T12:00:00Z", precision: {} } },
    });
  });
});

describe("acledDate", () => {
  it("reads ISO dates and ACLED's older spelled-out ones, and nothing else", () => {
    expect(acledDate("2024-12-07")).toBe("2024-12-07T12:00:00Z");
    expect(acledDate("07 December 2024")).toBe("2024-12-07T12:00:00Z");
    expect(acledDate("7-Dec-2024")).toBe("2024-12-07T12:00:00Z");
    expect(acledDate("2024-02-30")).toBeNull();
    expect(acledDate("12/07/2024")).toBeNull();
    expect(acledDate("07 Smarch 2024")).toBeNull();
  });
});

describe("missingAcledColumns", () => {
  it("names the required columns a header lacks, reading past a byte-order mark", () => {
    expect(missingAcledColumns(Object.keys(row()))).toEqual([]);
    expect(missingAcledColumns(["\uFEFFevent_id_cnty", "event_date", "location"])).toEqual(["sub_event_type", "actor1", "latitude", "longitude"]);
  });
});
