/** Structured one-line JSON logs on stdout/stderr. */
export type LogLevel = "silent" | "error" | "info" | "debug";
const ORDER: Record<LogLevel, number> = { silent: 0, error: 1, info: 2, debug: 3 };

export interface Logger {
  error(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  debug(message: string, fields?: Record<string, unknown>): void;
}

/**
 * Log streams whose reader went away (the terminal closed, the supervisor or the test that read the pipe
 * exited: EPIPE). The server goes on serving without writing there. Left unhandled, the stream's error
 * became an uncaught exception, which Next's handler logs to the same broken stream, whose error became
 * another: a server left without its log pipe spun at ~80 % of a core forever and ignored SIGTERM
 * (tests/integration/log-pipe-gone.test.ts).
 */
const gone = new Set<NodeJS.WriteStream>();
let watching = false;
function letBrokenStreamsGo(): void {
  if (watching) return;
  watching = true;
  for (const stream of [process.stdout, process.stderr]) stream.on("error", () => gone.add(stream));
}

export function createLogger(level: LogLevel): Logger {
  letBrokenStreamsGo();
  const write = (at: Exclude<LogLevel, "silent">, message: string, fields?: Record<string, unknown>) => {
    if (ORDER[at] > ORDER[level]) return;
    const stream = at === "error" ? process.stderr : process.stdout;
    if (gone.has(stream)) return;
    stream.write(JSON.stringify({ level: at, time: new Date().toISOString(), msg: message, ...fields }) + "\n");
  };
  return {
    error: (message, fields) => write("error", message, fields),
    info: (message, fields) => write("info", message, fields),
    debug: (message, fields) => write("debug", message, fields),
  };
}
