/**
 * One POST of a webhook body: node's http(s).request with the guarded lookup (target-address.ts), a
 * deadline for the whole exchange, no redirects followed (a 3xx is not a delivery), and at most 64 KB of
 * the answer read (then dropped). Never throws: the outcome is the status, or why there was none.
 */
import http from "node:http";
import https from "node:https";
import { guardedLookup, literalProblem } from "./target-address";

export interface PostOutcome {
  status: number | null;
  error: string | null;
  durationMs: number;
}

const ANSWER_READ_MAX = 64 * 1024;

export function postDelivery(
  url: string,
  body: string,
  headers: Record<string, string>,
  options: { allowHosts: readonly string[]; timeoutMs: number; signal?: AbortSignal },
): Promise<PostOutcome> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const literal = literalProblem(url, options.allowHosts);
  if (literal) return Promise.resolve({ status: null, error: literal, durationMs: 0 });
  return new Promise((resolve) => {
    let settled = false;
    const settle = (outcome: Omit<PostOutcome, "durationMs">) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      resolve({ ...outcome, durationMs: elapsed() });
    };
    const target = new URL(url);
    const request = (target.protocol === "https:" ? https : http).request(target, {
      method: "POST",
      headers: { "content-type": "application/json", "content-length": String(Buffer.byteLength(body)), "user-agent": "SituationDesk-Webhook/1", ...headers },
      lookup: guardedLookup(options.allowHosts),
      agent: false,
    });
    const deadline = setTimeout(() => {
      request.destroy();
      settle({ status: null, error: `no answer within ${Math.round(options.timeoutMs / 1000)} s` });
    }, options.timeoutMs);
    options.signal?.addEventListener(
      "abort",
      () => {
        request.destroy();
        settle({ status: null, error: "stopped: the server is shutting down" });
      },
      { once: true },
    );
    request.on("response", (response) => {
      let read = 0;
      response.on("data", (chunk: Buffer) => {
        read += chunk.length;
        if (read > ANSWER_READ_MAX) response.destroy();
      });
      const done = () => {
        const status = response.statusCode ?? 0;
        settle({ status, error: status >= 200 && status < 300 ? null : `the receiver answered ${status}` });
      };
      response.on("end", done);
      response.on("close", done);
      response.on("error", done);
    });
    request.on("error", (error: NodeJS.ErrnoException) => settle({ status: null, error: (error.code ? `${error.code}: ` : "") + error.message.slice(0, 300) }));
    request.end(body);
  });
}
