import { Alert, Button, Card, Heading, Link as DsLink, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useJointI18n, type JointKey } from './texts';
import { LiveNotice } from '../../components/live-notice';
import { OrgName } from '../../components/org-name';
import { PageHeading } from '../../components/page';
import { ErrorAlert, QueryState } from '../../components/query-state';
import { useMembership, useMembershipAction, type JointMembership } from './api';

function Answer({ membership }: { membership: JointMembership }) {
  const { t } = useJointI18n();
  const action = useMembershipAction();
  const [notice, setNotice] = useState<string | null>(null);
  const answer = (accept: boolean) =>
    action.mutate(
      { id: membership.id, action: accept ? 'accept' : 'decline' },
      { onSuccess: () => setNotice(t(accept ? 'joint.invitation.acceptedNotice' : 'joint.invitation.declinedNotice', { group: membership.group.title })) },
    );
  return (
    <div className="stack">
      <LiveNotice message={notice} />
      {action.isError ? <ErrorAlert error={action.error} /> : null}
      {membership.can_answer ? (
        <div className="row">
          <Button loading={action.isPending && action.variables.action === 'accept'} onClick={() => answer(true)}>
            {t('joint.invitation.accept')}
          </Button>
          <Button variant="secondary" loading={action.isPending && action.variables.action === 'decline'} onClick={() => answer(false)}>
            {t('joint.invitation.decline')}
          </Button>
        </div>
      ) : null}
      {membership.state === 'accepted' ? (
        <DsLink asChild>
          <Link to={`/needs/${membership.need.id}`}>{t('joint.invitation.toGroup', { need: membership.need.title })}</Link>
        </DsLink>
      ) : null}
    </div>
  );
}

function InvitationView({ membership }: { membership: JointMembership }) {
  const { t, fmt } = useJointI18n();
  const group = membership.group;
  return (
    <article className="stack">
      <PageHeading title={t('joint.invitation.title')}>{t('joint.invitation.title')}</PageHeading>
      <div className="row">
        <Tag data-color={membership.state === 'accepted' ? 'success' : 'info'}>{t(`joint.state.${membership.state}` as JointKey)}</Tag>
        {membership.invited_at ? <span>{fmt.dateTime(membership.invited_at)}</span> : null}
      </div>
      <Paragraph>{t('joint.invitation.intro', { lead: group.lead_organization.name, org: membership.organization.name })}</Paragraph>
      <Card>
        <Heading level={2} data-size="xs">
          {group.title}
        </Heading>
        <div className="meta">
          <OrgName org={group.lead_organization} />
          <span>
            {t('joint.invitation.leadNeed')}{' '}
            <DsLink asChild>
              <Link to={`/needs/${group.lead_need.id}`}>{group.lead_need.title}</Link>
            </DsLink>
          </span>
        </div>
      </Card>
      <Paragraph>
        {t('joint.invitation.yourNeed')}{' '}
        <DsLink asChild>
          <Link to={`/needs/${membership.need.id}`}>{membership.need.title}</Link>
        </DsLink>
      </Paragraph>
      {membership.message ? (
        <Alert data-color="info">
          <Paragraph className="prewrap">{t('joint.invitation.message', { person: membership.invited_by || group.lead_organization.name, message: membership.message })}</Paragraph>
        </Alert>
      ) : null}
      {group.status === 'dissolved' ? <Paragraph>{t('joint.invitation.dissolved')}</Paragraph> : null}
      <Answer membership={membership} />
    </article>
  );
}

/** An invitation to a joint procurement: the invited buyer reads it and answers; the lead
 * and advisors read it. */
export function JointInvitationPage() {
  const { id } = useParams();
  const membership = useMembership(id);
  return <QueryState query={membership}>{(m) => <InvitationView membership={m} />}</QueryState>;
}
