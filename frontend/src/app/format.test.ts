import { formatters, isoToOsloLocal, osloLocalToIso } from './format';

const nb = formatters('nb');
const en = formatters('en');
// Intl separates thousands with a no-break space (U+00A0 or U+202F): compared as plain spaces.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('Norwegian formatting in Europe/Oslo', () => {
  it('formats deadlines with date, time and time zone', () => {
    expect(nb.dateTime('2027-02-15T11:00:00Z')).toBe('15. februar 2027 kl. 12:00 CET');
    expect(nb.dateTime('2026-12-01T11:00:00Z')).toBe('1. desember 2026 kl. 12:00 CET');
  });

  it('uses summer time in summer', () => {
    expect(nb.dateTime('2026-06-15T10:30:00Z')).toBe('15. juni 2026 kl. 12:30 CEST');
  });

  it('formats dates, times, numbers, NOK and shares', () => {
    expect(nb.date('2026-03-05T23:30:00Z')).toBe('6. mars 2026');
    expect(nb.time('2026-03-05T23:30:00Z')).toBe('00:30');
    expect(plain(nb.number(1234567))).toBe('1 234 567');
    expect(nb.number(0.16, 2)).toBe('0,16');
    expect(nb.number(0.1234)).toBe('0');
    expect(plain(nb.currency(2500000))).toBe('2 500 000 kr');
    expect(plain(nb.percent(0.823))).toBe('82 %');
  });

  it('quotes and lists the Norwegian way', () => {
    expect(nb.quote('Færre fall')).toBe('«Færre fall»');
    expect(nb.list(['helse', 'omsorg', 'velferd'])).toBe('helse, omsorg og velferd');
  });
});

describe('English formatting in Europe/Oslo', () => {
  it('formats deadlines with date, time and time zone', () => {
    expect(en.dateTime('2027-02-15T11:00:00Z')).toBe('15 February 2027, 12:00 CET');
    expect(en.dateTime('2026-06-15T10:30:00Z')).toBe('15 June 2026, 12:30 CEST');
  });

  it('formats dates, times, numbers, NOK and shares', () => {
    expect(en.date('2026-03-05T23:30:00Z')).toBe('6 March 2026');
    expect(en.time('2026-03-05T13:05:00Z')).toBe('14:05');
    expect(en.number(1234567)).toBe('1,234,567');
    expect(en.number(0.16, 2)).toBe('0.16');
    expect(plain(en.currency(2500000))).toBe('NOK 2,500,000');
    expect(en.percent(0.823)).toBe('82%');
  });

  it('quotes and lists the English way', () => {
    expect(en.quote('Fewer falls')).toBe('“Fewer falls”');
    expect(en.list(['health', 'care', 'welfare'])).toBe('health, care and welfare');
  });
});

describe('empty and invalid values', () => {
  it.each([nb, en])('give an empty string, never "NaN" or "Invalid Date"', (fmt) => {
    expect(fmt.dateTime(null)).toBe('');
    expect(fmt.date('not a date')).toBe('');
    expect(fmt.time(undefined)).toBe('');
    expect(fmt.number('')).toBe('');
    expect(fmt.number('abc')).toBe('');
    expect(fmt.currency(null)).toBe('');
    expect(fmt.percent(undefined)).toBe('');
  });
});

describe('Oslo wall-clock time', () => {
  it('converts Oslo wall-clock time to UTC and back (winter and summer)', () => {
    expect(osloLocalToIso('2026-12-01T12:00')).toBe('2026-12-01T11:00:00.000Z');
    expect(osloLocalToIso('2026-06-15T12:00')).toBe('2026-06-15T10:00:00.000Z');
    expect(isoToOsloLocal('2026-06-15T10:00:00Z')).toBe('2026-06-15T12:00');
    expect(osloLocalToIso('not a date')).toBeNull();
  });
});
