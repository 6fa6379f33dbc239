/**
 * An init script for a browser without WebGL, as on a screen without a GPU driver: every WebGL context
 * is refused (`getContext` returns null), the other canvases work. Used by the end-to-end tests of the
 * map's picture and by `npm run bench:first-map`; it runs in the page, so it imports nothing.
 */
export function refuseWebgl() {
  const getContext = HTMLCanvasElement.prototype.getContext;
  HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, type: string, ...rest: unknown[]) {
    return /webgl/i.test(type) ? null : (getContext as (...a: unknown[]) => unknown).call(this, type, ...rest);
  } as typeof getContext;
}
