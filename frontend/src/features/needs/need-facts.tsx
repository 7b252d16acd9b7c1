import type { Need } from '../../api/types';
import type { Formatters } from '../../app/format';
import { useI18n } from '../../app/i18n';

export function budgetText(need: Pick<Need, 'budget_min' | 'budget_max'>, fmt: Formatters): string {
  const min = fmt.currency(need.budget_min);
  const max = fmt.currency(need.budget_max);
  if (min && max) return `${min} – ${max}`;
  return min || max;
}

export function NeedFacts({ need }: { need: Need }) {
  const { t, fmt } = useI18n();
  const rows: [string, string][] = [
    [t('need.fields.stage'), need.stage?.label ?? ''],
    [t('need.fields.sector'), need.sector?.label ?? ''],
    [t('need.fields.county'), [need.municipality, need.county?.label].filter(Boolean).join(', ')],
    [t('need.fields.procedure'), need.procedure?.label ?? ''],
    [t('need.fields.budget'), budgetText(need, fmt)],
    [t('need.fields.cpv'), need.cpv_codes.map((c) => `${c.code} ${c.label}`).join('; ')],
    [t('need.deadline'), fmt.dateTime(need.response_deadline)],
  ];
  return (
    <dl className="dl">
      {rows
        .filter(([, v]) => v)
        .map(([k, v]) => (
          <div key={k} style={{ display: 'contents' }}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
    </dl>
  );
}
