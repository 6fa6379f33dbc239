/** The `<iframe>` an article pastes (the desk's Share) or an oEmbed consumer gets: 100% wide up to `width`. */
export function iframeCode({ src, title, width, height }: { src: string; title: string; width: number; height: number }): string {
  return (
    `<iframe src="${escapeAttribute(src)}" title="${escapeAttribute(title)}" width="${width}" height="${height}" ` +
    `style="border:0;width:100%;max-width:${width}px" loading="lazy" referrerpolicy="no-referrer"></iframe>`
  );
}

const escapeAttribute = (value: string) => value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
