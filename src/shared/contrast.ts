/**
 * Text on a brand's colour: WCAG 2.x relative luminance and contrast ratio, and the one of black
 * or white that reads better on it. One of the two always reaches 4.5:1 (the worst case, a
 * mid-grey of luminance ≈ 0.18, still gives 4.58:1), so any hex colour is usable as a background.
 * Shared by the server (it answers the text colour with the brand) and the web (the live preview).
 */
export const HEX_COLOUR = /^#[0-9a-fA-F]{6}$/;

function channel(hex: string, at: number): number {
  const c = parseInt(hex.slice(at, at + 2), 16) / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

export function relativeLuminance(hex: string): number {
  return 0.2126 * channel(hex, 1) + 0.7152 * channel(hex, 3) + 0.0722 * channel(hex, 5);
}

export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** Black or white, whichever contrasts more with `background` (a `#rrggbb` colour). */
export function textColourOn(background: string): '#000000' | '#ffffff' {
  return contrastRatio(background, '#000000') >= contrastRatio(background, '#ffffff') ? '#000000' : '#ffffff';
}
