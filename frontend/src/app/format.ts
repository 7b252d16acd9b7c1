/**
 * Dates, times, numbers, money and quotation marks in the reader's language, always in
 * Europe/Oslo time. One set of helpers for the whole app: components take them from
 * `useI18n().fmt`, which follows the language chosen (bokmål: "15. februar 2027 kl. 12:00 CET",
 * "0,16", «»; English: "15 February 2027, 12:00 CET", "0.16", “”).
 */
export const TIME_ZONE = 'Europe/Oslo';

export type FormatLang = 'nb' | 'en';
type DateInput = string | Date | null | undefined;
type NumberInput = number | string | null | undefined;

export type Formatters = {
  /** "15. februar 2027" / "15 February 2027". */
  date: (value: DateInput) => string;
  /** Date, time and time zone: "15. februar 2027 kl. 12:00 CET" / "15 February 2027, 12:00 CET". */
  dateTime: (value: DateInput) => string;
  /** "12:00". */
  time: (value: DateInput) => string;
  /** "1 234 567" / "1,234,567"; up to `maxFractionDigits` decimals (default 0 for whole numbers). */
  number: (value: NumberInput, maxFractionDigits?: number) => string;
  /** "2 500 000 kr" / "NOK 2,500,000". */
  currency: (value: NumberInput) => string;
  /** A share (0.16) as "16 %" / "16%". */
  percent: (share: NumberInput) => string;
  /** «text» / “text”. */
  quote: (text: string) => string;
  /** "a, b og c" / "a, b and c". */
  list: (items: readonly string[]) => string;
};

const LOCALES: Record<FormatLang, string> = { nb: 'nb-NO', en: 'en-GB' };
const QUOTES: Record<FormatLang, [string, string]> = { nb: ['«', '»'], en: ['“', '”'] };
// The word between date and time: Intl's own joiner differs between ICU versions ("at", ",", "kl.").
const DATE_TIME_JOIN: Record<FormatLang, string> = { nb: ' kl. ', en: ', ' };

function toDate(value: DateInput): Date | null {
  if (!value) return null;
  const d = value instanceof Date ? value : new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

function toNumber(value: NumberInput): number | null {
  if (value === null || value === undefined || value === '') return null;
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) ? n : null;
}

/** `make()` on the first call, its result after: an Intl formatter costs milliseconds to build
 * (the first of a language loads its locale data), and most pages use few of them. */
function once<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}

function build(lang: FormatLang): Formatters {
  const locale = LOCALES[lang];
  const dateFmt = once(() => new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: TIME_ZONE }));
  const timeFmt = once(() => new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: TIME_ZONE }));
  const zoneFmt = once(
    () => new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: TIME_ZONE, timeZoneName: 'short' }),
  );
  const numberFmts = new Map<number, Intl.NumberFormat>();
  const numberFmt = (digits: number) => {
    let fmt = numberFmts.get(digits);
    if (!fmt) numberFmts.set(digits, (fmt = new Intl.NumberFormat(locale, { maximumFractionDigits: digits })));
    return fmt;
  };
  const currencyFmt = once(() => new Intl.NumberFormat(locale, { style: 'currency', currency: 'NOK', maximumFractionDigits: 0 }));
  const percentFmt = once(() => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }));
  const listFmt = once(() => new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }));
  const [open, close] = QUOTES[lang];
  const withDate = (value: DateInput, format: (d: Date) => string) => {
    const d = toDate(value);
    return d ? format(d) : '';
  };
  const withNumber = (value: NumberInput, format: (n: number) => string) => {
    const n = toNumber(value);
    return n === null ? '' : format(n);
  };
  return {
    date: (value) => withDate(value, (d) => dateFmt().format(d)),
    dateTime: (value) => withDate(value, (d) => `${dateFmt().format(d)}${DATE_TIME_JOIN[lang]}${zoneFmt().format(d)}`),
    time: (value) => withDate(value, (d) => timeFmt().format(d)),
    number: (value, maxFractionDigits = 0) => withNumber(value, (n) => numberFmt(maxFractionDigits).format(n)),
    currency: (value) => withNumber(value, (n) => currencyFmt().format(n)),
    percent: (share) => withNumber(share, (n) => percentFmt().format(n)),
    quote: (text) => `${open}${text}${close}`,
    list: (items) => listFmt().format(items),
  };
}

const cache: Partial<Record<FormatLang, Formatters>> = {};

/** The formatters of `lang` (built once per language). */
export function formatters(lang: FormatLang): Formatters {
  return (cache[lang] ??= build(lang));
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
