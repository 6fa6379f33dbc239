/**
 * What makes two snapshot requests the same picture, and how long a client may keep one
 * (docs/decisions/0027-snapshot-images.md). The key is the normalised query (view, moment, known,
 * regions in order, language, theme, size, frame, box, padding, scale, format) with the situation's feed position and its factions'
 * names and colours: a new report, or a faction recoloured, is a new picture. Without `at` the moment is
 * now, taken to the minute: every request within a minute (and with no new report) is the same picture,
 * and the stamp never lags the clock by more than a minute.
 */
import { createHash } from "node:crypto";
import type { SnapshotImageQuery, SnapshotQuery } from "../../../../lib/schemas/snapshot";

/** "Now" is drawn to the minute: the stamp's own precision. */
export const LIVE_STEP_MS = 60_000;
/** Seconds a client may keep a picture of now, or of a past moment as known now (a late report can change the past). */
export const LIVE_MAX_AGE_S = 60;
/** Seconds for a past moment as known at a past time: what was known then does not change. */
export const SETTLED_MAX_AGE_S = 86_400;

export type SnapshotFormat = "svg" | "png" | "txt";

/** The moment drawn: `at`, or now to the minute. */
export function snapshotMoment(query: Pick<SnapshotImageQuery, "at">, now: Date): { moment: Date; live: boolean } {
  if (query.at) return { moment: new Date(query.at), live: false };
  return { moment: new Date(Math.floor(now.getTime() / LIVE_STEP_MS) * LIVE_STEP_MS), live: true };
}

export interface KeyParts {
  situation: string;
  format: SnapshotFormat;
  /** snapshot.txt's has no size. */
  query: SnapshotQuery & Partial<Pick<SnapshotImageQuery, "width" | "height" | "frame" | "bounds" | "padding" | "scale">>;
  moment: Date;
  lastSeq: number;
  /** The factions' slugs, names and colours, as drawn. */
  factions: readonly { slug: string; name: string; color: string }[];
}

export function snapshotKey({ situation, format, query, moment, lastSeq, factions }: KeyParts): string {
  const regions = [...new Set(query.region ?? [])].sort().join(",");
  const factionPrint = createHash("sha1")
    .update(factions.map((f) => `${f.slug}=${f.color}:${f.name}`).join("\n"))
    .digest("base64url")
    .slice(0, 12);
  return [
    situation,
    format,
    query.view,
    moment.toISOString(),
    query.known ? new Date(query.known).toISOString() : "-",
    regions || "-",
    query.lang,
    query.theme,
    query.width === undefined ? "-" : `${query.width}x${query.height}`,
    // A picture's frame, box, padding and scale (snapshot.txt has none of them).
    query.frame ?? "-",
    query.bounds ? query.bounds.flat().join(",") : "-",
    query.padding === undefined ? "-" : JSON.stringify(query.padding),
    query.scale ?? "-",
    `seq${lastSeq}`,
    factionPrint,
  ].join("|");
}

/** A strong ETag for the picture a key names (same key, same bytes). */
export const snapshotEtag = (key: string) => `"${createHash("sha1").update(key).digest("base64url")}"`;

/**
 * Cache-Control: a picture of a past moment as known at a past time is settled (a day); any other may
 * change with the next report (a minute). Private when reading needs an account (PUBLIC_READ=false).
 */
export function snapshotCacheControl(query: Pick<SnapshotImageQuery, "at" | "known">, now: Date, publicRead: boolean): string {
  const settled = Boolean(query.at && query.known && Date.parse(query.known) <= now.getTime() - LIVE_STEP_MS);
  return `${publicRead ? "public" : "private"}, max-age=${settled ? SETTLED_MAX_AGE_S : LIVE_MAX_AGE_S}`;
}
