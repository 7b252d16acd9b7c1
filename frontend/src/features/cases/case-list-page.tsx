import { Button, Card, Heading, Link as DsLink, Paragraph, Tag } from '@digdir/designsystemet-react';
import { Link, useSearchParams } from 'react-router';
import { useI18n } from '../../app/i18n';
import { SelectField } from '../../components/form-fields';
import { OrgName } from '../../components/org-name';
import { PageHeading } from '../../components/page';
import { Empty, QueryState } from '../../components/query-state';
import { useReference } from '../../components/reference';
import { useCases, type CaseItem } from './api';
import { gainAmount } from './gain-table';
import { useCasesText } from './texts';

const GAIN_TYPES = ['money_saved', 'hours_freed', 'co2_reduced', 'quality', 'other'] as const;

function CaseCard({ item }: { item: CaseItem }) {
  const { fmt } = useI18n();
  const { tc } = useCasesText();
  return (
    <li>
      <Card data-color="neutral">
        <div className="row">
          <OrgName org={item.organization} />
          {item.status === 'draft' ? <Tag data-color="neutral">{tc('status.draft')}</Tag> : null}
          {item.reuse_count > 0 ? <Tag variant="outline">{tc('reused', { count: item.reuse_count })}</Tag> : null}
        </div>
        <Heading level={2} data-size="xs">
          <DsLink asChild>
            <Link to={`/cases/${item.id}`}>{item.title}</Link>
          </DsLink>
        </Heading>
        <Paragraph data-size="sm">{item.procedure?.label} · {item.sector?.label}</Paragraph>
        {item.gains.length > 0 ? (
          <ul className="meta">
            {item.gains.slice(0, 3).map((g) => (
              <li key={g.id}>
                {g.type?.label}: {gainAmount(g, fmt)} {g.period?.label}
              </li>
            ))}
          </ul>
        ) : null}
      </Card>
    </li>
  );
}

/** The case library: published cases (and one's own drafts), filtered by sector, procedure and
 * type of gain; the search page finds them by words too ("Erfaringer"). */
export function CaseListPage() {
  const { t } = useI18n();
  const { tc } = useCasesText();
  const [params, setParams] = useSearchParams();
  const sectors = useReference('sectors');
  const procedures = useReference('procedures');
  const query: Record<string, string> = {};
  for (const key of ['sector', 'procedure', 'gain_type', 'page']) {
    const value = params.get(key);
    if (value) query[key] = value;
  }
  const cases = useCases(query);
  const update = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    next.delete('page');
    setParams(next);
  };
  const gainOptions = GAIN_TYPES.map((code) => ({ code, label: tc(`vocab.type.${code}`) }));
  return (
    <div className="stack">
      <PageHeading title={tc('list.title')}>{tc('list.title')}</PageHeading>
      <Paragraph>{tc('list.intro')}</Paragraph>
      <div>
        <Button asChild variant="tertiary">
          <Link to="/?type=case">{tc('list.search')}</Link>
        </Button>
      </div>
      <div className="row">
        <SelectField id="case-filter-sector" name="sector" label={t('need.fields.sector')} value={query.sector ?? ''} options={sectors.data ?? []} onChange={(v) => update('sector', v)} />
        <SelectField id="case-filter-procedure" name="procedure" label={tc('fields.procedure')} value={query.procedure ?? ''} options={procedures.data ?? []} onChange={(v) => update('procedure', v)} />
        <SelectField id="case-filter-gain" name="gain_type" label={tc('gains.type')} value={query.gain_type ?? ''} options={gainOptions} onChange={(v) => update('gain_type', v)} />
      </div>
      <QueryState query={cases}>
        {(data) =>
          data.results.length === 0 ? (
            <Empty>{tc('list.empty')}</Empty>
          ) : (
            <>
              <Paragraph aria-live="polite">{tc('list.count', { count: data.count })}</Paragraph>
              <ul className="cards">
                {data.results.map((item) => (
                  <CaseCard key={item.id} item={item} />
                ))}
              </ul>
            </>
          )
        }
      </QueryState>
    </div>
  );
}
