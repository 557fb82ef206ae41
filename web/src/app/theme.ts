import { createTheme, DEFAULT_THEME, type MantineColorsTuple } from '@mantine/core';

/** A default Mantine palette with some shades replaced (a colour tuple keeps its ten shades). */
function withShades(name: keyof typeof DEFAULT_THEME.colors, shades: Record<number, string>): MantineColorsTuple {
  return DEFAULT_THEME.colors[name]!.map((value, i) => shades[i] ?? value) as unknown as MantineColorsTuple;
}

/**
 * Contrast (WCAG 2.2 AA, issue 14 item 9), decided here rather than page by page:
 * - filled colours (buttons, badges, the primary colour), outlines, links and `c="orange"` text use
 *   shade 8, not 6: white text on blue-8 reads at 5.7:1 (blue-6 gave 3.6:1);
 * - shade 8 of red, orange, green, teal, cyan, yellow and lime (and red-7, the error text) is darkened to at least 4.6:1 on white
 *   and 4.5:1 on the desk's gray-0 (orange-8 was 3.6:1, yellow-8 2.5:1), blue-8 to 4.6:1 on blue-1
 *   (a link inside a light blue alert);
 * - the "light" variants (badges, alerts) write in shade 9 on shade 1: shade 9 of those colours is
 *   darkened to at least 4.7:1 there (orange was 3.6:1, green 3.8:1);
 * - dimmed text (gray-6, Mantine's "dimmed") is darkened to #5f6770: 5.7:1 on white, 5.4:1 on
 *   gray-0 and 4.6:1 on blue-1 (it was 3.3:1 on white);
 * - autoContrast, luminance threshold 0.19: a filled colour still light enough (an explicit light
 *   shade) gets black text, whichever of black and white reads better.
 */
export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: { light: 8, dark: 6 },
  autoContrast: true,
  luminanceThreshold: 0.19,
  colors: {
    gray: withShades('gray', { 6: '#5f6770' }),
    blue: withShades('blue', { 8: '#1768b2' }),
    red: withShades('red', { 7: '#d93030', 8: '#d72f2f', 9: '#c32929' }),
    orange: withShades('orange', { 8: '#c24a0a', 9: '#b83d0d' }),
    green: withShades('green', { 8: '#278238', 9: '#257836' }),
    teal: withShades('teal', { 8: '#08815c', 9: '#087756' }),
    cyan: withShades('cyan', { 8: '#0b7c8f' }),
    yellow: withShades('yellow', { 8: '#a76100', 9: '#a35400' }),
    lime: withShades('lime', { 8: '#4e800b', 9: '#4a760a' }),
  },
  defaultRadius: 'md',
  fontFamily: 'Inter, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  fontFamilyMonospace: 'ui-monospace, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace',
  headings: { fontWeight: '700' },
  components: {
    Paper: { defaultProps: { shadow: 'xs' } },
  },
});
