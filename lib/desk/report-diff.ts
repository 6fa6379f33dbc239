/**
 * What changed between two versions of a report, for the desk's history and for readers: word-level
 * changes of the title and body (jsdiff), and events added or removed (compared as their descriptions).
 */
import { diffArrays, diffWords } from "diff";
import type { Report } from "../schemas/reports";

export interface DiffPart {
  value: string;
  added?: boolean;
  removed?: boolean;
}

export interface ReportDiff {
  title: DiffPart[];
  body: DiffPart[];
  events: DiffPart[];
  sources: DiffPart[];
  key?: { from: boolean; to: boolean };
  changed: boolean;
}

type Version = Pick<Report, "title" | "body" | "events" | "sources" | "key">;

export function diffReports(before: Version, after: Version, describe: (event: Report["events"][number]) => string): ReportDiff {
  const parts = (changes: { value: string | string[]; added?: boolean; removed?: boolean }[]): DiffPart[] =>
    changes.flatMap((c) =>
      Array.isArray(c.value)
        ? c.value.map((value) => ({ value, added: c.added || undefined, removed: c.removed || undefined }))
        : [{ value: c.value, added: c.added || undefined, removed: c.removed || undefined }],
    );
  const title = parts(diffWords(before.title, after.title));
  const body = parts(diffWords(before.body, after.body));
  const events = parts(diffArrays(before.events.map(describe), after.events.map(describe)));
  const sources = parts(
    diffArrays(
      before.sources.map((s) => s.name + (s.url ? ` <${s.url}>` : "")),
      after.sources.map((s) => s.name + (s.url ? ` <${s.url}>` : "")),
    ),
  );
  const key = before.key !== after.key ? { from: before.key, to: after.key } : undefined;
  const changed = [title, body, events, sources].some((list) => list.some((p) => p.added || p.removed)) || key !== undefined;
  return { title, body, events, sources, ...(key ? { key } : {}), changed };
}
