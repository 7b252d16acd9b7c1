import { Button, Table, Tag } from '@digdir/designsystemet-react';
import { useSearchParams } from 'react-router';
import type { MessageKey } from '../../app/i18n';
import { useAdvisorI18n } from './texts';
import { RequireAuth } from '../../app/require-auth';
import { SelectField } from '../../components/form-fields';
import { useOrganizations, useVerifyOrganization } from '../../components/organizations';
import { PageHeading } from '../../components/page';
import { ErrorAlert, QueryState } from '../../components/query-state';

function Organizations() {
  const { t } = useAdvisorI18n();
  const [params, setParams] = useSearchParams();
  const verified = params.get('verified') ?? 'false';
  const orgs = useOrganizations(verified ? { verified } : {});
  const verify = useVerifyOrganization();
  const filterOptions = [
    { code: 'false', label: t('advisor.orgs.unverified') },
    { code: 'true', label: t('advisor.orgs.verified') },
  ];
  return (
    <div className="stack">
      <SelectField label={t('advisor.orgs.filter')} value={verified} options={filterOptions} onChange={(v) => setParams(v ? { verified: v } : {})} includeEmpty />
      {verify.isError ? <ErrorAlert error={verify.error} /> : null}
      <QueryState query={orgs} isEmpty={(d) => d.length === 0} empty={t('advisor.orgs.empty')}>
        {(items) => (
          <Table className="table-reflow">
            <caption className="visually-hidden">{t('advisor.orgs.title')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('org.name')}</Table.HeaderCell>
                <Table.HeaderCell>{t('org.number')}</Table.HeaderCell>
                <Table.HeaderCell>{t('org.kind')}</Table.HeaderCell>
                <Table.HeaderCell>{t('advisor.state')}</Table.HeaderCell>
                <Table.HeaderCell>{t('slots.action')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {items.map((o) => (
                <Table.Row key={o.id}>
                  <Table.Cell data-label={t('org.name')}>{o.name}</Table.Cell>
                  <Table.Cell data-label={t('org.number')}>{o.org_number}</Table.Cell>
                  <Table.Cell data-label={t('org.kind')}>{t(`org.kinds.${o.kind}` as MessageKey)}</Table.Cell>
                  <Table.Cell data-label={t('advisor.state')}>
                    <Tag data-color={o.verified ? 'success' : 'warning'}>{o.verified ? t('advisor.orgs.verified') : t('advisor.orgs.unverified')}</Tag>
                  </Table.Cell>
                  <Table.Cell>
                    {!o.verified ? (
                      <Button data-size="sm" loading={verify.isPending && verify.variables === o.id} aria-label={t('advisor.orgs.verifyItem', { name: o.name })} onClick={() => verify.mutate(o.id)}>
                        {t('advisor.orgs.verify')}
                      </Button>
                    ) : null}
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

export function OrganizationsPage() {
  const { t } = useAdvisorI18n();
  return (
    <>
      <PageHeading title={t('advisor.orgs.title')}>{t('advisor.orgs.title')}</PageHeading>
      <RequireAuth roles={['advisor']}>
        <Organizations />
      </RequireAuth>
    </>
  );
}
