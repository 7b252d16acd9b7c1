import { Button, Details } from '@digdir/designsystemet-react';
import type { RefItem } from '../../../api/types';
import type { MessageKey } from '../../../app/i18n';
import { useAdvisorI18n, type AdvisorKey } from '../texts';
import { SelectField } from '../../../components/form-fields';
import { useReference } from '../../../components/reference';
import { useMediaQuery } from '../../../components/use-media-query';
import { activeFilters, AGES, PAGE_SIZES, SCORES, SORTS, STATES, type Desk } from './params';

type Change = (patch: Partial<Desk>) => void;

function useOptions() {
  const { t } = useAdvisorI18n();
  const option = (code: string, key: MessageKey | AdvisorKey, vars?: Record<string, string>): RefItem => ({ code, label: t(key, vars) });
  return {
    states: STATES.map((s) => option(s, s === 'all' ? 'advisor.desk.stateAll' : (`match.states.${s}` as MessageKey))),
    scores: SCORES.map((s) => (s ? option(s, 'advisor.desk.scoreAtLeast', { percent: s }) : option('', 'advisor.desk.any'))),
    ages: AGES.map((a) => {
      if (!a) return option('', 'advisor.desk.ageAny');
      return a.startsWith('older-') ? option(a, 'advisor.desk.ageOlder', { days: a.slice(6) }) : option(a, 'advisor.desk.ageNewer', { days: a });
    }),
    sorts: SORTS.map((s) => option(s, `advisor.desk.sorts.${s}` as AdvisorKey)),
    sizes: PAGE_SIZES.map((s) => ({ code: s, label: s })),
  };
}

function withAny(items: RefItem[] | undefined, any: string): RefItem[] {
  return [{ code: '', label: any }, ...(items ?? [])];
}

function Fields({ desk, onChange }: { desk: Desk; onChange: Change }) {
  const { t } = useAdvisorI18n();
  const sectors = useReference('sectors');
  const counties = useReference('counties');
  const stages = useReference('stages');
  const o = useOptions();
  const any = t('advisor.desk.any');
  return (
    <div className="desk-filters">
      <SelectField label={t('advisor.desk.state')} value={desk.state} includeEmpty={false} options={o.states} onChange={(v) => onChange({ state: v as Desk['state'] })} />
      <SelectField label={t('advisor.desk.sector')} value={desk.sector} includeEmpty={false} options={withAny(sectors.data, any)} onChange={(v) => onChange({ sector: v })} />
      <SelectField label={t('advisor.desk.county')} value={desk.county} includeEmpty={false} options={withAny(counties.data, any)} onChange={(v) => onChange({ county: v })} />
      <SelectField label={t('advisor.desk.stage')} value={desk.stage} includeEmpty={false} options={withAny(stages.data, any)} onChange={(v) => onChange({ stage: v })} />
      <SelectField label={t('advisor.desk.score')} value={desk.score} includeEmpty={false} options={o.scores} onChange={(v) => onChange({ score: v as Desk['score'] })} />
      <SelectField label={t('advisor.desk.age')} value={desk.age} includeEmpty={false} options={o.ages} onChange={(v) => onChange({ age: v as Desk['age'] })} />
      <SelectField label={t('advisor.desk.sort')} value={desk.sort} includeEmpty={false} options={o.sorts} onChange={(v) => onChange({ sort: v as Desk['sort'] })} />
      <SelectField label={t('advisor.desk.pageSize')} value={desk.size} includeEmpty={false} options={o.sizes} onChange={(v) => onChange({ size: v as Desk['size'] })} />
    </div>
  );
}

/**
 * The desk's filters, sort and page size; every change goes to the URL (and the page starts over
 * at 1). On a phone they fold behind "Filtre og sortering" so that the suggestions come first.
 */
export function DeskFilters({ desk, onChange, onReset }: { desk: Desk; onChange: Change; onReset: () => void }) {
  const { t } = useAdvisorI18n();
  const narrow = useMediaQuery('(max-width: 40rem)');
  const active = activeFilters(desk);
  const reset =
    active > 0 ? (
      <Button variant="tertiary" data-size="sm" onClick={onReset}>
        {t('advisor.desk.reset')}
      </Button>
    ) : null;
  const summary = active > 0 ? t('advisor.desk.filtersActive', { count: active }) : t('advisor.desk.filters');
  if (narrow) {
    return (
      <Details data-testid="desk-filters">
        <Details.Summary>{summary}</Details.Summary>
        <Details.Content className="stack">
          <Fields desk={desk} onChange={onChange} />
          {reset}
        </Details.Content>
      </Details>
    );
  }
  return (
    <section aria-label={summary} className="stack" data-testid="desk-filters">
      <Fields desk={desk} onChange={onChange} />
      {reset ? <div className="row">{reset}</div> : null}
    </section>
  );
}
