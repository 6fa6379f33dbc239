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

/** The value of `--name=value` on the command line, if given. */
export const commandLineOption = (name: string, argv = process.argv): string | undefined =>
  argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);

/** `--name=N` as a whole number of at least `min`, else `fallback`; anything else is refused with the option's name. */
export function wholeNumberOption(name: string, fallback: number, min = 0, argv = process.argv): number {
  const given = commandLineOption(name, argv);
  if (given === undefined) return fallback;
  const n = Number(given);
  if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be a whole number ≥ ${min}, not ${given}`);
  return n;
}
