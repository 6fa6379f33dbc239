/**
 * The fonts a PNG snapshot is drawn with, shipped as npm packages so that the picture never depends on
 * the machine (docs/decisions/0027-snapshot-images.md): Noto Sans (Latin, Greek, Cyrillic) and Noto
 * Sans Arabic (the places' Arabic names), both under the SIL Open Font License 1.1, as the static TTF
 * files of @expo-google-fonts (resvg reads TrueType/OpenType, not the WOFF2 most font packages ship).
 * The weights are those the drawing uses: 400 (and its italic, for places abroad), 600 and 700.
 */
import { packageFile } from "../../../package-file";

const FILES = [
  "@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf",
  "@expo-google-fonts/noto-sans/400Regular_Italic/NotoSans_400Regular_Italic.ttf",
  "@expo-google-fonts/noto-sans/600SemiBold/NotoSans_600SemiBold.ttf",
  "@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf",
  "@expo-google-fonts/noto-sans-arabic/400Regular/NotoSansArabic_400Regular.ttf",
  "@expo-google-fonts/noto-sans-arabic/700Bold/NotoSansArabic_700Bold.ttf",
];

/** The family text falls back to when the SVG names none the rasteriser has. */
export const DEFAULT_FONT_FAMILY = "Noto Sans";

let resolved: string[] | undefined;
/** Absolute paths of the bundled font files (resolved once; a missing package fails loudly here, not as blank text). */
export function bundledFontFiles(): string[] {
  resolved ??= FILES.map(packageFile);
  return resolved;
}
