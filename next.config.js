// @ts-check
const createNextIntlPlugin = require("next-intl/plugin");

const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Native and engine packages stay outside the route bundles; route handlers reach the one Prisma
  // client through the app context on globalThis (server/context.ts).
  serverExternalPackages: ["@node-rs/argon2", "better-sqlite3", "@prisma/adapter-better-sqlite3", "@prisma/client", "prisma", "@prisma/adapter-pg", "pg", "redis", "@socket.io/redis-streams-adapter"],
};

module.exports = withNextIntl(nextConfig);
