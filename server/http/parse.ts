/** Request parsing for route handlers: size-limited JSON bodies and query strings, validated with zod. */
import type { z } from "zod";
import { zodDetails } from "../../lib/schemas/zod-details";
import { AppError, invalid } from "../errors";
import { IDEMPOTENCY_KEY_MAX } from "../../lib/schemas/reports";

/** Largest accepted JSON body: a report with 100 events and a long body fits with room to spare. */
export const BODY_MAX_BYTES = 256 * 1024;

function validationError(error: z.ZodError, what: string): AppError {
  const details = zodDetails(error);
  const first = details[0]!;
  const summary = details.length === 1 ? `${first.path || what} ${first.message}` : `${details.length} problems, first: ${first.path || what} ${first.message}`;
  return invalid(`Invalid ${what}: ${summary}.`, details);
}

export function parseWith<S extends z.ZodType>(schema: S, value: unknown, what: string): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw validationError(result.error, what);
  return result.data;
}

export async function readJson<S extends z.ZodType>(request: Request, schema: S): Promise<z.infer<S>> {
  return parseWith(schema, await readJsonValue(request), "request body");
}

/** The JSON body as sent (size, media type, syntax and NUL checked), for a schema applied by the caller. */
export async function readJsonValue(request: Request): Promise<unknown> {
  const type = request.headers.get("content-type");
  if (type && !/^application\/([\w.+-]+\+)?json\b/i.test(type)) {
    throw new AppError("unsupported_media_type", `Send JSON: Content-Type must be application/json, not '${type.slice(0, 80)}'.`);
  }
  const text = await readTextWithin(request, BODY_MAX_BYTES);
  if (text.trim() === "") throw invalid("The request body is empty; send a JSON object.");
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw invalid(`The request body is not valid JSON (${(error as Error).message.slice(0, 120)}).`);
  }
  const nul = nulAt(value);
  if (nul !== null)
    throw invalid(`Invalid request body: ${nul || "the body"} must not contain a NUL character (\\u0000).`, [
      { path: nul, message: "must not contain \\u0000" },
    ]);
  return value;
}

/**
 * Where a string (a value or a key) holds U+0000, as a dotted path ("" for the body itself), or null.
 * PostgreSQL's text cannot store it, and no field needs it. A loop, not recursion: bodies may nest deeply.
 */
export function nulAt(body: unknown): string | null {
  const stack: [unknown, string][] = [[body, ""]];
  const at = (path: string, key: string | number) => (path ? `${path}.${key}` : String(key));
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [value, path] = next;
    if (typeof value === "string") {
      if (value.includes("\0")) return path;
    } else if (value && typeof value === "object") {
      for (const [key, item] of Object.entries(value)) {
        if (key.includes("\0")) return at(path, key.replaceAll("\0", "\\u0000"));
        stack.push([item, at(path, key)]);
      }
    }
  }
  return null;
}

export function readQuery<S extends z.ZodType>(request: Request, schema: S): z.infer<S> {
  const params = new URL(request.url).searchParams;
  const query: Record<string, string> = {};
  for (const key of new Set(params.keys())) query[key] = params.getAll(key).join(",");
  return parseWith(schema, query, "query");
}

/**
 * A body read as it arrives, for uploads too large to hold (imports): the chunks, and a 413 as soon as
 * more than `maxBytes` came (or were declared).
 */
export async function* bodyChunks(request: Request, maxBytes: number): AsyncGenerator<Uint8Array> {
  const tooLarge = () => new AppError("payload_too_large", `The file is larger than ${Math.round(maxBytes / 1024 / 1024)} MiB; split it.`);
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge();
  if (!request.body) return;
  const reader = request.body.getReader();
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read().catch(() => {
        throw invalid("The upload was cut off before its end (the connection closed).");
      });
      if (done) return;
      size += value.byteLength;
      if (size > maxBytes) throw tooLarge();
      yield value;
    }
  } finally {
    await reader.cancel().catch(() => {});
  }
}

async function readTextWithin(request: Request, maxBytes: number): Promise<string> {
  const tooLarge = () => new AppError("payload_too_large", `The request body is larger than ${maxBytes / 1024} KiB.`);
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge();
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw invalid("The request body is not valid UTF-8.");
  }
}

/** The `Idempotency-Key` header (1 to IDEMPOTENCY_KEY_MAX characters), if sent. */
export function readIdempotencyKey(request: Request): string | undefined {
  const key = request.headers.get("idempotency-key") ?? undefined;
  if (key !== undefined && (key.length === 0 || key.length > IDEMPOTENCY_KEY_MAX)) {
    throw invalid(`Idempotency-Key must be 1 to ${IDEMPOTENCY_KEY_MAX} characters.`, [
      { path: "Idempotency-Key", message: `must be 1 to ${IDEMPOTENCY_KEY_MAX} characters` },
    ]);
  }
  return key;
}
