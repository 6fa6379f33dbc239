/**
 * The small vocabulary the drawn snapshots (issue #17: snapshot.svg and .png) are written in: escaping
 * for text and attributes (names come from editors and gazetteers; one `<` or `&` would make the whole
 * document unreadable), rounded numbers (a 1200-pixel image needs no more than tenths), and text widths.
 * The server has no browser to measure text, so widths are estimated from the bundled font's own
 * advance widths (Noto Sans, per printable ASCII character; a fair average for the rest); labels are
 * placed and names shortened with them, with room to spare.
 */

/**
 * The font families the drawing names: the bundled Noto Sans for Latin, Greek and Cyrillic, Noto Sans
 * Arabic for Arabic place names (server/services/snapshots/internal/bundled-fonts.ts), then whatever a
 * browser showing the SVG has.
 */
export const FONT_FAMILY = "'Noto Sans', 'Noto Sans Arabic', sans-serif";

/** Characters XML 1.0 does not allow at all (control characters, lone surrogates, U+FFFE/U+FFFF). */
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text as element content or an attribute value: the five XML specials escaped, what XML cannot hold dropped. */
export function escapeXml(text: string): string {
  return text.replace(NOT_XML, "").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}

/** A coordinate or length as written: at most one decimal, no `-0`. */
export const num = (n: number): string => {
  const rounded = Math.round(n * 10) / 10;
  return Object.is(rounded, -0) ? "0" : String(rounded);
};

type AttrValue = string | number | undefined | null | false;
/** ` a="1" b="x"`: numbers rounded, strings escaped, absent values left out. */
export function attrs(values: Record<string, AttrValue>): string {
  let out = "";
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined || value === null || value === false) continue;
    out += ` ${name}="${typeof value === "number" ? num(value) : escapeXml(value)}"`;
  }
  return out;
}

/** One element; `children` is markup already (escape text with escapeXml or use `text`). */
export const el = (name: string, values: Record<string, AttrValue>, children?: string): string =>
  children === undefined ? `<${name}${attrs(values)}/>` : `<${name}${attrs(values)}>${children}</${name}>`;

/** A `<text>` element holding `content`, escaped. */
export const textEl = (values: Record<string, AttrValue>, content: string): string => el("text", values, escapeXml(content));

/**
 * Advance widths of the printable ASCII characters (space to `~`) in thousandths of an em, read from
 * the bundled Noto Sans Regular and Bold (their hmtx tables). Semi-bold is measured as bold: a little
 * wide, which errs on the side of room.
 */
const ASCII_REGULAR = [
  260, 269, 408, 646, 572, 831, 732, 225, 300, 300, 551, 572, 268, 322, 268, 372, 572, 572, 572, 572, 572, 572, 572, 572, 572, 572, 268, 268, 572, 572, 572,
  434, 899, 639, 650, 632, 730, 556, 519, 728, 741, 339, 273, 619, 524, 907, 760, 781, 605, 781, 622, 549, 556, 731, 600, 930, 586, 566, 572, 329, 372, 329,
  572, 444, 281, 561, 615, 480, 615, 564, 344, 615, 618, 258, 258, 534, 258, 935, 618, 605, 615, 615, 413, 479, 361, 618, 508, 786, 529, 510, 470, 380, 551,
  380, 572,
];
const ASCII_BOLD = [
  260, 282, 479, 646, 572, 902, 750, 266, 339, 339, 542, 572, 285, 320, 281, 415, 572, 572, 572, 572, 572, 572, 572, 572, 572, 572, 281, 285, 572, 572, 572,
  477, 898, 692, 665, 642, 732, 560, 549, 724, 765, 389, 331, 664, 559, 943, 813, 791, 621, 791, 656, 551, 577, 756, 650, 967, 670, 626, 579, 331, 415, 331,
  572, 411, 365, 599, 632, 516, 632, 597, 387, 632, 650, 299, 298, 620, 298, 975, 650, 625, 632, 632, 447, 502, 434, 650, 571, 856, 578, 571, 493, 394, 551,
  394, 572,
];
/** Thousandths of an em for what the tables do not hold: accented Latin and the like, Arabic (joined), wide scripts. */
const OTHER = 600;
const ARABIC = 500;
const WIDE = 1000;

/** The width in pixels `text` takes at `sizePx` (an estimate; see the module's comment). */
export function textWidth(text: string, sizePx: number, weight = 400): number {
  const table = weight >= 600 ? ASCII_BOLD : ASCII_REGULAR;
  let units = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code >= 32 && code < 127) units += table[code - 32]!;
    else if (code >= 0x0300 && code < 0x0370)
      continue; // combining marks
    else if (code >= 0x0600 && code < 0x0700) units += ARABIC;
    else if (code >= 0x1100 && (code < 0x1200 || (code >= 0x2e80 && code < 0xa000) || (code >= 0xac00 && code < 0xd7a4) || code >= 0x1f000)) units += WIDE;
    else units += OTHER;
  }
  return (units / 1000) * sizePx;
}

/** `text` shortened with an ellipsis to fit `maxPx` (whole when it fits; "" when not even one letter does). */
export function fitText(text: string, maxPx: number, sizePx: number, weight = 400): string {
  if (textWidth(text, sizePx, weight) <= maxPx) return text;
  const chars = [...text];
  for (let keep = chars.length - 1; keep > 0; keep--) {
    const shortened = `${chars.slice(0, keep).join("").trimEnd()}…`;
    if (textWidth(shortened, sizePx, weight) <= maxPx) return shortened;
  }
  return "";
}
