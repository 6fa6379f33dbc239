/** What several benchmarks share: the median of their timings and the machine's CPU as they report it. */
import fs from "node:fs";
import os from "node:os";

export const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** The CPU's model name (/proc/cpuinfo, else Node's), for a benchmark's header. */
export function cpuModel(): string {
  try {
    return /model name\s*:\s*(.+)/.exec(fs.readFileSync("/proc/cpuinfo", "utf8"))?.[1]?.trim() ?? os.cpus()[0]?.model ?? "unknown CPU";
  } catch {
    return os.cpus()[0]?.model ?? "unknown CPU";
  }
}
