/** Pixel bounds of a drawn snapshot: from a phone's width to a 4K wall's map, never a server-sized canvas. */
export const SNAPSHOT_SIZE = { width: { min: 320, max: 4096, default: 1200 }, height: { min: 240, max: 4096, default: 800 } } as const;
/** The live map's first picture (`frame=none`) has no header or footer to fit: a narrow embed's map box is smaller. */
export const MAP_PICTURE_MIN_PX = 120;
/** A PNG's pixels are rasterised and held in memory: at most this on either side (2400×1600 takes ~0.4 s). */
export const SNAPSHOT_PNG_MAX_PX = 2400;
