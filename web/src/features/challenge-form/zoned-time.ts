// Datetime inputs give a wall-clock time ("2027-03-02T09:00") with no zone; the platform reads it in
// America/Mexico_City whatever the browser's zone is, and the API stores the instant in UTC.
import { TIME_ZONE } from '../../shared/format';

const parts = new Intl.DateTimeFormat('en-US', {
  timeZone: TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** The wall clock in Mexico City at instant `ms`, written as if it were UTC (to subtract instants). */
function wallClock(ms: number): number {
  const get = (type: string) => Number(parts.formatToParts(new Date(ms)).find((p) => p.type === type)?.value);
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** "2027-03-02T09:00" in Mexico City → "2027-03-02T15:00:00.000Z"; null when empty or malformed. */
export function mexicoCityToIso(local: string): string | null {
  const match = LOCAL.exec(local.trim().slice(0, 16));
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1).map(Number);
  const asUtc = Date.UTC(year, month - 1, day, hour, minute);
  if (Number.isNaN(asUtc)) return null;
  // Two passes settle the offset even next to a change of offset.
  let instant = asUtc - (wallClock(asUtc) - asUtc);
  instant = asUtc - (wallClock(instant) - instant);
  return new Date(instant).toISOString();
}

/** The inverse, to fill a datetime input from an API instant. */
export function isoToMexicoCity(iso: string): string {
  return new Date(wallClock(new Date(iso).getTime())).toISOString().slice(0, 16);
}
