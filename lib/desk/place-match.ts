/**
 * Finding a place by any of its names, as editors type them: the slug, the English, Dutch or Arabic
 * name, or another common spelling (the reference data's `placeAliases`). Case, accents, punctuation,
 * Arabic diacritics and letter forms, and articles (al-, as-, ar-, el-, ال) do not count, so "Homs",
 * "homs", "حمص", "Al Qusayr", "al-Qusayr" and "القصير" find their places. Pure: the desk's place fields,
 * its "Add place" duplicate warning and its validation use it.
 */
import reference from "../../prisma/seed/reference.json";
import type { Place } from "../schemas/reference";

/** Other spellings by slug, from the reference data (places added later have only their own names). */
export const PLACE_ALIASES: Readonly<Record<string, readonly string[]>> = reference.placeAliases;

/** Transliterated Arabic articles, dropped when they lead a word ("As-Suwayda", "Deir ez-Zor"). */
const LATIN_ARTICLES = new Set(["al", "el", "as", "ash", "es", "ar", "er", "ad", "adh", "ed", "an", "en", "at", "ath", "et", "az", "ez"]);

/** Latin letters that NFKD leaves whole, as ASCII spells them. */
const LATIN_SPELLED: Record<string, string> = { ß: "ss", æ: "ae", ø: "o", đ: "d", ð: "d", ł: "l", ı: "i" };

/** Arabic letter forms that spellings mix: alef with hamza or madda, alef maqsura, taa marbuta, hamza seats. */
const ARABIC_FOLD: Record<string, string> = { أ: "ا", إ: "ا", آ: "ا", ٱ: "ا", ى: "ي", ة: "ه", ؤ: "و", ئ: "ي" };

/**
 * The words of a name, compared: lower case, no accents, no punctuation, Arabic folded, articles
 * dropped (but never the last word: "Al-Bab" keeps "bab", a name that is only an article keeps it).
 */
