import type { Need } from '../../api/types';
import { formatCurrency, formatDateTime } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { labelFor, useReference } from '../../components/reference';

export function useNeedLabels() {
  const sectors = useReference('sectors');
  const counties = useReference('counties');
  const stages = useReference('stages');
  const procedures = useReference('procedures');
  return {
    sector: (n: Need) => n.sector_label ?? labelFor(sectors.data, n.sector),
    county: (n: Need) => n.county_label ?? labelFor(counties.data, n.county),
    stage: (n: Need) => n.stage_label ?? labelFor(stages.data, n.stage),
    procedure: (n: Need) => n.procedure_label ?? labelFor(procedures.data, n.procedure),
  };
}

export function budgetText(need: Pick<Need, 'budget_min' | 'budget_max'>): string {
  const min = formatCurrency(need.budget_min);
  const max = formatCurrency(need.budget_max);
  if (min && max) return `${min} – ${max}`;
  return min || max;
}

export function NeedFacts({ need }: { need: Need }) {
  const { t } = useI18n();
  const labels = useNeedLabels();
  const rows: [string, string][] = [
    [t('need.fields.stage'), labels.stage(need)],
    [t('need.fields.sector'), labels.sector(need)],
    [t('need.fields.county'), [need.municipality, labels.county(need)].filter(Boolean).join(', ')],
    [t('need.fields.procedure'), labels.procedure(need)],
    [t('need.fields.budget'), budgetText(need)],
    [t('need.fields.cpv'), need.cpv_codes.join(', ')],
    [t('need.deadline'), formatDateTime(need.response_deadline)],
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
