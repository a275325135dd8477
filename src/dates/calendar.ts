/**
 * Calendar dates at a stated precision (a year, a month or a day), with the arithmetic the
 * timeline and the disagreement check need: days between dates, adding days, months and years,
 * weekdays. Pure and time-zone free: a date is three numbers, never an instant.
 */

export type Precision = "year" | "month" | "day";

export interface PartialDate {
  year: number;
  /** 1-12; null at year precision. */
  month: number | null;
  /** 1-31; null unless at day precision. */
  day: number | null;
}

export interface Day {
  year: number;
  month: number;
  day: number;
}

const RANK: Record<Precision, number> = { year: 0, month: 1, day: 2 };

export function precisionOf(d: PartialDate): Precision {
  return d.day !== null ? "day" : d.month !== null ? "month" : "year";
}

/** The coarser of two precisions. */
export function coarser(a: Precision, b: Precision): Precision {
  return RANK[a] <= RANK[b] ? a : b;
}

export function finerThan(a: Precision, b: Precision): boolean {
  return RANK[a] > RANK[b];
}

/** `d` cut to `precision` (never made finer). */
export function truncate(d: PartialDate, precision: Precision): PartialDate {
  const p = coarser(precisionOf(d), precision);
  return { year: d.year, month: p === "year" ? null : d.month, day: p === "day" ? d.day : null };
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** ISO 8601 at the date's precision: "2016", "2020-11", "2020-11-09". */
export function isoDate(d: PartialDate): string {
  if (d.month === null) return pad(d.year, 4);
  if (d.day === null) return `${pad(d.year, 4)}-${pad(d.month)}`;
  return `${pad(d.year, 4)}-${pad(d.month)}-${pad(d.day)}`;
}

/** Parses "YYYY", "YYYY-MM" or "YYYY-MM-DD" (as the manifest's `published`); null otherwise. */
export function parseIsoDate(s: string | null | undefined): PartialDate | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(s ?? "");
  if (!m) return null;
  return { year: Number(m[1]), month: m[2] ? Number(m[2]) : null, day: m[3] ? Number(m[3]) : null };
}

/** Do the two dates name overlapping stretches of time (one contains the other)? */
export function compatible(a: PartialDate, b: PartialDate): boolean {
  if (a.year !== b.year) return false;
  if (a.month === null || b.month === null) return true;
  if (a.month !== b.month) return false;
  return a.day === null || b.day === null || a.day === b.day;
}

/** Days since 1970-01-01 (proleptic Gregorian). */
export function dayNumber(d: Day): number {
  return Math.round(Date.UTC(d.year, d.month - 1, d.day) / 86_400_000);
}

export function fromDayNumber(n: number): Day {
  const t = new Date(n * 86_400_000);
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

export function addDays(d: Day, days: number): Day {
  return fromDayNumber(dayNumber(d) + days);
}

/** `d` plus whole months, the day clamped to the month's length (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(d: Day, months: number): Day {
  const index = d.year * 12 + (d.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return { year, month, day: Math.min(d.day, daysInMonth(year, month)) };
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isValidDay(d: Day): boolean {
  return d.month >= 1 && d.month <= 12 && d.day >= 1 && d.day <= daysInMonth(d.year, d.month);
}

/** 0 = Sunday ... 6 = Saturday. */
export function weekdayOf(d: Day): number {
  return (((dayNumber(d) + 4) % 7) + 7) % 7;
}

export function asDay(d: PartialDate): Day | null {
  return d.month !== null && d.day !== null ? { year: d.year, month: d.month, day: d.day } : null;
}

export function dayDate(d: Day): PartialDate {
  return { year: d.year, month: d.month, day: d.day };
}

/** Sorts dates as their ISO strings do: a year before its months, a month before its days. */
export function compareDates(a: PartialDate, b: PartialDate): number {
  const x = isoDate(a);
  const y = isoDate(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** For people: "Mon 9 Nov 2020", "Nov 2020", "2016". */
export function humanDate(d: PartialDate): string {
  if (d.month === null) return String(d.year);
  if (d.day === null) return `${MONTHS[d.month - 1]} ${d.year}`;
  return `${WEEKDAYS[weekdayOf(d as Day)]} ${d.day} ${MONTHS[d.month - 1]} ${d.year}`;
}

/** "9 Nov 2020", short, for saying which article's date a relative date was read against. */
export function shortDate(d: Day): string {
  return `${d.day} ${MONTHS[d.month - 1]} ${d.year}`;
}
