import { Button, Link as DsLink, Table, Tag } from '@digdir/designsystemet-react';
import { Link, useSearchParams } from 'react-router';
import type { Match } from '../../api/types';
import { useI18n, type MessageKey } from '../../app/i18n';
import { RequireAuth } from '../../app/require-auth';
import { SelectField } from '../../components/form-fields';
import { scorePercent } from '../../components/match-explanation';
import { PageHeading } from '../../components/page';
import { QueryState } from '../../components/query-state';
import { useMatchQueue } from './api';

export const MATCH_STATES = ['suggested', 'shortlisted', 'introduced', 'rejected'] as const;

/** The other side of a match: a solution, or for need–need matches the other need. */
export function counterpartTitle(m: Match): string {
  return m.solution?.title ?? m.other_need?.title ?? '';
}

function Queue() {
  const { t, fmt } = useI18n();
  const [params, setParams] = useSearchParams();
  const state = params.get('state') ?? 'suggested';
  const matches = useMatchQueue(state ? { state } : {});
  const stateOptions = MATCH_STATES.map((s) => ({ code: s, label: t(`match.states.${s}` as MessageKey) }));
  return (
    <div className="stack">
      <div className="row" style={{ alignItems: 'flex-end' }}>
        <SelectField label={t('advisor.filterState')} value={state} includeEmpty={false} options={stateOptions} onChange={(v) => setParams({ state: v })} />
        <Button asChild variant="secondary">
          <a href="/api/matches/export/" download>
            {t('advisor.exportCsv')}
          </a>
        </Button>
        <Button asChild variant="secondary">
          <a href="/api/matches/export/?file_format=xlsx" download>
            {t('advisor.exportXlsx')}
          </a>
        </Button>
        <Button asChild variant="tertiary">
          <Link to="/advisor/organizations">{t('advisor.verifyOrgs')}</Link>
        </Button>
      </div>
      <QueryState query={matches} isEmpty={(d) => d.length === 0} empty={t('advisor.queueEmpty')}>
        {(items) => (
          <Table className="table-reflow">
            <caption className="visually-hidden">{t('advisor.queueTitle')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('advisor.need')}</Table.HeaderCell>
                <Table.HeaderCell>{t('advisor.solution')}</Table.HeaderCell>
                <Table.HeaderCell>{t('match.score')}</Table.HeaderCell>
                <Table.HeaderCell>{t('advisor.state')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {items.map((m) => (
                <Table.Row key={m.id}>
                  <Table.Cell data-label={t('advisor.need')}>
                    <DsLink asChild>
                      <Link to={`/advisor/needs/${m.need.id}`}>{m.need.title}</Link>
                    </DsLink>
                  </Table.Cell>
                  <Table.Cell data-label={t('advisor.solution')}>{counterpartTitle(m)}</Table.Cell>
                  <Table.Cell data-label={t('match.score')}>{scorePercent(m.score, fmt)}</Table.Cell>
                  <Table.Cell data-label={t('advisor.state')}>
                    <Tag>{t(`match.states.${m.state ?? 'suggested'}` as MessageKey)}</Tag>
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        )}
      </QueryState>
    </div>
  );
}

export function AdvisorQueuePage() {
  const { t } = useI18n();
  return (
    <>
      <PageHeading title={t('advisor.queueTitle')}>{t('advisor.queueTitle')}</PageHeading>
      <RequireAuth roles={['advisor']}>
        <Queue />
      </RequireAuth>
    </>
  );
}
