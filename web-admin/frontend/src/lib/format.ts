// Numbers, durations, sizes and times as the console shows them.

/** 3:07 for 187 s; 1:02:03 past an hour; an en dash when unknown. */
export function duration(seconds: number | null | undefined): string {
  if (seconds == null || !Number.isFinite(seconds)) {
    return '–';
  }
  const whole = Math.round(seconds);
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = String(whole % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** 2 d 3 h, 5 h 12 min, 4 min 10 s: a long span, to the two largest units. */
export function span(seconds: number): string {
  const units: [number, string][] = [[86400, 'd'], [3600, 'h'], [60, 'min'], [1, 's']];
  const parts: string[] = [];
  let left = Math.max(0, Math.floor(seconds));
  for (const [size, name] of units) {
    if (left >= size || (parts.length === 0 && size === 1)) {
      parts.push(`${Math.floor(left / size)} ${name}`);
      left %= size;
    }
    if (parts.length === 2) {
      break;
    }
  }
  return parts.join(' ');
}

/** 1.4 GB, 820 kB, 12 B (decimal units). */
export function bytes(count: number | null | undefined): string {
  if (count == null || !Number.isFinite(count)) {
    return '–';
  }
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  let value = count;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${value >= 100 || unit === 0 ? Math.round(value) : value.toFixed(1)} ${units[unit]}`;
}

// Number formats are costly to make, and the library table formats hundreds of numbers a second while it scrolls.
const formats = new Map<number, Intl.NumberFormat>();

function numberFormat(digits: number): Intl.NumberFormat {
  let made = formats.get(digits);
  if (!made) {
    made = new Intl.NumberFormat('en', { maximumFractionDigits: digits });
    formats.set(digits, made);
  }
  return made;
}

/** A number with at most `digits` decimals, or an en dash. */
export function num(value: unknown, digits = 1): string {
  return typeof value === 'number' && Number.isFinite(value) ? numberFormat(digits).format(value) : '–';
}

/** A count with thousands separators. */
export function count(value: number): string {
  return numberFormat(0).format(value);
}

/** A timestamp in the browser's time zone, to the second. */
export function dateTime(iso: string | null | undefined): string {
  if (!iso) {
    return '–';
  }
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString('en-GB', { hour12: false });
}

/** The last part of a path: the file's name. */
export function fileName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}
