import { isoWeek } from './weeks';

describe('isoWeek', () => {
  it('numbers the weeks as ISO 8601 does, across the turn of the year', () => {
    expect(isoWeek('2026-03-16')).toBe(12);
    expect(isoWeek('2026-12-28')).toBe(53);
    expect(isoWeek('2027-01-04')).toBe(1);
    expect(isoWeek('2024-12-30')).toBe(1);
  });
});
