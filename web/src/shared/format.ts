// es-MX formatting with Intl: every date in the app is shown in the platform's time zone, whatever the browser's.

export const TIME_ZONE = 'America/Mexico_City';
const LOCALE = 'es-MX';

const dayMonth = new Intl.DateTimeFormat(LOCALE, { timeZone: TIME_ZONE, day: 'numeric', month: 'long' });
const dayMonthYear = new Intl.DateTimeFormat(LOCALE, {
  timeZone: TIME_ZONE,
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});
const hourMinute = new Intl.DateTimeFormat(LOCALE, {
  timeZone: TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
const integer = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 0 });
const money = new Intl.NumberFormat(LOCALE, { style: 'currency', currency: 'MXN', maximumFractionDigits: 0 });

function yearIn(date: Date): string {
  return new Intl.DateTimeFormat(LOCALE, { timeZone: TIME_ZONE, year: 'numeric' }).format(date);
}

/** "12 de marzo" (the same year as `now`) or "12 de marzo de 2027". */
export function formatDate(iso: string, now: Date = new Date()): string {
  const date = new Date(iso);
  return yearIn(date) === yearIn(now) ? dayMonth.format(date) : dayMonthYear.format(date);
}

/** "18:00", 24-hour clock in Mexico City time. */
export function formatTime(iso: string): string {
  return hourMinute.format(new Date(iso));
}

/** "12 de marzo a las 18:00". */
export function formatDateTime(iso: string, now: Date = new Date()): string {
  return `${formatDate(iso, now)} a las ${formatTime(iso)}`;
}

export function formatInteger(value: number): string {
  return integer.format(value);
}

/** Decimal strings from the API ("1500000.00") as pesos: "$1,500,000". */
export function formatMoney(amount: string | number): string {
  return money.format(typeof amount === 'string' ? Number(amount) : amount);
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

function plural(count: number, one: string, many: string): string {
  return `${formatInteger(count)} ${count === 1 ? one : many}`;
}

/** "quedan 3 días", "queda 1 hora", "quedan 5 minutos"; null once the moment has passed. */
export function timeLeft(iso: string, now: Date = new Date()): string | null {
  const ms = new Date(iso).getTime() - now.getTime();
  if (ms <= 0) return null;
  const [count, one, many] =
    ms >= 2 * DAY
      ? [Math.floor(ms / DAY), 'día', 'días']
      : ms >= HOUR
        ? [Math.floor(ms / HOUR), 'hora', 'horas']
        : [Math.max(1, Math.floor(ms / MINUTE)), 'minuto', 'minutos'];
  return `${count === 1 ? 'queda' : 'quedan'} ${plural(count, one, many)}`;
}
