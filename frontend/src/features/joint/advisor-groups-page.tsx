import { Card, Heading, Link as DsLink, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { useJointI18n, type JointKey } from './texts';
import { SelectField } from '../../components/form-fields';
import { PageHeading } from '../../components/page';
import { QueryState } from '../../components/query-state';
import { useReference } from '../../components/reference';
import { useJointGroups, type JointGroupStatus } from './api';

/** The advisor's view of joint procurement groups, forming and active, by county of the lead
 * need: who leads, who takes part, the combined volume. */
export function AdvisorJointGroupsPage() {
  const { t, fmt } = useJointI18n();
  const counties = useReference('counties');
  const [county, setCounty] = useState('');
  const [status, setStatus] = useState<JointGroupStatus | ''>('');
  const groups = useJointGroups({ county, status: status || undefined });
  const statuses: { code: JointGroupStatus; label: string }[] = [
    { code: 'active', label: t('joint.status.active') },
    { code: 'forming', label: t('joint.status.forming') },
    { code: 'dissolved', label: t('joint.status.dissolved') },
  ];
  return (
    <div className="stack">
      <PageHeading title={t('joint.advisor.title')}>{t('joint.advisor.title')}</PageHeading>
      <Paragraph>{t('joint.advisor.intro')}</Paragraph>
      <DsLink asChild>
        <Link to="/advisor?kind=need_need">{t('joint.advisor.toSuggestions')}</Link>
      </DsLink>
      <div className="row">
        <SelectField label={t('joint.advisor.county')} value={county} onChange={setCounty} options={counties.data ?? []} />
        <SelectField label={t('joint.advisor.status')} value={status} onChange={(v) => setStatus(v as JointGroupStatus | '')} options={statuses} />
      </div>
      <QueryState query={groups} isEmpty={(d) => d.results.length === 0} empty={t('joint.advisor.empty')}>
        {(d) => (
          <ul className="cards" aria-label={t('joint.advisor.title')}>
            {d.results.map((g) => (
              <li key={g.id}>
                <Card>
                  <Heading level={2} data-size="xs">
                    <DsLink asChild>
                      <Link to={`/needs/${g.lead_need.id}`}>{g.title}</Link>
                    </DsLink>
                  </Heading>
                  <div className="meta">
                    <Tag data-color={g.status === 'active' ? 'success' : 'info'}>{t(`joint.status.${g.status}` as JointKey)}</Tag>
                    <span>{t('joint.group.leadIs', { org: g.lead_organization.name })}</span>
                    <span>{t('joint.advisor.memberCount', { count: g.member_count })}</span>
                    {g.volume.users > 0 ? <span>{t('joint.advisor.users', { count: fmt.number(g.volume.users) })}</span> : null}
                  </div>
                  <Paragraph data-size="sm">
                    {fmt.list(g.members.map((m) => (m.state === 'accepted' ? m.organization.name : `${m.organization.name} (${t(`joint.state.${m.state}` as JointKey)})`)))}
                  </Paragraph>
                </Card>
              </li>
            ))}
          </ul>
        )}
      </QueryState>
    </div>
  );
}
