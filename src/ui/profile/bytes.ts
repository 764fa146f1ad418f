import type { Lang } from '../messages';

const UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;

/** A size in human units for the language: "12 MB", "2 GB", "12,3 Mo" (decimal units, as browsers report). */
export function formatBytes(lang: Lang, bytes: number): string {
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1000 && unit < UNITS.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return new Intl.NumberFormat(lang, {
    style: 'unit',
    unit: UNITS[unit],
    unitDisplay: unit === 0 ? 'long' : 'short',
    maximumFractionDigits: value < 10 && unit > 0 ? 1 : 0,
  }).format(value);
}

/** The file name of a backup, dated in the earner's local calendar. */
export function backupName(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `besace-backup-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.zip`;
}
