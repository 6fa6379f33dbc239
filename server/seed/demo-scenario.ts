/**
 * The demo scenario (prisma/seed/demo-scenario.json) and the part of it a first start holds back: its
 * last day, which `npm run demo:replay` posts as live news so a newcomer sees the map, charts, feed and
 * wall move without writing a script.
 */
import scenario from "../../prisma/seed/demo-scenario.json";

export type DemoReport = (typeof scenario.reports)[number];

const dayOf = (iso: string) => iso.slice(0, 10);

/** Splits the reports (in publication order) into those loaded on a first start and the held-back last day. */
export function splitDemoReports(reports: readonly DemoReport[] = scenario.reports): { loaded: DemoReport[]; heldBack: DemoReport[] } {
  const lastDay = dayOf(reports.at(-1)?.publishedAt ?? "");
  return { loaded: reports.filter((r) => dayOf(r.publishedAt) !== lastDay), heldBack: reports.filter((r) => dayOf(r.publishedAt) === lastDay) };
}

export const demoReports = scenario.reports;
