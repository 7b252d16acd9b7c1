import { Button, Card, Link as DsLink, Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Decision, JoinRequest, Organization } from '../../api/types';
import { useI18n } from '../../app/i18n';
import { LiveNotice } from '../../components/live-notice';
import { OrgName } from '../../components/org-name';
import { ErrorAlert, QueryState } from '../../components/query-state';
import { useDecideJoinRequest, useMyJoinRequests, useOrgJoinRequests, useWithdrawJoinRequest } from './api';

const STATUS_COLOR: Record<Decision, 'info' | 'success' | 'danger' | 'neutral'> = {
  pending: 'info',
  approved: 'success',
  declined: 'danger',
  withdrawn: 'neutral',
};

/** Pending requests to join the organisation, for its administrators to decide. */
export function JoinRequestsSection({ org, notify }: { org: Organization; notify: (message: string) => void }) {
  const { t, fmt } = useI18n();
  const requests = useOrgJoinRequests(String(org.id), true);
  const decide = useDecideJoinRequest(String(org.id));
  return (
    <section aria-labelledby="join-requests-heading" className="stack">
      <Heading level={2} data-size="sm" id="join-requests-heading">
        {t('joinRequests.title')}
      </Heading>
      <Paragraph data-size="sm">{t('joinRequests.intro')}</Paragraph>
      {decide.isError ? <ErrorAlert error={decide.error} /> : null}
      <QueryState query={requests} isEmpty={(d) => d.length === 0} empty={t('joinRequests.empty')}>
        {(items) => (
          <ul className="cards" aria-labelledby="join-requests-heading">
            {items.map((r) => {
              const name = r.full_name || r.email;
              const busy = decide.isPending && decide.variables.request.id === r.id;
              return (
                <li key={r.id}>
                  <Card>
                    <Heading level={3} data-size="xs">
                      {name}
                    </Heading>
                    <div className="meta">
                      <span>{r.email}</span>
                      <span>
                        {t('joinRequests.received')} {fmt.dateTime(r.created_at)}
                      </span>
                    </div>
                    {r.message ? (
                      <Paragraph className="prewrap">
                        <strong>{t('joinRequests.message')}:</strong> {r.message}
                      </Paragraph>
                    ) : null}
                    <div className="row">
                      <Button
                        data-size="sm"
                        loading={busy && decide.variables.approve}
                        aria-label={t('joinRequests.approveFor', { name })}
                        onClick={() => decide.mutate({ request: r, approve: true }, { onSuccess: () => notify(t('joinRequests.approved', { name })) })}
                      >
                        {t('joinRequests.approve')}
                      </Button>
                      <Button
                        data-size="sm"
                        variant="secondary"
                        loading={busy && !decide.variables.approve}
                        aria-label={t('joinRequests.declineFor', { name })}
                        onClick={() => decide.mutate({ request: r, approve: false }, { onSuccess: () => notify(t('joinRequests.declined', { name })) })}
                      >
                        {t('joinRequests.decline')}
                      </Button>
                    </div>
                  </Card>
                </li>
              );
            })}
          </ul>
        )}
      </QueryState>
    </section>
  );
}

function StatusTag({ request }: { request: JoinRequest }) {
  const { t } = useI18n();
  const status = request.status ?? 'pending';
  return <Tag data-color={STATUS_COLOR[status]}>{t(`joinRequests.statuses.${status}`)}</Tag>;
}

/** "Mine forespørsler": the signed-in user's requests to join organisations. */
export function MyJoinRequests({ headingLevel = 2, hideWhenEmpty = false }: { headingLevel?: 2 | 3; hideWhenEmpty?: boolean }) {
  const { t, fmt } = useI18n();
  const requests = useMyJoinRequests();
  const withdraw = useWithdrawJoinRequest();
  const [notice, setNotice] = useState<string>();
  if (hideWhenEmpty && requests.data?.length === 0) return null;
  return (
    <section aria-labelledby="my-join-requests" className="stack">
      <Heading level={headingLevel} data-size="sm" id="my-join-requests">
        {t('joinRequests.mineTitle')}
      </Heading>
      <LiveNotice message={notice} />
      {withdraw.isError ? <ErrorAlert error={withdraw.error} /> : null}
      <QueryState query={requests} isEmpty={(d) => d.length === 0} empty={t('joinRequests.mineEmpty')}>
        {(items) => (
          <Table className="table-reflow">
            <caption className="visually-hidden">{t('joinRequests.mineTitle')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('joinRequests.organization')}</Table.HeaderCell>
                <Table.HeaderCell>{t('joinRequests.sentOn')}</Table.HeaderCell>
                <Table.HeaderCell>{t('joinRequests.status')}</Table.HeaderCell>
                <Table.HeaderCell>{t('members.actions')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {items.map((r) => (
                <Table.Row key={r.id}>
                  <Table.Cell data-label={t('joinRequests.organization')}>
                    {r.status === 'approved' ? (
                      <DsLink asChild>
                        <Link to={`/organizations/${r.organization.id}`}>{r.organization.name}</Link>
                      </DsLink>
                    ) : (
                      <OrgName org={r.organization} />
                    )}
                  </Table.Cell>
                  <Table.Cell data-label={t('joinRequests.sentOn')}>{fmt.date(r.created_at)}</Table.Cell>
                  <Table.Cell data-label={t('joinRequests.status')}>
                    <StatusTag request={r} />
                  </Table.Cell>
                  <Table.Cell>
                    {r.status === 'pending' ? (
                      <Button
                        variant="tertiary"
                        data-size="sm"
                        aria-label={t('joinRequests.withdrawFor', { org: r.organization.name })}
                        loading={withdraw.isPending && withdraw.variables.id === r.id}
                        onClick={() => withdraw.mutate(r, { onSuccess: () => setNotice(t('joinRequests.withdrawn', { org: r.organization.name })) })}
                      >
                        {t('joinRequests.withdraw')}
                      </Button>
                    ) : null}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        )}
      </QueryState>
    </section>
  );
}
