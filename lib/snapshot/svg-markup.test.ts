import { describe, expect, it } from "vitest";
import { attrs, escapeXml, fitText, num, textWidth } from "./svg-markup";

describe("svg markup", () => {
  it("escapes the XML specials and drops what XML 1.0 cannot hold, keeping Arabic and emoji", () => {
    expect(escapeXml(`a<b>&"c'`)).toBe("a&lt;b&gt;&amp;&quot;c&apos;");
    expect(escapeXml("x\u0000y\u0008z\ufffe\ud800!")).toBe("xyz!");
    expect(escapeXml("دمشق 🇸🇾\n\t")).toBe("دمشق 🇸🇾\n\t");
  });

  it("writes attributes rounded and escaped, leaving out absent ones", () => {
    expect(attrs({ x: 1.26, y: -0.04, id: `a"b`, hidden: undefined, off: false })).toBe(' x="1.3" y="0" id="a&quot;b"');
    expect(num(-0.01)).toBe("0");
  });

  it("measures text by the bundled font's widths and shortens names with an ellipsis to fit", () => {
    // Noto Sans Regular: "Homs" is 741 + 605 + 935 + 479 thousandths of an em.
    expect(textWidth("Homs", 10)).toBeCloseTo(27.6, 5);
    expect(textWidth("Homs", 10, 700)).toBeGreaterThan(textWidth("Homs", 10));
    expect(textWidth("دمشق", 10)).toBeGreaterThan(0);
    expect(fitText("Damascus", 1000, 12)).toBe("Damascus");
    const short = fitText("Hayat Tahrir al-Sham-led rebels", 80, 12);
    expect(short.endsWith("…")).toBe(true);
    expect(textWidth(short, 12)).toBeLessThanOrEqual(80);
    expect(fitText("Damascus", 1, 12)).toBe("");
  });
});
