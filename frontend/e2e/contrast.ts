/** WCAG contrast of computed colours ("rgb(r, g, b)" or "rgba(r, g, b, a)"), for the e2e specs. */

export type Rgba = { r: number; g: number; b: number; a: number };

export function parseColour(value: string): Rgba {
  const m = /^rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+))?\s*\)$/.exec(value.trim());
  if (!m) throw new Error(`not an rgb() colour: ${value}`);
  return { r: Number(m[1]), g: Number(m[2]), b: Number(m[3]), a: m[4] === undefined ? 1 : Number(m[4]) };
}

function luminance({ r, g, b }: Rgba): number {
  const [lr = 0, lg = 0, lb = 0] = [r, g, b].map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * lr + 0.7152 * lg + 0.0722 * lb;
}

export function contrast(a: Rgba, b: Rgba): number {
  const [hi = 0, lo = 0] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

export function isWhite({ r, g, b }: Rgba): boolean {
  return r === 255 && g === 255 && b === 255;
}
