// The Camelot wheel's colours: each hour of the wheel has the hue it has on the Mixed In Key wheel, from teal at 1
// through green, yellow, orange, red, pink, magenta, purple and blue to cyan at 12; minor keys (A, the inner ring)
// in a lighter tint, major keys (B, the outer ring) in a deeper one. The badge's dark text must stay readable on it
// (WCAG 2.1 contrast of at least 4.5:1), so a hue too dark for that, such as the blues of 10B and 11B, is lightened
// until it is.

const HUES = [168, 128, 84, 52, 30, 4, 338, 300, 270, 236, 210, 190];

/** The Camelot code of a key as the API gives it (8A, 12B), upper-cased, or null when it is not one. */
export function camelotCode(key: unknown): string | null {
  if (typeof key !== 'string') {
    return null;
  }
  const match = /^(1[0-2]|[1-9])([AB])$/i.exec(key.trim());
  return match ? `${match[1]}${match[2].toUpperCase()}` : null;
}

/** The text colour of every badge. */
export const BADGE_TEXT = '#111111';
const BADGE_TEXT_LUMINANCE = luminance([0x11, 0x11, 0x11]);
const MIN_CONTRAST = 4.6;

/** The background colour of a Camelot code's badge. */
export function camelotColour(code: string): string {
  const hour = parseInt(code, 10);
  const minor = code.endsWith('A');
  const hue = HUES[hour - 1];
  const saturation = minor ? 70 : 78;
  let lightness = minor ? 72 : 60;
  while (lightness < 95 && contrast(luminance(hslToRgb(hue, saturation, lightness)), BADGE_TEXT_LUMINANCE)
      < MIN_CONTRAST) {
    lightness += 1;
  }
  return `hsl(${hue} ${saturation}% ${lightness}%)`;
}

function hslToRgb(hue: number, saturation: number, lightness: number): [number, number, number] {
  const s = saturation / 100;
  const l = lightness / 100;
  const a = s * Math.min(l, 1 - l);
  const channel = (n: number) => {
    const k = (n + hue / 30) % 12;
    return Math.round(255 * (l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1))));
  };
  return [channel(0), channel(8), channel(4)];
}

/** Relative luminance of an sRGB colour, WCAG 2.1. */
function luminance(rgb: [number, number, number]): number {
  const [r, g, b] = rgb.map((value) => {
    const c = value / 255;
    return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: number, b: number): number {
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}
