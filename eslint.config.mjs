import next from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import tseslint from "typescript-eslint";

const TS = ["**/*.ts", "**/*.tsx"];

const config = [
  ...next,
  ...nextTs,
  {
    ignores: [
      ".next/**",
      ".tmp/**",
      "node_modules/**",
      "server/db/generated/**",
      "server/db/generated-pg/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
    ],
  },
  // Type-aware rules (typescript-eslint's recommendedTypeChecked): a promise nobody awaits or catches,
  // a promise where a callback's return is ignored, unsafe `any`, needless assertions.
  ...tseslint.configs.recommendedTypeChecked.map((config) => ({ ...config, files: TS })),
  {
    files: TS,
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      // React event attributes may take async handlers (React ignores the promise; errors are handled inside).
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
      // Route handlers, fixtures and callbacks are async by their contract, whether or not they await.
      "@typescript-eslint/require-await": "off",
      // react-hook-form's and TanStack's methods are made to be destructured (bound by the library).
      "@typescript-eslint/unbound-method": "off",
    },
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
    files: ["tests/**", "**/*.test.ts", "bench/**"],
    rules: {
      "@typescript-eslint/no-explicit-any": "off",
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-argument": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/no-unsafe-return": "off",
    },
  },
  {
    // Components and pages never reach into the server's database layer.
    files: ["components/**", "app/**/*.tsx"],
    rules: { "no-restricted-imports": ["error", { patterns: ["**/server/db/**", "@prisma/*"] }] },
  },
];

export default config;
