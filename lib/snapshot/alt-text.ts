/**
 * A situation at one moment, as text (issue #17: snapshot.txt, the embeds' text alternative): who holds
 * how many places, the most important of them by name, what is contested, and what changed in the 24
 * hours before. Pure: the data and the translator (an ICU one: next-intl's createTranslator on the
 * server) are passed in. A screen reader, a caption or an alt attribute can take it as it is.
 */
import { describeEvent, type NameBook, type Translate } from "../format/describe-event";
import { formatUtc } from "../format/time";
import type { PlaceControl } from "../schemas/control";
import type { Event } from "../schemas/events";
import { PLACE_KINDS } from "../schemas/reference";

/** An event as listed or posted: its id does not matter here (Omit over each member of the union). */
type AnyEvent = Event extends infer E ? (E extends unknown ? Omit<E, "id"> & { id?: string } : never) : never;

export interface AltTextInput {
  situation: string;
  at: string;
  known?: string;
  lang: "en" | "nl";
  control: readonly PlaceControl[];
  places: ReadonlyMap<string, { name: string; kind: string }>;
  factions: readonly { slug: string; name: string }[];
  /** The events of the 24 hours before `at`, newest first (at most a few dozen). */
  recent: readonly AnyEvent[];
  names: NameBook;
  t: Translate;
}

/** Places named per faction ("including Damascus, Homs and Hama"). */
const NAMED_PER_FACTION = 4;
/** Recent events listed; the rest counted. */
const RECENT_LISTED = 8;
const RANK = new Map(PLACE_KINDS.map((kind, i) => [kind, i]));

const joinNames = (names: string[], and: string) => (names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} ${and} ${names.at(-1)}`);

export function altText(input: AltTextInput): string {
  const { t, lang } = input;
  const when = formatUtc(input.at, lang);
  const lines: string[] = [
    input.known
      ? t("snapshot.headingKnown", { situation: input.situation, at: when, known: formatUtc(input.known, lang) })
      : t("snapshot.heading", { situation: input.situation, at: when }),
  ];
  const byFaction = new Map<string, PlaceControl[]>();
  for (const row of input.control) byFaction.set(row.faction, [...(byFaction.get(row.faction) ?? []), row]);
  const ranked = [...byFaction.entries()].sort((a, b) => b[1].length - a[1].length);
  if (ranked.length === 0) lines.push(t("snapshot.nobody"));
  for (const [faction, rows] of ranked) {
    const named = [...rows]
      .sort((a, b) => (RANK.get(input.places.get(a.place)?.kind as never) ?? 99) - (RANK.get(input.places.get(b.place)?.kind as never) ?? 99))
      .slice(0, NAMED_PER_FACTION)
      .map((row) => input.names.place(row.place));
    lines.push(t("snapshot.holds", { faction: input.names.faction(faction), count: rows.length, places: joinNames(named, t("snapshot.and")) }));
  }
  const contested = input.control.filter((row) => row.contested);
  if (contested.length > 0) {
    lines.push(
      t("snapshot.contested", {
        places: joinNames(
          contested
            .slice(0, 6)
            .map((row) =>
              row.attacker
                ? t("snapshot.attacked", { place: input.names.place(row.place), faction: input.names.faction(row.attacker) })
                : input.names.place(row.place),
            ),
          t("snapshot.and"),
        ),
      }),
    );
  }
  if (input.recent.length === 0) lines.push(t("snapshot.noChanges"));
  else {
    lines.push(t("snapshot.changes"));
    // The 24 hours cross midnight: the day too, unless it is the snapshot's own day.
    const day = (iso: string) => formatUtc(iso, lang, "date");
    for (const event of input.recent.slice(0, RECENT_LISTED)) {
      const when =
        day(event.occurredAt) === day(input.at)
          ? formatUtc(event.occurredAt, lang, "time")
          : `${day(event.occurredAt)} ${formatUtc(event.occurredAt, lang, "time")}`;
      lines.push(`- ${when}: ${describeEvent(event, input.names, t)} (${t(`confidence.${event.confidence}`)})`);
    }
    if (input.recent.length > RECENT_LISTED) lines.push(t("snapshot.more", { count: input.recent.length - RECENT_LISTED }));
  }
  return `${lines.join("\n")}\n`;
}
