import type { Vocabulary } from './words.js';
import { wordsOf } from './words.js';

export const DATE_PRECISIONS = {
  DAY: { description: 'Dated to the day (2022-01-02).' },
  MONTH: { description: 'Dated to the month (2022-01): any day of it.' },
  YEAR: { description: 'Dated to the year (2022): any day of it.' },
  UNKNOWN: { description: 'Not dated by the source.' },
} as const satisfies Vocabulary;
export type DatePrecision = keyof typeof DATE_PRECISIONS;
export const DATE_PRECISION_WORDS = wordsOf(DATE_PRECISIONS);

/** A date as exact as the source allows: an ISO value of its precision, and the source's wording. */
export interface FuzzyDate {
  value: string | null;
  precision: DatePrecision;
  text: string | null;
}

const PATTERNS: Record<DatePrecision, RegExp | null> = {
  DAY: /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/,
  MONTH: /^\d{4}-(0[1-9]|1[0-2])$/,
  YEAR: /^\d{4}$/,
  UNKNOWN: null,
};

/** The precision an ISO value has (2022-01-02 DAY, 2022-01 MONTH, 2022 YEAR), or null when it is none. */
export function precisionOf(value: string): Exclude<DatePrecision, 'UNKNOWN'> | null {
  for (const p of ['DAY', 'MONTH', 'YEAR'] as const) if (PATTERNS[p]?.test(value)) return p;
  return null;
}

/** Why a value is not a date of the precision, or null when it is one (2022-02-30 is not). */
export function dateProblem(value: string | undefined, precision: DatePrecision): string | null {
  const pattern = PATTERNS[precision];
  if (pattern === null) return value === undefined ? null : 'an UNKNOWN date has no value';
  if (value === undefined || !pattern.test(value)) {
    return `value must match ${precision} precision (e.g. 2022-01-02, 2022-01, 2022)`;
  }
  if (precision === 'DAY' && new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) !== value) {
    return `${value} is not a calendar date`;
  }
  return null;
}

/** First day of the period a date names, for ordering; null when unknown. */
export function sortDate(value: string | null | undefined): string | null {
  if (!value) return null;
  if (/^\d{4}$/.test(value)) return `${value}-01-01`;
  if (/^\d{4}-\d{2}$/.test(value)) return `${value}-01`;
  return value;
}

const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** First and last day a date of some precision can mean. */
export function dateRange(d: Pick<FuzzyDate, 'value' | 'precision'>): {
  earliest: string | null;
  latest: string | null;
} {
  if (!d.value) return { earliest: null, latest: null };
  const [y, m] = d.value.split('-').map(Number) as [number, number | undefined];
  if (d.precision === 'YEAR') return { earliest: `${y}-01-01`, latest: `${y}-12-31` };
  const mm = String(m).padStart(2, '0');
  if (d.precision === 'MONTH') return { earliest: `${y}-${mm}-01`, latest: `${y}-${mm}-${lastDay(y, m ?? 1)}` };
  return { earliest: d.value, latest: d.value };
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** Human-readable, no more exact than known ("January 2022"). */
export function displayDate(d: Pick<FuzzyDate, 'value' | 'precision'>): string {
  if (!d.value) return 'date unknown';
  const [y, m, day] = d.value.split('-').map(Number) as [number, number | undefined, number | undefined];
  if (d.precision === 'YEAR') return String(y);
  if (d.precision === 'MONTH') return `${MONTHS[(m ?? 1) - 1]} ${y}`;
  return `${day} ${MONTHS[(m ?? 1) - 1]} ${y}`;
}
