// @ts-check
const createNextIntlPlugin = require("next-intl/plugin");

// Messages are compiled at build time (icu-minify), so the browser gets no ICU parser.
const withNextIntl = createNextIntlPlugin({
  requestConfig: "./i18n/request.ts",
  experimental: { messages: { format: "json", path: "./messages", locales: "infer", precompile: true } },
});

/** @type {import('next').NextConfig} */
const nextConfig = {
  // The map library's own script is served at a URL that names this version (components/map/map-library-boot.ts).
  env: { NEXT_PUBLIC_MAPLIBRE_VERSION: require("maplibre-gl/package.json").version },
  reactStrictMode: true,
  poweredByHeader: false,
  // The custom server compresses (server/http/compression.ts): pages and GET answers, not write answers.
  compress: false,
  experimental: {
    // No source maps for the server's route and page chunks: the server runs under tsx, which turns on
    // Node's source maps (for server/*.ts), and Node then parsed and kept every chunk's map as it loaded
    // it: ~80 MB of a 370 MB idle server (heap snapshot: sourcesContent and mappings strings). Stack
    // traces in those chunks point into the built files. Decision 0033 (and server/source-maps-off.ts).
    serverSourceMaps: false,
  },
  // Native and engine packages stay outside the route bundles; route handlers reach the one Prisma
  // client through the app context on globalThis (server/context.ts).
  serverExternalPackages: [
    "@node-rs/argon2",
    "better-sqlite3",
    "@prisma/adapter-better-sqlite3",
    "@prisma/client",
    "prisma",
    "@prisma/adapter-pg",
    "pg",
    "redis",
    "@socket.io/redis-streams-adapter",
    // The snapshot PNGs' rasteriser: a native binary, loaded as it is (server/services/snapshots/internal/rasterise-svg.ts).
    "@resvg/resvg-js",
  ],
};

module.exports = withNextIntl(nextConfig);
