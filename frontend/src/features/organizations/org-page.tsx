import { Heading, Link as DsLink, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useState, type ReactNode } from 'react';
import { useParams } from 'react-router';
import type { Organization } from '../../api/types';
import { useI18n } from '../../app/i18n';
import { useCurrentUser, useSession } from '../../app/session';
import { LiveNotice } from '../../components/live-notice';
import { UnverifiedTag } from '../../components/org-name';
import { PageHeading } from '../../components/page';
import { Loading, QueryState } from '../../components/query-state';
import { useReference } from '../../components/reference';
import { useOrganization } from './api';
import { OrgCapabilities } from './capabilities';
import { InvitationsSection } from './invitations';
import { JoinRequestsSection } from './join-requests';
import { MembersSection } from './members';
import { ContactRows, ProfileEditor } from './profile';
import { PublishedSection } from './published';

function Facts({ org, editor }: { org: Organization; editor: ReactNode }) {
  const { t, fmt } = useI18n();
  const counties = useReference('counties');
  const county = counties.data?.find((c) => c.code === org.county)?.label;
  const place = [org.municipality, county].filter(Boolean).join(', ');
  return (
    <section aria-labelledby="facts-heading" className="stack">
      <Heading level={2} data-size="sm" id="facts-heading">
        {t('orgPage.facts')}
      </Heading>
      <dl className="dl">
        <dt>{t('orgPage.kind')}</dt>
        <dd>{org.kind_label}</dd>
        <dt>{t('orgPage.number')}</dt>
        <dd>{org.org_number}</dd>
        {place ? (
          <>
            <dt>{t('orgPage.place')}</dt>
            <dd>{place}</dd>
          </>
        ) : null}
        {org.website ? (
          <>
            <dt>{t('orgPage.website')}</dt>
            <dd>
              <DsLink href={org.website} rel="noopener noreferrer">
                {org.website}
              </DsLink>
            </dd>
          </>
        ) : null}
        <ContactRows org={org} />
        <dt>{t('orgPage.verification')}</dt>
        <dd>
          {org.verified ? (
            <Tag data-color="success">{org.verified_at ? t('orgPage.verifiedOn', { date: fmt.date(org.verified_at) }) : t('orgPage.verifiedNote')}</Tag>
          ) : (
            <Tag data-color="warning">{t('orgPage.notVerified')}</Tag>
          )}
        </dd>
        <dt>{t('orgPage.registeredOn')}</dt>
        <dd>{fmt.date(org.created_at)}</dd>
      </dl>
      {org.description ? <Paragraph className="prewrap">{org.description}</Paragraph> : null}
      {editor}
    </section>
  );
}

function OrgView({ org }: { org: Organization }) {
  const { t } = useI18n();
  const user = useCurrentUser();
  const [notice, setNotice] = useState<string>();
  const membership = user?.memberships.find((m) => m.organization.id === org.id);
  const isAdmin = membership?.role === 'admin';
  const canManage = isAdmin || !!user?.is_advisor;
  // Members and advisors see what the organisation may do and who belongs to it; everyone
  // sees its facts, contact and what it has published.
  const inside = Boolean(membership) || !!user?.is_advisor;
  return (
    <article className="stack">
      <PageHeading title={org.name}>
        <span className="org-name">
          {org.name} <UnverifiedTag org={org} />
        </span>
      </PageHeading>
      <LiveNotice message={notice} />
      <div className="grid-halves">
        <Facts org={org} editor={canManage ? <ProfileEditor org={org} notify={setNotice} /> : null} />
        {inside ? <OrgCapabilities org={org} /> : <PublishedSection org={org} />}
      </div>
      {inside ? (
        <>
          <PublishedSection org={org} />
          <MembersSection org={org} myEmail={user?.email ?? ''} canManage={canManage} isAdmin={isAdmin} notify={setNotice} />
          {canManage ? (
            <>
              <JoinRequestsSection org={org} notify={setNotice} />
              <InvitationsSection org={org} notify={setNotice} />
            </>
          ) : null}
        </>
      ) : user ? (
        <Paragraph>{t('orgPage.notMember')}</Paragraph>
      ) : null}
    </article>
  );
}

function Inner() {
  const { id = '' } = useParams();
  const org = useOrganization(id);
  // Who reads decides what the page shows: wait for the session (a visitor has none).
  const session = useSession();
  if (session.isPending) return <Loading />;
  return <QueryState query={org}>{(o) => <OrgView org={o} />}</QueryState>;
}

/** An organisation's page: for everyone its facts, contact and what it has published (as in
 * Brønnøysund's register, every organisation is public); for its members also what it may do
 * now and its members, and for its administrators the profile, invitations and requests to
 * join. */
export function OrgPage() {
  return <Inner />;
}
