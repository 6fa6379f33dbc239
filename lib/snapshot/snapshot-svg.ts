/**
 * A situation at one moment drawn as one SVG document (issue #17: `snapshot.svg`, and through a
 * rasteriser `snapshot.png`): the map, or one of the dashboard's charts, in the frame every snapshot
 * shares (heading, "as of" stamp, legend, note and attribution drawn in; the text alternative as its
 * `<desc>`). Every view can be drawn, so every view is offered as SVG. Pure: the data and the
 * translator are passed in (server/services/snapshots/ gathers them).
 */
import type { Translate } from "../format/describe-event";
import { formatUtc } from "../format/time";
import { chartSvgBody, type SnapshotChartData } from "./chart-svg";
import { mapSvgBody, type SnapshotMapData } from "./map-svg";
import { frameLayout, frameSvg } from "./snapshot-frame";
import { snapshotPalette, type SnapshotTheme } from "./snapshot-palette";

/** Who made the picture: always drawn in its corner. */
export const SNAPSHOT_CREDIT = "Situation Desk";

interface SnapshotCommon {
  width: number;
  height: number;
  theme: SnapshotTheme;
  lang: "en" | "nl";
  /** The situation's name in `lang`. */
  situation: string;
  /** The moment drawn, and (as known then) the moment whose knowledge it shows. */
  at: string;
  known?: string;
  /** The text alternative (snapshot.txt's text for the same query): the document's `<desc>`. */
  desc: string;
  t: Translate;
}
export type SnapshotSvgInput = SnapshotCommon &
  (
    | {
        view: "map";
        map: Omit<SnapshotMapData, "legend">;
        /** How far back the drawn movements go (days). */
        movementDays: number;
        /** When they end well before the moment (now, and no news since): the newest event's time. */
        movementsUntil?: string;
        /** The places come from a bundled gazetteer (GeoNames, CC BY): credited. */
        gazetteer: boolean;
      }
    | { view: "control" | "events"; chart: SnapshotChartData; windowDays: number }
  );

export function snapshotSvg(input: SnapshotSvgInput): string {
  const { t, lang } = input;
  const layout = frameLayout(input.width, input.height);
  const palette = snapshotPalette(input.theme);
  const at = formatUtc(input.at, lang);
  const stamp = input.known ? t("snapshotImage.asKnown", { at, known: formatUtc(input.known, lang) }) : t("snapshotImage.asOf", { at });

  if (input.view === "map") {
    const { defs, body } = mapSvgBody(
      {
        ...input.map,
        legend: {
          contested: t("map.contested"),
          advance: `${t("map.advance")} / ${t("map.withdrawal")}`,
          evacuation: t("map.evacuation"),
          strike: t("map.strike"),
          confirmed: t("map.confirmed"),
          reported: t("map.reported"),
          claimed: t("map.claimed"),
          movements: input.movementsUntil
            ? t("snapshotImage.movementsUntil", { days: input.movementDays, at: formatUtc(input.movementsUntil, lang, "date-year") })
            : t("snapshotImage.movements", { days: input.movementDays }),
          nobody: t("snapshot.nobody"),
        },
      },
      layout.body,
      layout.scale,
      palette,
    );
    const sources = [SNAPSHOT_CREDIT, t("snapshotImage.borders"), ...(input.gazetteer ? [t("snapshotImage.gazetteer")] : [])];
    return frameSvg({
      layout,
      palette,
      heading: input.situation,
      stamp,
      note: t("map.zonesNote"),
      attribution: sources.join(" · "),
      title: `${input.situation}: ${stamp}`,
      desc: input.desc,
      defs,
      body,
    });
  }

  const heading = `${input.situation} · ${t(input.view === "control" ? "charts.control" : "charts.events")}`;
  const windowed = `${stamp} · ${t("snapshotImage.window", { days: input.windowDays })}`;
  return frameSvg({
    layout,
    palette,
    heading,
    stamp: windowed,
    ...(input.known ? { note: t("snapshotImage.seriesRecorded", { known: formatUtc(input.known, lang) }) } : {}),
    attribution: SNAPSHOT_CREDIT,
    title: `${heading}: ${windowed}`,
    desc: input.desc,
    body: chartSvgBody(input.chart, layout.body, layout.scale, palette),
  });
}
