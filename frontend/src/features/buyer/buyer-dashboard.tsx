import { Button, Heading, Link as DsLink, Table, Tag } from '@digdir/designsystemet-react';
import { Link } from 'react-router';
import { useI18n, type MessageKey } from '../../app/i18n';
import { RequireAuth } from '../../app/require-auth';
import { firstOrgOfKind, useCurrentUser } from '../../app/session';
import { PageHeading } from '../../components/page';
import { QueryState } from '../../components/query-state';
import { useConferences } from '../conferences/api';
import { useNeeds } from '../needs/api';
import { Notifications } from '../../components/notifications';
import { MyJoinRequests } from '../organizations/join-requests';
import { MyOrganizations } from '../organizations/my-organizations';
import { CoBuyerRequests } from './co-buyer-requests';

function MyNeeds() {
  const { t, fmt } = useI18n();
  const needs = useNeeds({ mine: 'true', page_size: '100' });
  return (
    <section aria-labelledby="my-needs" className="stack">
      <div className="row">
        <Heading level={2} data-size="sm" id="my-needs">
          {t('buyer.myNeeds')}
        </Heading>
        <Button asChild data-size="sm">
          <Link to="/needs/new">{t('buyer.newNeed')}</Link>
        </Button>
      </div>
      <QueryState query={needs} isEmpty={(d) => d.results.length === 0} empty={t('buyer.noNeeds')}>
        {(data) => (
          <Table className="table-reflow">
            <caption className="visually-hidden">{t('buyer.myNeeds')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('need.fields.title')}</Table.HeaderCell>
                <Table.HeaderCell>{t('need.fields.statusLabel')}</Table.HeaderCell>
                <Table.HeaderCell>{t('need.fields.stage')}</Table.HeaderCell>
                <Table.HeaderCell>{t('need.deadline')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {data.results.map((n) => (
                <Table.Row key={n.id}>
                  <Table.Cell data-label={t('need.fields.title')}>
                    <DsLink asChild>
                      <Link to={`/needs/${n.id}`}>{n.title}</Link>
                    </DsLink>
                  </Table.Cell>
                  <Table.Cell data-label={t('need.fields.statusLabel')}>
                    <Tag data-color={n.status === 'published' ? 'success' : 'neutral'}>{t(`need.status.${n.status ?? 'draft'}` as MessageKey)}</Tag>
                  </Table.Cell>
                  <Table.Cell data-label={t('need.fields.stage')}>{n.stage?.label}</Table.Cell>
                  <Table.Cell data-label={t('need.deadline')}>{fmt.dateTime(n.response_deadline)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        )}
      </QueryState>
    </section>
  );
}

function MyConferences() {
  const { t, fmt } = useI18n();
  const org = firstOrgOfKind(useCurrentUser(), 'public_buyer');
  const conferences = useConferences({ organization: String(org?.id ?? ''), page_size: '100' }, !!org);
  return (
    <section aria-labelledby="my-conf" className="stack">
      <Heading level={2} data-size="sm" id="my-conf">
        {t('buyer.myConferences')}
      </Heading>
      <QueryState query={conferences} isEmpty={(d) => d.length === 0} empty={t('buyer.noConferences')}>
        {(items) => (
          <ul>
            {items.map((c) => (
              <li key={c.id}>
                <DsLink asChild>
                  <Link to={`/conferences/${c.id}`}>{c.title}</Link>
                </DsLink>{' '}
                – {fmt.dateTime(c.starts_at)}
              </li>
            ))}
          </ul>
        )}
      </QueryState>
    </section>
  );
}

export function BuyerDashboard() {
  const { t } = useI18n();
  return (
    <>
      <PageHeading title={t('buyer.title')}>{t('buyer.title')}</PageHeading>
      <RequireAuth roles={['buyer']}>
        <div className="stack">
          <MyNeeds />
          <CoBuyerRequests />
          <MyConferences />
          <MyOrganizations kinds={['public_buyer']} />
          <MyJoinRequests hideWhenEmpty />
          <Notifications />
        </div>
      </RequireAuth>
    </>
  );
}
