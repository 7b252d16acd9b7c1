import type { Formatters } from '../../app/format';
import type { useI18n } from '../../app/i18n';

type T = ReturnType<typeof useI18n>['t'];

/** The ISO week number of a Monday ("2026-03-16" → 12). */
export function isoWeek(monday: string): number {
  const d = new Date(`${monday}T12:00:00Z`);
  const thursday = new Date(d.getTime() + (3 - ((d.getUTCDay() + 6) % 7)) * 86_400_000);
  const firstThursday = new Date(Date.UTC(thursday.getUTCFullYear(), 0, 4));
  return 1 + Math.round((thursday.getTime() - firstThursday.getTime()) / 604_800_000 - 3 / 7 + ((firstThursday.getUTCDay() + 6) % 7) / 7);
}

/** "Uke 12 (16. mars 2026–22. mars 2026)". */
export function weekName(monday: string, t: T, fmt: Formatters): string {
  const sunday = new Date(new Date(`${monday}T12:00:00Z`).getTime() + 6 * 86_400_000);
  return t('ongoing.week', { week: isoWeek(monday), first: fmt.date(`${monday}T12:00:00Z`), last: fmt.date(sunday) });
}
