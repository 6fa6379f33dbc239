import { execFileSync } from "node:child_process";

/** The commit measured (and whether the tree had changes on top of it, other than the benchmark's own page). */
export function codeVersion(): string {
  try {
    const commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
    const dirty = execFileSync("git", ["status", "--porcelain", "--untracked-files=no", "--", ".", ":!docs/BENCHMARKS.md"], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    }).trim();
    return dirty ? `${commit} with uncommitted changes` : commit;
  } catch {
    return "not recorded (no git)";
  }
}
