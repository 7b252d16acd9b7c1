import { Button, Card, Heading, Link as DsLink, Paragraph, Tag } from '@digdir/designsystemet-react';
import { Link } from 'react-router';
import { useI18n, type MessageKey } from '../../app/i18n';
import { RequireAuth } from '../../app/require-auth';
import { PageHeading } from '../../components/page';
import { QueryState } from '../../components/query-state';
import { useSolutions } from '../solutions/api';
import { RecommendedNeeds } from '../solutions/recommended-needs';
import { useMyResponses } from './api';
import { SavedSearches } from './saved-searches';
import { Notifications } from '../../components/notifications';
import { MyJoinRequests } from '../organizations/join-requests';
import { MyOrganizations } from '../organizations/my-organizations';
import { ResponseAccessLog } from '../privacy/access-log';

function MySolutions() {
  const { t } = useI18n();
  const solutions = useSolutions({ mine: 'true', page_size: '100' });
  return (
    <section aria-labelledby="my-solutions" className="stack">
      <div className="row">
        <Heading level={2} data-size="sm" id="my-solutions">
          {t('supplier.mySolutions')}
        </Heading>
        <Button asChild data-size="sm">
          <Link to="/solutions/new">{t('supplier.newSolution')}</Link>
        </Button>
      </div>
      <QueryState query={solutions} isEmpty={(d) => d.length === 0} empty={t('supplier.noSolutions')}>
        {(items) => (
          <ul className="cards">
            {items.map((s) => (
              <li key={s.id}>
                <Card>
                  <Heading level={3} data-size="xs">
                    <DsLink asChild>
                      <Link to={`/solutions/${s.id}`}>{s.title}</Link>
                    </DsLink>
                  </Heading>
                  <div className="row">
                    <Tag data-color={s.status === 'published' ? 'success' : 'neutral'}>{t(`need.status.${s.status ?? 'draft'}` as MessageKey)}</Tag>
                    <span>TRL {s.trl}</span>
                  </div>
                  <RecommendedNeeds solutionId={String(s.id)} headingLevel={3} title={t('supplier.recommendedFor', { title: s.title })} />
                </Card>
              </li>
            ))}
          </ul>
        )}
      </QueryState>
    </section>
  );
}

function MyResponses() {
  const { t, fmt } = useI18n();
  const responses = useMyResponses();
  return (
    <section aria-labelledby="my-responses" className="stack">
      <Heading level={2} data-size="sm" id="my-responses">
        {t('supplier.myResponses')}
      </Heading>
      <QueryState query={responses} isEmpty={(d) => d.length === 0} empty={t('supplier.noResponses')}>
        {(items) => (
          <ul className="cards">
            {items.map((r) => (
              <li key={r.id}>
                <Card>
                  <Paragraph>
                    <DsLink asChild>
                      <Link to={`/needs/${r.need.id}`}>{r.need.title}</Link>
                    </DsLink>
                  </Paragraph>
                  <div className="meta">
                    <span>{r.summary}</span>
                    <span>{fmt.dateTime(r.created_at)}</span>
                    {r.confidential ? <Tag data-color="warning">{t('response.confidentialTag')}</Tag> : <Tag>{t('response.openTag')}</Tag>}
                  </div>
                  {r.confidential ? <ResponseAccessLog responseId={r.id} /> : null}
                </Card>
              </li>
            ))}
          </ul>
        )}
      </QueryState>
    </section>
  );
}

export function SupplierDashboard() {
  const { t } = useI18n();
  return (
    <>
      <PageHeading title={t('supplier.title')}>{t('supplier.title')}</PageHeading>
      <RequireAuth roles={['supplier']}>
        <div className="stack">
          <MySolutions />
          <SavedSearches />
          <MyResponses />
          <MyOrganizations kinds={['supplier']} />
          <MyJoinRequests hideWhenEmpty />
          <Notifications />
        </div>
      </RequireAuth>
    </>
  );
}
