// The Camelot wheel's colours: each hour of the wheel has the hue it has on the Mixed In Key wheel, from teal at 1
// through green, yellow, orange, red, pink, magenta, purple and blue to cyan at 12; minor keys (A, the inner ring)
// in a lighter tint, major keys (B, the outer ring) in a deeper one.

const HUES = [168, 128, 84, 52, 30, 4, 338, 300, 270, 236, 210, 190];

/** The Camelot code of a key as the API gives it (8A, 12B), upper-cased, or null when it is not one. */
export function camelotCode(key: unknown): string | null {
  if (typeof key !== 'string') {
    return null;
  }
  const match = /^(1[0-2]|[1-9])([AB])$/i.exec(key.trim());
  return match ? `${match[1]}${match[2].toUpperCase()}` : null;
}

/** The background colour of a Camelot code's badge. */
export function camelotColour(code: string): string {
  const hour = parseInt(code, 10);
  const minor = code.endsWith('A');
  return `hsl(${HUES[hour - 1]} ${minor ? 70 : 78}% ${minor ? 72 : 60}%)`;
}
