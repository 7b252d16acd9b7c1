import { Checkbox, Fieldset, Radio } from '@digdir/designsystemet-react';
import { useId } from 'react';
import type { FacetValue, SearchResult } from '../../api/types';
import { useI18n, type MessageKey } from '../../app/i18n';
import { SelectField } from '../../components/form-fields';
import { FACETS } from './api';

/** Below this width the search page lays out in one column, and the filters wait behind a button. */
export const NARROW_SEARCH = '(max-width: 899.98px)';

export type FilterUpdate = (changes: Record<string, string>) => void;

/** How many filters narrow the results: facets chosen, and the search for similar meaning. */
export function activeFilterCount(params: URLSearchParams): number {
  const facets = FACETS.filter(({ param }) => params.get(param)).length;
  return facets + (params.get('semantic') === 'true' ? 1 : 0);
}

/** The parameters that clear every filter (the query and the sort stay). */
export function clearedFilters(): Record<string, string> {
  return Object.fromEntries([...FACETS.map(({ param }) => [param, '']), ['semantic', '']]);
}

/** Types and statuses are labelled by the UI's own catalogue; other facets carry the backend's labels. */
function facetLabel(field: string, v: FacetValue, t: ReturnType<typeof useI18n>['t']): string {
  if (field === 'kind' && ['need', 'solution', 'conference', 'case'].includes(v.value)) return t(`search.types.${v.value}` as MessageKey);
  if (field === 'status' && ['draft', 'published', 'closed'].includes(v.value)) return t(`need.status.${v.value}` as MessageKey);
  if (field === 'seeks_pilot') return t(v.value === 'true' ? 'pilot.seeks' : 'pilot.seeksNot');
  return v.label || v.value;
}

function FacetGroup({ field, values, selected, onChange }: { field: string; values: FacetValue[]; selected: string; onChange: (value: string) => void }) {
  const { t } = useI18n();
  const name = useId();
  if (values.length === 0) return null;
  return (
    <Fieldset data-size="sm">
      <Fieldset.Legend>{t(`search.facets.${field}` as MessageKey)}</Fieldset.Legend>
      <Radio name={name} label={t('search.all')} value="" checked={selected === ''} onChange={() => onChange('')} />
      {values.map((v) => (
        <Radio
          key={v.value}
          name={name}
          value={v.value}
          label={`${facetLabel(field, v, t)} (${v.count})`}
          checked={selected === v.value}
          onChange={() => onChange(v.value)}
        />
      ))}
    </Fieldset>
  );
}

/** Sort, the search for similar meaning and the facets; every change applies at once (the URL). */
export function FilterControls({ params, data, update }: { params: URLSearchParams; data: SearchResult | undefined; update: FilterUpdate }) {
  const { t } = useI18n();
  const sortOptions = [
    { code: 'relevance', label: t('search.sort.relevance') },
    { code: 'newest', label: t('search.sort.newest') },
    { code: 'deadline', label: t('search.sort.deadline') },
  ];
  return (
    <>
      <SelectField
        label={t('search.sortLabel')}
        value={params.get('sort') ?? 'relevance'}
        includeEmpty={false}
        options={sortOptions}
        onChange={(v) => update({ sort: v === 'relevance' ? '' : v })}
      />
      <Checkbox
        label={t('search.semantic')}
        checked={params.get('semantic') === 'true'}
        onChange={(e) => update({ semantic: e.target.checked ? 'true' : '' })}
      />
      {data
        ? FACETS.filter((f) => data.facets[f.field]).map(({ field, param }) => (
            <FacetGroup key={field} field={field} values={data.facets[field] ?? []} selected={params.get(param) ?? ''} onChange={(v) => update({ [param]: v })} />
          ))
        : null}
    </>
  );
}
