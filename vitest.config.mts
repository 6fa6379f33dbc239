import { defineConfig } from "vitest/config";

/** In CI each run also writes a JSON report, summed up by scripts/ci-summary.mjs. */
const ciReporters = process.env.CI
  ? [["json", { outputFile: `test-results/vitest-${process.env.npm_lifecycle_event ?? "run"}.json`.replace(":", "-") }] as const]
  : [];

export default defineConfig({
  resolve: { alias: { "@": import.meta.dirname } },
  test: {
    reporters: ["default", ...ciReporters],
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["lib/**/*.test.ts", "server/**/*.test.ts", "components/**/*.test.ts", "components/**/*.test.tsx"],
          environment: "node",
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          // Each file starts its own server processes on port 0 with its own database file.
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: true,
          maxWorkers: 2,
        },
      },
      {
        extends: true,
        test: {
          // `npm run test:scale`: real nodes on PostgreSQL + Redis (not part of `npm test`).
          name: "scale",
          include: ["tests/scale/**/*.test.ts"],
          environment: "node",
          testTimeout: 180_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
