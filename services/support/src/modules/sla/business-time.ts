/**
 * Business-time arithmetic for SLA clocks, as pure functions. Only UTC hours for now: a
 * tenant's week is a set of ISO weekdays (1 = Monday .. 7 = Sunday) and one daily window.
 */
export interface BusinessHours {
  /** ISO weekdays, 1 = Monday .. 7 = Sunday. */
  weekdays: readonly number[];
  /** Minutes after midnight UTC at which the working day starts and ends (end exclusive). */
  startMinute: number;
  endMinute: number;
}

export const DEFAULT_BUSINESS_HOURS: BusinessHours = Object.freeze({
  weekdays: Object.freeze([1, 2, 3, 4, 5]),
  startMinute: 9 * 60,
  endMinute: 18 * 60,
});

/** A span during which the SLA clock stands still (PENDING, RESOLVED); `end` null while it lasts. */
export interface Pause {
  start: Date;
  end: Date | null;
}

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
// Bounds the walk for targets no calendar can meet (e.g. no working day at all).
const MAX_DAYS = 366 * 5;

function isoWeekday(dayStart: number): number {
  const day = new Date(dayStart).getUTCDay();
  return day === 0 ? 7 : day;
}

/** The working window of the UTC day starting at `dayStart`, or none. */
function windowOf(dayStart: number, hours: BusinessHours): [number, number] | undefined {
  if (!hours.weekdays.includes(isoWeekday(dayStart)) || hours.endMinute <= hours.startMinute) return undefined;
  return [dayStart + hours.startMinute * MINUTE, dayStart + hours.endMinute * MINUTE];
}

/** [from, to) minus the pauses, as ordered segments. */
function subtractPauses(from: number, to: number, pauses: readonly Pause[]): [number, number][] {
  let segments: [number, number][] = from < to ? [[from, to]] : [];
  for (const pause of pauses) {
    const pauseStart = pause.start.getTime();
    const pauseEnd = pause.end?.getTime() ?? Number.POSITIVE_INFINITY;
    segments = segments.flatMap(([start, end]): [number, number][] => {
      if (pauseEnd <= start || pauseStart >= end) return [[start, end]];
      const kept: [number, number][] = [];
      if (pauseStart > start) kept.push([start, pauseStart]);
      if (pauseEnd < end) kept.push([pauseEnd, end]);
      return kept;
    });
  }
  return segments;
}

/** Business milliseconds in [from, to), not counting pauses. */
export function businessMillisBetween(from: Date, to: Date, hours: BusinessHours, pauses: readonly Pause[] = []): number {
  const start = from.getTime();
  const end = to.getTime();
  let total = 0;
  for (let dayStart = start - (start % DAY); dayStart < end; dayStart += DAY) {
    const window = windowOf(dayStart, hours);
    if (!window) continue;
    for (const [segmentStart, segmentEnd] of subtractPauses(Math.max(window[0], start), Math.min(window[1], end), pauses)) {
      total += segmentEnd - segmentStart;
    }
  }
  return total;
}

/**
 * The instant at which `minutes` of business time have run since `from`, pauses not
 * counted; null when the clock stands still before then (a pause with no end yet) or no
 * calendar day within reach has working time.
 */
export function addBusinessMinutes(from: Date, minutes: number, hours: BusinessHours, pauses: readonly Pause[] = []): Date | null {
  const start = from.getTime();
  let remaining = minutes * MINUTE;
  const openPause = pauses.find((pause) => pause.end === null);
  const stopsAt = openPause ? Math.max(openPause.start.getTime(), start) : Number.POSITIVE_INFINITY;
  for (let dayStart = start - (start % DAY), days = 0; days < MAX_DAYS && dayStart < stopsAt; dayStart += DAY, days++) {
    const window = windowOf(dayStart, hours);
    if (!window) continue;
    for (const [segmentStart, segmentEnd] of subtractPauses(Math.max(window[0], start), window[1], pauses)) {
      // A target met exactly at the end of a window is due then, not at the next opening.
      if (segmentEnd - segmentStart >= remaining) return new Date(segmentStart + remaining);
      remaining -= segmentEnd - segmentStart;
    }
  }
  return null;
}

/** "HH:MM" <-> minutes after midnight, for the API. */
export function parseClockTime(value: string): number | undefined {
  const match = /^([01]\d|2[0-4]):([0-5]\d)$/.exec(value);
  if (!match) return undefined;
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  return minutes <= 24 * 60 ? minutes : undefined;
}

export function formatClockTime(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
