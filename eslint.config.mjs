import next from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...next,
  ...nextTs,
  {
    ignores: [".next/**", ".tmp/**", "node_modules/**", "server/db/generated/**", "test-results/**", "playwright-report/**", "next-env.d.ts"],
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // next.config.js stays CommonJS (package.json has no "type"; see DESIGN.md on Next 16 builds).
    files: ["next.config.js"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    // Tests read loosely typed JSON responses.
    files: ["tests/**"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  {
    // Components and pages never reach into the server's database layer.
    files: ["components/**", "app/**/*.tsx"],
    rules: { "no-restricted-imports": ["error", { patterns: ["**/server/db/**", "@prisma/*"] }] },
  },
];

export default config;
