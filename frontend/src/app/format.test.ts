import { formatCurrency, formatDate, formatDateTime, formatNumber, isoToOsloLocal, osloLocalToIso } from './format';

describe('Norwegian formatting in Europe/Oslo', () => {
  it('formats deadlines with date, time and time zone', () => {
    const text = formatDateTime('2026-12-01T11:00:00Z');
    expect(text).toContain('1. desember 2026');
    expect(text).toContain('12:00');
    expect(text).toMatch(/CET|GMT\+1|MET/);
  });

  it('uses summer time in summer', () => {
    expect(formatDateTime('2026-06-15T10:30:00Z')).toContain('12:30');
  });

  it('formats dates, numbers and NOK', () => {
    expect(formatDate('2026-03-05T23:30:00Z')).toBe('6. mars 2026');
    expect(formatNumber(1234567).replace(/\s/g, ' ')).toBe('1 234 567');
    expect(formatCurrency(2500000).replace(/\s/g, ' ')).toBe('2 500 000 kr');
    expect(formatCurrency(null)).toBe('');
  });

  it('converts Oslo wall-clock time to UTC and back (winter and summer)', () => {
    expect(osloLocalToIso('2026-12-01T12:00')).toBe('2026-12-01T11:00:00.000Z');
    expect(osloLocalToIso('2026-06-15T12:00')).toBe('2026-06-15T10:00:00.000Z');
    expect(isoToOsloLocal('2026-06-15T10:00:00Z')).toBe('2026-06-15T12:00');
    expect(osloLocalToIso('not a date')).toBeNull();
  });
});
