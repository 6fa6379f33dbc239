/** Starts Situation Desk: one process, one port, pages + /api + Socket.IO. */
import "./source-maps-off";
import type { AddressInfo } from "node:net";
import { createAppServer } from "./app-server";
import { StartupError } from "./errors";
import { loadEnv } from "./env";

async function main(): Promise<void> {
  const env = loadEnv();
  const app = await createAppServer(env);
  // A port in use (or not ours to bind) is a failed start: exit non-zero so a supervisor retries or alerts.
  app.http.once("error", (error: NodeJS.ErrnoException) => {
    const reason =
      error.code === "EADDRINUSE"
        ? "is already in use by another program"
        : error.code === "EACCES"
          ? "needs privileges this user lacks"
          : `cannot be used (${error.code ?? error.message})`;
    process.stderr.write(`Cannot listen on ${env.HOST}:${env.PORT}: the port ${reason}. Stop the other program or set PORT to a free port.\n`);
    void app.close().finally(() => process.exit(1));
  });
  app.http.listen(env.PORT, env.HOST, () => {
    const { port } = app.http.address() as AddressInfo;
    // Tests read this line to find the port when PORT=0.
    app.context.log.info("listening", { port, url: `http://localhost:${port}`, db: env.dbProvider, demo: env.DEMO_DATA });
    if (app.setupCode) {
      // First run: the one line a newcomer needs (the code is shown here only; the database keeps its hash).
      const setupUrl = `${env.PUBLIC_URL ?? `http://localhost:${port}`}/setup?code=${app.setupCode}`;
      app.context.log.info(`No one can sign in yet. Open ${setupUrl} to create the first admin (one-time link).`, { setupUrl });
    }
  });

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    app.context.log.info("shutting down", { signal });
    void app.close().finally(() => process.exit(0));
  };
  process.on("SIGINT", () => shutdown("SIGINT"));
  process.on("SIGTERM", () => shutdown("SIGTERM"));
}

main().catch((error: unknown) => {
  // A refusal to start is said plainly; anything else with its stack.
  const text = error instanceof StartupError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(`${text}\n`);
  process.exit(1);
});
