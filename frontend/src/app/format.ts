/** Norwegian formatting of dates, numbers and money, always in Europe/Oslo. */
export const TIME_ZONE = 'Europe/Oslo';
const LOCALE = 'nb-NO';

const dateFmt = new Intl.DateTimeFormat(LOCALE, { dateStyle: 'long', timeZone: TIME_ZONE });
const dateTimeFmt = new Intl.DateTimeFormat(LOCALE, {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: TIME_ZONE,
  timeZoneName: 'short',
});
const timeFmt = new Intl.DateTimeFormat(LOCALE, { hour: '2-digit', minute: '2-digit', timeZone: TIME_ZONE });
const numberFmt = new Intl.NumberFormat(LOCALE);
const currencyFmt = new Intl.NumberFormat(LOCALE, { style: 'currency', currency: 'NOK', maximumFractionDigits: 0 });

function toDate(value: string | Date | null | undefined): Date | null {
  if (!value) return null;
  const d = value instanceof Date ? value : new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

export function formatDate(value: string | Date | null | undefined): string {
  const d = toDate(value);
  return d ? dateFmt.format(d) : '';
}

/** Date, time and time zone, e.g. "1. desember 2026 kl. 12:00 CET". */
export function formatDateTime(value: string | Date | null | undefined): string {
  const d = toDate(value);
  return d ? dateTimeFmt.format(d) : '';
}

export function formatTime(value: string | Date | null | undefined): string {
  const d = toDate(value);
  return d ? timeFmt.format(d) : '';
}

export function formatNumber(value: number | string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) ? numberFmt.format(n) : '';
}

export function formatCurrency(value: number | string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) ? currencyFmt.format(n) : '';
}

function osloOffsetMinutes(utcMillis: number): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: TIME_ZONE,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(new Date(utcMillis));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? '0');
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return Math.round((asUtc - Math.floor(utcMillis / 60000) * 60000) / 60000);
}

/** "2026-12-01T12:00" read as Oslo wall-clock time → ISO 8601 in UTC. */
export function osloLocalToIso(local: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!m) return null;
  const [, y, mo, d, h, mi] = m.map(Number) as [number, number, number, number, number, number];
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  let utc = wall - osloOffsetMinutes(wall) * 60000;
  utc = wall - osloOffsetMinutes(utc) * 60000;
  return new Date(utc).toISOString();
}

/** ISO instant → "YYYY-MM-DDTHH:mm" in Oslo wall-clock time, for datetime-local inputs. */
export function isoToOsloLocal(iso: string | null | undefined): string {
  const d = toDate(iso);
  if (!d) return '';
  const shifted = new Date(d.getTime() + osloOffsetMinutes(d.getTime()) * 60000);
  return shifted.toISOString().slice(0, 16);
}
