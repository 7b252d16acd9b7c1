import { Alert, Button, Card, Heading, Link as DsLink, Paragraph, Tag } from '@digdir/designsystemet-react';
import { Link, useParams } from 'react-router';
import type { Need } from '../../api/types';
import { useI18n, type MessageKey } from '../../app/i18n';
import { useCurrentUser, userRoles } from '../../app/session';

import { PageHeading } from '../../components/page';
import { ErrorAlert, QueryState } from '../../components/query-state';
import { useNeed, useNeedAction } from './api';
import { NeedFacts } from './need-facts';
import { NeedResponses, SimilarNeeds, SuggestedSolutions } from './need-insights';
import { OrgName } from '../../components/org-name';
import { NeedSharedLog } from '../dialogue-record/shared-log';
import { NoticeExports } from '../notices/notice-exports';
import { OngoingSection } from '../ongoing-dialogue/ongoing-section';
import { PilotSection } from '../pilots/pilot-section';
import { JointPanel } from '../joint/joint-panel';
import { NeedCasePanel } from '../cases/need-case-panel';
import { ResearchPartnersSection } from '../research/research-partners-section';

function Conferences({ need }: { need: Need }) {
  const { t, fmt } = useI18n();
  return (
    <section aria-labelledby="conf-heading" className="stack">
      <Heading level={2} data-size="sm" id="conf-heading">
        {t('need.conferences.title')}
      </Heading>
      {need.conferences.length === 0 ? (
        <Paragraph>{t('need.conferences.empty')}</Paragraph>
      ) : (
        <ul className="cards">
          {need.conferences.map((c) => (
            <li key={c.id}>
              <Card>
                <Heading level={3} data-size="xs">
                  <DsLink asChild>
                    <Link to={`/conferences/${c.id}`}>{c.title}</Link>
                  </DsLink>
                </Heading>
                <Paragraph data-size="sm">
                  {fmt.dateTime(c.starts_at)} · {t('conference.registrationDeadline')}: {fmt.dateTime(c.registration_deadline)}
                </Paragraph>
              </Card>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function OwnerActions({ need }: { need: Need }) {
  const { t } = useI18n();
  const action = useNeedAction(String(need.id));
  return (
    <div className="stack">
      <div className="row">
        <Button asChild variant="secondary">
          <Link to={`/needs/${need.id}/edit`}>{t('need.actions.edit')}</Link>
        </Button>
        {need.can_publish ? (
          <Button loading={action.isPending} onClick={() => action.mutate('publish')}>
            {t('need.actions.publish')}
          </Button>
        ) : null}
        {need.status === 'published' ? (
          <>
            <Button asChild variant="secondary">
              <Link to={`/conferences/new?need=${need.id}`}>{t('need.actions.newConference')}</Link>
            </Button>
            <Button variant="tertiary" loading={action.isPending} onClick={() => action.mutate('close')}>
              {t('need.actions.close')}
            </Button>
          </>
        ) : null}
      </div>
      {need.status === 'draft' && !need.can_publish && !need.organization.verified ? (
        <Alert data-color="info">
          <Paragraph>{t('need.actions.awaitingVerification', { org: need.organization.name })}</Paragraph>
          <Paragraph>
            <DsLink asChild>
              <Link to={`/organizations/${need.organization.id}`}>{t('need.actions.aboutOrg', { org: need.organization.name })}</Link>
            </DsLink>
          </Paragraph>
        </Alert>
      ) : null}
      {action.isError ? <ErrorAlert error={action.error} /> : null}
      {action.isSuccess ? (
        <Alert data-color="success" role="status">
          <Paragraph>{t('need.actions.done')}</Paragraph>
        </Alert>
      ) : null}
    </div>
  );
}

function NeedView({ need }: { need: Need }) {
  const { t } = useI18n();
  const user = useCurrentUser();
  const roles = userRoles(user);
  const owner = need.can_edit;
  const advisor = roles.has('advisor');
  const id = String(need.id);
  return (
    <article className="stack">
      <PageHeading title={need.title}>{need.title}</PageHeading>
      <div className="row">
        <Tag data-color={need.status === 'published' ? 'success' : 'neutral'}>{t(`need.status.${need.status ?? 'draft'}` as MessageKey)}</Tag>
        <OrgName org={need.organization} />
        {need.stage ? <Tag variant="outline">{need.stage.label}</Tag> : null}
      </div>
      {owner ? <OwnerActions need={need} /> : null}
      {roles.has('supplier') && need.status === 'published' && need.dialogue_open ? (
        <div>
          <Button asChild>
            <Link to={`/needs/${need.id}/respond`}>{t('need.actions.respond')}</Link>
          </Button>
        </div>
      ) : null}
      {advisor ? (
        <div>
          <Button asChild variant="secondary">
            <Link to={`/advisor/needs/${need.id}`}>{t('need.actions.board')}</Link>
          </Button>
        </div>
      ) : null}
      <section aria-labelledby="about-heading" className="stack">
        <Heading level={2} data-size="sm" id="about-heading">
          {t('need.fields.description')}
        </Heading>
        <Paragraph className="prewrap">{need.description}</Paragraph>
        {need.desired_effect?.trim() ? (
          <>
            <Heading level={2} data-size="sm">
              {t('need.fields.desiredEffect')}
            </Heading>
            <Paragraph className="prewrap">{need.desired_effect}</Paragraph>
          </>
        ) : null}
        <NeedFacts need={need} />
      </section>
      {need.status !== 'draft' || owner ? <NeedCasePanel need={need} /> : null}
      <PilotSection need={need} />
      <section aria-labelledby="cobuyers-heading" className="stack">
        <Heading level={2} data-size="sm" id="cobuyers-heading">
          {t('need.coBuyers.title')}
        </Heading>
        {need.co_buyers && need.co_buyers.length > 0 ? (
          <ul>
            {need.co_buyers.map((o) => (
              <li key={o.id}>
                <OrgName org={o} />
              </li>
            ))}
          </ul>
        ) : (
          <Paragraph>{t('need.coBuyers.empty')}</Paragraph>
        )}
        {need.pending_co_buyers.length > 0 ? (
          <>
            <Heading level={3} data-size="xs" id="cobuyers-pending">
              {t('need.coBuyers.pendingTitle')}
            </Heading>
            <ul aria-labelledby="cobuyers-pending">
              {need.pending_co_buyers.map((o) => (
                <li key={o.id}>
                  <span className="org-name">
                    <OrgName org={o} />
                    <Tag data-color="info" data-size="sm">
                      {t('need.coBuyers.pending')}
                    </Tag>
                  </span>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>
      {need.status !== 'draft' ? <JointPanel needId={id} /> : null}
      <Conferences need={need} />
      <NoticeExports need={need} />
      {need.status !== 'draft' ? <OngoingSection need={need} /> : null}
      {user && need.status !== 'draft' ? <NeedSharedLog needId={id} /> : null}
      {owner || advisor ? (
        <>
          <SuggestedSolutions needId={id} pending={need.suggestions_pending} invite={need.status === 'published' ? need : undefined} />
          <SimilarNeeds needId={id} pending={need.suggestions_pending} jointInvite={owner && need.status === 'published'} />
        </>
      ) : null}
      {owner || advisor ? <ResearchPartnersSection need={need} /> : null}
      {/* The buyer, an accepted co-buyer and advisors read the responses; the buyers also see who read them. */}
      {need.can_read_responses ? <NeedResponses needId={id} showAccessLog={!advisor} /> : null}
    </article>
  );
}

export function NeedDetailPage() {
  const { id } = useParams();
  const need = useNeed(id, { followSuggestions: true });
  return <QueryState query={need}>{(n) => <NeedView need={n} />}</QueryState>;
}
