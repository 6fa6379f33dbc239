import { PNG } from "pngjs";
import { describe, expect, it } from "vitest";
import { rasteriseSvg } from "./rasterise-svg";

/** Dark pixels in a row band of a decoded PNG: ink drawn on the white ground. */
function inkIn(png: PNG, top: number, bottom: number): number {
  let ink = 0;
  for (let y = top; y < bottom; y++) {
    for (let x = 0; x < png.width; x++) {
      const i = (y * png.width + x) * 4;
      if (png.data[i]! < 128 && png.data[i + 1]! < 128 && png.data[i + 2]! < 128) ink++;
    }
  }
  return ink;
}

describe("rasteriseSvg", () => {
  it("draws Latin and Arabic text with the bundled fonts only (no system fonts are loaded)", async () => {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="300" height="100" viewBox="0 0 300 100" font-family="'Noto Sans', 'Noto Sans Arabic', sans-serif">
      <rect width="300" height="100" fill="#fff"/>
      <text x="10" y="40" font-size="24" fill="#000">Damascus</text>
      <text x="10" y="85" font-size="24" fill="#000">دمشق حمص</text>
    </svg>`;
    const bytes = await rasteriseSvg(svg);
    expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    const png = PNG.sync.read(bytes);
    expect([png.width, png.height]).toEqual([300, 100]);
    // Both lines have ink: a missing font would leave the Arabic line (or both) blank.
    expect(inkIn(png, 15, 50)).toBeGreaterThan(200);
    expect(inkIn(png, 60, 100)).toBeGreaterThan(150);
  });
});
