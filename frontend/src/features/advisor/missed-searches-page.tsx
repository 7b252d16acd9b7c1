import { Button, Link as DsLink, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { Link, useSearchParams } from 'react-router';
import type { MissedSearch } from '../../api/types';
import { useAdvisorI18n } from './texts';
import { useFocusTarget } from '../../components/use-focus-target';
import { RequireAuth } from '../../app/require-auth';
import { SelectField } from '../../components/form-fields';
import { PageHeading } from '../../components/page';
import { QueryState } from '../../components/query-state';
import { useMissedSearches } from './api';

/** The periods offered, in days (the backend keeps searches for 180). */
export const PERIODS = ['7', '30', '90', '180'] as const;
const DEFAULT_PERIOD = '30';
const PAGE_SIZE = 50;

/** The search page with the same words, filters and mode: the advisor sees what the user saw. */
export function searchHref(row: MissedSearch): string {
  const params = new URLSearchParams([['q', row.query], ...new URLSearchParams(row.filters_query)]);
  if (row.semantic) params.set('semantic', 'true');
  return `/?${params.toString()}`;
}

/** The hits the latest time, and which words they matched when not all of them. */
function Hits({ row }: { row: MissedSearch }) {
  const { t, fmt } = useAdvisorI18n();
  const relaxed = row.relaxation === 'all' ? null : t(`advisor.missed.relaxation.${row.relaxation}`);
  return (
    <>
      {fmt.number(row.hits)}
      {relaxed ? <span className="meta"> ({relaxed})</span> : null}
    </>
  );
}

function MissedTable({ rows }: { rows: MissedSearch[] }) {
  const { t, fmt } = useAdvisorI18n();
  return (
    <Table className="table-reflow">
      <caption className="visually-hidden">{t('advisor.missed.title')}</caption>
      <Table.Head>
        <Table.Row>
          <Table.HeaderCell>{t('advisor.missed.query')}</Table.HeaderCell>
          <Table.HeaderCell>{t('advisor.missed.filters')}</Table.HeaderCell>
          <Table.HeaderCell>{t('advisor.missed.searches')}</Table.HeaderCell>
          <Table.HeaderCell>{t('advisor.missed.days')}</Table.HeaderCell>
          <Table.HeaderCell>{t('advisor.missed.lastSeen')}</Table.HeaderCell>
          <Table.HeaderCell>{t('advisor.missed.hits')}</Table.HeaderCell>
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {rows.map((row) => (
          <Table.Row key={`${row.query}|${row.filters_query}|${row.semantic}`}>
            <Table.Cell data-label={t('advisor.missed.query')}>
              <DsLink asChild>
                <Link to={searchHref(row)} aria-label={t('advisor.missed.searchAgain', { query: row.query })}>
                  {row.query}
                </Link>
              </DsLink>
            </Table.Cell>
            <Table.Cell data-label={t('advisor.missed.filters')}>
              <div className="row">
                {row.semantic ? <Tag data-color="info">{t('advisor.missed.semantic')}</Tag> : null}
                {row.filters.map((f) => (
                  <Tag key={`${f.name}=${f.value}`} data-color="neutral">
                    {f.label}
                  </Tag>
                ))}
                {!row.semantic && row.filters.length === 0 ? t('advisor.missed.noFilters') : null}
              </div>
            </Table.Cell>
            <Table.Cell data-label={t('advisor.missed.searches')}>{fmt.number(row.searches)}</Table.Cell>
            <Table.Cell data-label={t('advisor.missed.days')}>{fmt.number(row.days)}</Table.Cell>
            <Table.Cell data-label={t('advisor.missed.lastSeen')}>{fmt.date(row.last_seen)}</Table.Cell>
            <Table.Cell data-label={t('advisor.missed.hits')}>
              <Hits row={row} />
            </Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  );
}

function MissedSearches() {
  const { t } = useAdvisorI18n();
  const [params, setParams] = useSearchParams();
  const asked = params.get('days') ?? DEFAULT_PERIOD;
  const days = (PERIODS as readonly string[]).includes(asked) ? asked : DEFAULT_PERIOD;
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);
  const missed = useMissedSearches(Number(days), page, PAGE_SIZE);
  const periods = PERIODS.map((d) => ({ code: d, label: t('advisor.missed.lastDays', { days: d }) }));
  const pages = Math.max(1, Math.ceil((missed.data?.count ?? 0) / PAGE_SIZE));
  const [top, moveToTop] = useFocusTarget<HTMLParagraphElement>();
  // Another page starts at the top of the list, with focus there (not at "Neste" below it).
  const goToPage = (p: number) => {
    setParams({ days, page: String(p) });
    moveToTop();
  };
  return (
    <div className="stack">
      <Paragraph>{t('advisor.missed.intro')}</Paragraph>
      <div className="row" style={{ alignItems: 'flex-end' }}>
        <SelectField label={t('advisor.missed.period')} value={days} includeEmpty={false} options={periods} onChange={(v) => setParams({ days: v })} />
      </div>
      <p aria-live="polite" role="status" data-testid="missed-count" ref={top} tabIndex={-1}>
        {missed.data ? t('advisor.missed.count', { count: missed.data.count }) : ''}
      </p>
      <QueryState query={missed} isEmpty={(d) => d.results.length === 0} empty={t('advisor.missed.empty')}>
        {(data) => <MissedTable rows={data.results} />}
      </QueryState>
      {pages > 1 ? (
        <nav aria-label={t('search.pagination')} className="row">
          <Button variant="secondary" disabled={page <= 1} onClick={() => goToPage(page - 1)}>
            {t('common.previous')}
          </Button>
          <span>{t('search.pageOf', { page, pages })}</span>
          <Button variant="secondary" disabled={page >= pages} onClick={() => goToPage(page + 1)}>
            {t('common.next')}
          </Button>
        </nav>
      ) : null}
      <Paragraph data-size="sm" className="meta">
        {t('advisor.missed.privacy')}
      </Paragraph>
    </div>
  );
}

export function MissedSearchesPage() {
  const { t } = useAdvisorI18n();
  return (
    <>
      <PageHeading title={t('advisor.missed.title')}>{t('advisor.missed.title')}</PageHeading>
      <RequireAuth roles={['advisor']}>
        <MissedSearches />
      </RequireAuth>
    </>
  );
}
