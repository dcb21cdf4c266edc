/**
 * Calendar days as the school lives them: Beijing time (UTC+8, no daylight
 * saving). A deadline day ends at 23:59:59.999 Beijing time.
 */
const OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** 00:00 Beijing time on a YYYY-MM-DD day. */
export function beijingStartOfDay(ymd: string): Date {
  return new Date(Date.parse(`${ymd}T00:00:00Z`) - OFFSET_MS);
}

/** The last millisecond of a YYYY-MM-DD day in Beijing time. */
export function beijingEndOfDay(ymd: string): Date {
  return new Date(beijingStartOfDay(ymd).getTime() + DAY_MS - 1);
}

/** The Beijing calendar day of an instant, as YYYY-MM-DD. */
export function beijingDay(d: Date): string {
  return new Date(d.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** Whether a string is a real YYYY-MM-DD calendar day (not 2026-02-30). */
export function isCalendarDay(ymd: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(ymd)) return false;
  const t = Date.parse(`${ymd}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === ymd;
}

/** A YYYY-MM-DD day `n` days later (or earlier, for negative n). */
export function addDays(ymd: string, n: number): string {
  return new Date(Date.parse(`${ymd}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** The same day `n` months later; a day the month does not have becomes its last (01-31 + 1 → 02-28). */
export function addMonths(ymd: string, n: number): string {
  const [y, m, d] = ymd.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + n, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, last));
  return target.toISOString().slice(0, 10);
}
