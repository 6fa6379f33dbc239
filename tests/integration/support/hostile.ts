/**
 * fast-check arbitraries for hostile input: wrong types, huge strings, deep nesting, prototype keys,
 * control characters, markup, bad dates, unknown slugs, invalid UTF-8 and percent-encoding.
 */
import fc from "fast-check";

export const NASTY_STRINGS = [
  "",
  " ",
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "hasOwnProperty",
  "<img src=x onerror=alert(1)>",
  "<script>alert(1)</script>",
  "javascript:alert(1)",
  "=cmd|' /C calc'!A0",
  "\u0000",
  "a\u0000b",
  "\u001b[31m",
  "\u202eevil",
  "\ud800",
  "\udfff\ud800",
  "\uffff",
  '\'; DROP TABLE "Report"; --',
  '" OR 1=1 --',
  "%00",
  "%",
  "%E0%A4%A",
  "../../etc/passwd",
  "2024-02-30T00:00:00Z",
  "2024-12-07T25:61:00Z",
  "9999-12-31T23:59:59Z",
  "+275760-09-13T00:00:00.000Z",
  "-000001-01-01T00:00:00Z",
  "0000-00-00T00:00:00Z",
  "2024-12-07T12:00:00+99:99",
  "NaN",
  "Infinity",
  "-0",
  "1e309",
  "9007199254740993",
  "null",
  "true",
  "[]",
  "{}",
  "hama",
  "atlantis",
  "homs",
  "hts",
  "HOMS",
  "homs ",
  "x".repeat(65),
  "é".repeat(5000),
  "😀".repeat(3000),
];

const hugeString = fc.constantFrom(2_000, 20_001, 70_000, 300_000).map((n) => "x".repeat(n));

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 20 }) },
  { weight: 1, arbitrary: hugeString },
);

const hostileKey = fc.oneof(
  fc.constantFrom("__proto__", "constructor", "prototype", "title", "events", "version", "role", "type", "place", "0", ""),
  fc.string({ maxLength: 8 }),
);

const hostileNumber = fc.oneof(fc.integer(), fc.double(), fc.constantFrom(0, -1, 1.5, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, 2 ** 31, -(2 ** 63)));

/** Any JSON value, biased towards nasty leaves and small nesting. */
export const hostileValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    hostileString,
    hostileNumber,
    fc.boolean(),
    fc.constant(null),
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(hostileKey, tie("value"), { maxKeys: 4 }),
  ),
})).value;

/** Nested arrays or objects, deeper than any validator should walk. */
export function deepNesting(depth: number, kind: "array" | "object"): string {
  return kind === "array" ? "[".repeat(depth) + "]".repeat(depth) : '{"a":'.repeat(depth) + "1" + "}".repeat(depth);
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function paths(value: Json, prefix: (string | number)[] = []): (string | number)[][] {
  const here = prefix.length ? [prefix] : [];
  if (Array.isArray(value)) return [...here, ...value.flatMap((item, i) => paths(item, [...prefix, i]))];
  if (value && typeof value === "object") return [...here, ...Object.entries(value).flatMap(([key, item]) => paths(item, [...prefix, key]))];
  return here;
}

/**
 * A valid template with one or two of its fields replaced, removed, or wrapped, or an extra hostile
 * key added: near misses are what reach deep into validation and services.
 */
export function mutated(template: Json): fc.Arbitrary<unknown> {
  const all = paths(template);
  if (all.length === 0) return hostileValue;
  const change = fc.record({
    path: fc.constantFrom(...all),
    how: fc.constantFrom("set", "delete", "wrap", "extra"),
    value: hostileValue,
    key: hostileKey,
  });
  return fc.array(change, { minLength: 1, maxLength: 2 }).map((changes) => {
    const copy = JSON.parse(JSON.stringify(template)) as Json;
    for (const { path, how, value, key } of changes) {
      const parent = path
        .slice(0, -1)
        .reduce<Json | undefined>((node, part) => (node && typeof node === "object" ? (node as Record<string, Json>)[part as string] : undefined), copy);
      if (!parent || typeof parent !== "object") continue;
      const last = path.at(-1)! as string;
      const target = parent as Record<string, Json>;
      if (how === "set") target[last] = value as Json;
      else if (how === "delete") delete target[last];
      else if (how === "wrap") target[last] = [target[last] ?? null];
      // defineProperty: an own "__proto__" key, as JSON.parse would make it, not a prototype change.
      else Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
    }
    return copy;
  });
}

/** Raw bodies that are not a JSON object at all. */
export const RAW_BODIES: { body: Buffer | string; contentType?: string }[] = [
  { body: Buffer.from([0xff, 0xfe, 0xfd]) },
  { body: Buffer.concat([Buffer.from('{"title":"'), Buffer.from([0xc3, 0x28]), Buffer.from('"}')]) },
  { body: Buffer.from([0xed, 0xa0, 0x80]) },
  { body: "\ufeff{}" },
  { body: '{"title": "x",' },
  { body: "{'title': 'x'}" },
  { body: "null" },
  { body: "1" },
  { body: '"a string"' },
  { body: "[]" },
  { body: "{}" },
  { body: "NaN" },
  { body: '{"a":1,"a":2}' },
  { body: '{"__proto__":{"role":"admin","isAdmin":true}}' },
  { body: '{"constructor":{"prototype":{"polluted":true}}}' },
  { body: deepNesting(100_000, "array") },
  { body: deepNesting(40_000, "object") },
  { body: `{"events":${deepNesting(50_000, "array")}}` },
  { body: "1".repeat(200_000) },
  { body: "{}", contentType: "text/plain" },
  { body: "{}", contentType: "application/json; charset=latin1" },
  { body: "{}", contentType: "multipart/form-data; boundary=x" },
  { body: "{}", contentType: "application/x-www-form-urlencoded" },
  { body: "{}", contentType: "" },
];

/** Hostile path segments for :id parameters (sent as is, some not valid percent-encoding). */
export const HOSTILE_IDS = [
  "does-not-exist",
  "%",
  "%E0%A4%A",
  "%FF",
  "%00",
  "%2e%2e%2f%2e%2e",
  "..",
  "__proto__",
  "constructor",
  "x".repeat(5000),
  "%F0%9F%98%80",
  "'%20OR%201=1",
  "%3Cscript%3E",
  "1",
  "-1",
  "null",
];

/** Hostile query strings: known parameter names with hostile values, unknown names, broken encodings. */
export function hostileQuery(knownKeys: string[]): fc.Arbitrary<string> {
  const key = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...knownKeys) },
    { weight: 1, arbitrary: fc.constantFrom("__proto__", "constructor", "", "a[b]", "a.b") },
  );
  const value = fc.oneof(
    { weight: 3, arbitrary: hostileString.filter((s) => s.length < 10_000).map((s) => encodeURIComponent(s.replace(/[\ud800-\udfff]/g, "\ufffd"))) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        "%",
        "%E0%A4%A",
        "%FF%FE",
        "%00",
        "a%2Cb%2C%2C",
        ",,,",
        "-1",
        "1e999",
        "0x10",
        "2024-12-07",
        "2024-12-07T12:00:00Z,2024-12-08T12:00:00Z",
      ),
    },
  );
  return fc.array(fc.tuple(key, value), { minLength: 1, maxLength: 4 }).map((pairs) => pairs.map(([k, v]) => `${encodeURIComponent(k)}=${v}`).join("&"));
}
