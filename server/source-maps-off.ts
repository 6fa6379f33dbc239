/**
 * Node's source maps off in production, imported first by server/index.ts so that it runs before
 * anything else loads (`npm run dev` keeps them, for stack traces with TypeScript lines). tsx turns them
 * on (`--import tsx`), and with them on Node reads, parses and keeps the map of every module it loads:
 * Next's own `dist` files' maps (with their TypeScript sources) and the inline map tsx writes into each
 * file it compiles. That was ~25-55 MB of an idle server's RSS
 * (decision 0033). Stack traces name the right files and functions; their line numbers are those of the
 * compiled JavaScript.
 */
if (process.env.NODE_ENV === "production") process.setSourceMapsEnabled(false);