export function nameWords(text: string): string[] {
  const folded = text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "") // accents and Arabic harakat
    .replace(/\u0640/g, "") // tatweel
    .replace(/[أإآٱىةؤئ]/g, (c) => ARABIC_FOLD[c] ?? c)
    .toLowerCase()
    .replace(/['’ʼʻ`]/g, ""); // "Dar'a", "Ma'arrat": an apostrophe joins
  const words = folded.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  return words
    .map((word, i) => {
      const last = i === words.length - 1;
      if (!last && LATIN_ARTICLES.has(word)) return "";
      // The Arabic article is written joined: "القصير" is "ال" + "قصير".
      if (word.length > 3 && word.startsWith("ال")) return word.slice(2);
      return word;
    })
    .filter(Boolean);
}

/** A name as one comparable key ("Deir ez-Zor" and "deir-ezzor" → "deirzor"… almost: see nameWords). */
export const normalizeName = (text: string) => nameWords(text).join("");

/**
 * The consonant skeleton of a Latin key: transliterations of one Arabic name differ mostly in vowels,
 * doubled letters and digraphs (Sweida/Suwayda, Qusayr/Qusair, Sheikhoun/Shaykhun). Only a hint
 * (Hama and Hmeimim share one), never enough to accept a name.
 */
export function skeleton(key: string): string {
  return key
    .replace(/(kh|gh)/g, "k")
    .replace(/(sh|dh|th)/g, (d) => d[0]!)
    .replace(/[qc]/g, "k")
    .replace(/h$/, "")
    .replace(/[aeiouyw]/g, "")
    .replace(/(.)\1+/g, "$1");
}

/** Edit distance (insert, delete, replace, swap neighbours), stopping early above `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2]! + 1);
      row.push(d);
      rowMin = Math.min(rowMin, d);
    }
    if (rowMin > max) return max + 1;
    before = previous;
    previous = row;
  }
  return previous[b.length]!;
}

/** Every name a place is known by: slug, names, the parts of "Palmyra (Tadmur)", the aliases. */
export function placeNames(place: Pick<Place, "slug" | "name" | "names">): string[] {
  const names = [place.slug, place.name, place.names.en, place.names.nl, place.names.ar, ...(PLACE_ALIASES[place.slug] ?? [])].filter((n): n is string =>
    Boolean(n),
  );
  const parts = names.flatMap((name) => {
    const m = /^(.*?)\s*\((.+)\)\s*$/.exec(name);
    return m ? [m[1]!, m[2]!] : [];
  });
  return [...new Set([...names, ...parts])];
}

/** How well a typed text names a place's name (both normalised): 100 is the same name; 0 is no match. */
export const SCORE = { exact: 100, prefix: 90, wordPrefix: 80, contains: 70, skeleton: 60, typo: 55 } as const;

function scoreKey(query: string, queryWords: string[], name: string): number {
  const words = nameWords(name);
  const key = words.join("");
  if (!key || !query) return 0;
  if (key === query) return SCORE.exact;
  if (key.startsWith(query)) return SCORE.prefix;
  if (queryWords.length === 1 && words.some((w) => w.startsWith(query))) return SCORE.wordPrefix;
  if (query.length >= 3 && key.includes(query)) return SCORE.contains;
  const latin = /^[a-z0-9]+$/;
  if (query.length >= 4 && latin.test(query) && latin.test(key)) {
    const qs = skeleton(query);
    if (qs.length >= 2 && qs === skeleton(key)) return SCORE.skeleton;
    const distance = editDistance(query, key, 2);
    if (distance === 1 || (distance === 2 && query.length >= 7)) return SCORE.typo - 5 * distance;
  }
  return 0;
}

export interface PlaceMatch<P extends Pick<Place, "slug" | "name" | "names"> = Place> {
  place: P;
  score: number;
  /** The name that matched best (as written in the data). */
  matched: string;
}

/** Larger places first among equal scores: an editor typing "Dam" more likely means Damascus than its airport. */
const KIND_RANK: Record<string, number> = { capital: 0, city: 1, town: 2, village: 3 };

/** The places a typed text may name, best first (at most `limit`). */
export function matchPlaces<P extends Pick<Place, "slug" | "name" | "names"> & { kind?: string }>(
  text: string,
  places: readonly P[],
  limit = 8,
): PlaceMatch<P>[] {
  const queryWords = nameWords(text);
  const query = queryWords.join("");
  if (!query) return [];
  const matches: PlaceMatch<P>[] = [];
  for (const place of places) {
    let best = { score: 0, matched: "" };
    for (const name of placeNames(place)) {
      const score = scoreKey(query, queryWords, name);
      if (score > best.score) best = { score, matched: name };
    }
    if (place.slug === text.trim()) best = { score: SCORE.exact + 1, matched: place.slug };
    if (best.score > 0) matches.push({ place, ...best });
  }
  const rank = (p: P) => KIND_RANK[p.kind ?? ""] ?? 4;
  return matches.sort((a, b) => b.score - a.score || rank(a.place) - rank(b.place) || a.place.name.localeCompare(b.place.name)).slice(0, limit);
}

export type Resolution<P> = { kind: "empty" } | { kind: "place"; place: P } | { kind: "ambiguous"; places: P[] } | { kind: "unknown"; suggestions: P[] };

/**
 * What one typed text names: its place when the text is a slug or one of exactly one place's names;
 * ambiguous when it is a name of several; unknown otherwise (with the nearest places).
 */
export function resolvePlace<P extends Pick<Place, "slug" | "name" | "names"> & { kind?: string }>(text: string, places: readonly P[]): Resolution<P> {
  const trimmed = text.trim();
  if (!trimmed) return { kind: "empty" };
  const bySlug = places.find((p) => p.slug === trimmed);
  if (bySlug) return { kind: "place", place: bySlug };
  const matches = matchPlaces(trimmed, places, 50);
  const exact = matches.filter((m) => m.score >= SCORE.exact).map((m) => m.place);
  if (exact.length === 1) return { kind: "place", place: exact[0]! };
  if (exact.length > 1) return { kind: "ambiguous", places: exact };
  return { kind: "unknown", suggestions: matches.slice(0, 5).map((m) => m.place) };
}

/** A withdrawal's "from": the comma-separated texts, each resolved. */
export const splitPlaceList = (value: string) =>
  value
    .split(/[,،]/)
    .map((s) => s.trim())
    .filter(Boolean);

/**
 * A slug for a new place's name: "Al-Qusayr" → "al-qusayr" (accents and transliteration marks dropped,
 * Latin letters without a decomposition spelled out, only a–z, 0–9 and hyphens); empty for a name in
 * another script only.
 */
export function slugFromName(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/['’‘ʼʻʿʾ`´]/g, "")
    .replace(/[ßæøđðłı]/g, (c) => LATIN_SPELLED[c] ?? c)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 64)
    .replace(/-+$/, "");
}

/**
 * Slugs of reference places with another spelling (an alias) that contains `text`, ignoring case: the
 * free-text search matches these as it matches the stored names (server/services/events/internal/event-filter-sql.ts).
 */
export function slugsWithAliasContaining(text: string): string[] {
  const needle = text.toLowerCase();
  if (!needle.trim()) return [];
  return Object.entries(PLACE_ALIASES)
    .filter(([, aliases]) => aliases.some((alias) => alias.toLowerCase().includes(needle)))
    .map(([slug]) => slug);
}

/** Near-duplicates shown before a place is added: at most this many. */
const SIMILAR_MAX = 5;

/**
 * The places a new place's names (and slug) may duplicate, best first: `same` when one of the names is
 * already one of that place's names (ignoring case, accents, articles), else a near spelling.
 */
export function similarPlaces<P extends Pick<Place, "slug" | "name" | "names"> & { kind?: string }>(
  texts: readonly string[],
  places: readonly P[],
): { place: P; same: boolean }[] {
  const best = new Map<string, { place: P; score: number }>();
  for (const text of texts) {
    if (normalizeName(text).length < 3 && !places.some((p) => p.slug === text.trim())) continue;
    for (const match of matchPlaces(text, places, SIMILAR_MAX)) {
      if (match.score < SCORE.typo - 10) continue;
      const seen = best.get(match.place.slug);
      if (!seen || seen.score < match.score) best.set(match.place.slug, { place: match.place, score: match.score });
    }
  }
  return [...best.values()]
    .sort((a, b) => b.score - a.score)
    .slice(0, SIMILAR_MAX)
    .map(({ place, score }) => ({ place, same: score >= SCORE.exact }));
}
