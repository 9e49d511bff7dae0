/** The relative luminance of a `#rrggbb` colour (WCAG 2). */
function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** Whether a value is a colour the help center accepts. */
export const isHexColor = (value: string) => /^#[0-9a-fA-F]{6}$/.test(value);

/**
 * The contrast ratio of white text on a colour, 1–21. The help center writes white on the
 * primary colour (header, buttons); below 4.5 that text is hard to read.
 *
 * @example
 * contrastWithWhite('#1c5fd4') // ≈ 5.6
 */
export function contrastWithWhite(hex: string): number {
  if (!isHexColor(hex)) return 1;
  return 1.05 / (luminance(hex) + 0.05);
}
